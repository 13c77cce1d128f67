package io.shizheng.servicequality.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The scoring rubric of each year: items with their points, which must add up to the rubric's total. */
@Service
class Rubrics {

    record Item(Long id, String code, String name, String nameEn, int maxPoints) {
    }

    record Rubric(long id, int year, int total, int passMark, List<Item> items) {
        public Item item(String code) {
            return items.stream().filter(i -> i.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** A rubric as submitted (API or form). */
    record Input(Integer total, Integer passMark, List<Item> items) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;

    Rubrics(JdbcClient jdbc, AuditLog audit, Access access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    List<Integer> years() {
        return jdbc.sql("select year from servicequality_rubric order by year desc").query(Integer.class).list();
    }

    Optional<Rubric> find(int year) {
        return jdbc.sql("select id, year, total, pass_mark from servicequality_rubric where year = ?").param(year)
                .query((rs, n) -> new Rubric(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), List.of()))
                .optional().map(r -> new Rubric(r.id(), r.year(), r.total(), r.passMark(), items(r.id())));
    }

    /** The rubric in force for a year: its own, else the latest earlier one. */
    Rubric inForce(int year) {
        return find(year).or(() -> jdbc.sql("select max(year) from servicequality_rubric where year <= ?").param(year)
                        .query(Integer.class).optional().flatMap(this::find))
                .orElseThrow(() -> new NotFoundException("沒有 " + year + " 年的評分表 / no rubric for " + year));
    }

    private List<Item> items(long rubricId) {
        return jdbc.sql("select id, code, name, name_en, max_points from servicequality_rubric_item where rubric_id = ? order by sort, id")
                .param(rubricId).query((rs, n) -> new Item(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getInt(5))).list();
    }

    /** Every rule a rubric must keep; empty when it is sound. */
    static List<FieldProblem> problems(Input in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.total() == null || in.total() <= 0) {
            problems.add(new FieldProblem("total", "總分須為正整數 / total must be a positive whole number"));
        }
        if (in.passMark() != null && in.total() != null && (in.passMark() <= 0 || in.passMark() > in.total())) {
            problems.add(new FieldProblem("passMark", "及格分數須介於 1 與總分之間 / pass mark must be between 1 and the total"));
        }
        List<Item> items = in.items() == null ? List.of() : in.items();
        if (items.isEmpty()) {
            problems.add(new FieldProblem("items", "評分表至少要有一個項目 / a rubric needs at least one item"));
        }
        Set<String> codes = new HashSet<>();
        int sum = 0;
        for (int i = 0; i < items.size(); i++) {
            Item it = items.get(i);
            String f = "items[" + i + "]";
            if (it.code() == null || !it.code().matches("[A-Z][A-Z0-9_]{0,29}")) {
                problems.add(new FieldProblem(f + ".code", "代碼須為英文大寫字母開頭 / code must be upper-case letters, digits or _"));
            } else if (!codes.add(it.code())) {
                problems.add(new FieldProblem(f + ".code", "代碼重複：" + it.code() + " / duplicate code"));
            }
            if (it.name() == null || it.name().isBlank()) {
                problems.add(new FieldProblem(f + ".name", "請填項目名稱 / name is required"));
            }
            if (it.maxPoints() <= 0) {
                problems.add(new FieldProblem(f + ".maxPoints", "配分須為正整數 / points must be positive"));
            }
            sum += Math.max(0, it.maxPoints());
        }
        if (in.total() != null && !items.isEmpty() && sum != in.total()) {
            problems.add(new FieldProblem("items", "各項配分合計 " + sum + " 分，與總分 " + in.total()
                    + " 分不符 / items add up to " + sum + ", not to the total " + in.total()));
        }
        return problems;
    }

    /** Sets a year's rubric. Items are kept by code so that scored calls keep their item scores. */
    @Transactional
    Rubric save(int year, Input in) {
        access.requireRdec();
        if (year < 2000 || year > 2100) {
            throw new InvalidInputException("year", "年度請用西元年 / use the Gregorian year");
        }
        List<FieldProblem> problems = problems(in);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        int passMark = in.passMark() == null ? 80 : in.passMark();
        Optional<Rubric> before = find(year);
        long id;
        if (before.isPresent()) {
            id = before.get().id();
            jdbc.sql("update servicequality_rubric set total = ?, pass_mark = ?, updated_at = now() where id = ?")
                    .params(in.total(), passMark, id).update();
            Set<String> keep = new HashSet<>();
            in.items().forEach(i -> keep.add(i.code()));
            for (Item old : before.get().items()) {
                if (!keep.contains(old.code())) {
                    long used = jdbc.sql("select count(*) from servicequality_call_score where item_id = ?").param(old.id())
                            .query(Long.class).single();
                    if (used > 0) {
                        throw new InvalidInputException("items", "項目 " + old.code() + " 已用於 " + used
                                + " 通電話的評分，不可刪除 / item " + old.code() + " is used by scored calls");
                    }
                    jdbc.sql("delete from servicequality_rubric_item where id = ?").param(old.id()).update();
                }
            }
        } else {
            id = jdbc.sql("insert into servicequality_rubric (year, total, pass_mark) values (?, ?, ?) returning id")
                    .params(year, in.total(), passMark).query(Long.class).single();
        }
        int sort = 1;
        for (Item it : in.items()) {
            jdbc.sql("""
                    insert into servicequality_rubric_item (rubric_id, code, name, name_en, max_points, sort)
                    values (?, ?, ?, ?, ?, ?)
                    on conflict (rubric_id, code) do update set name = excluded.name, name_en = excluded.name_en,
                      max_points = excluded.max_points, sort = excluded.sort""")
                    .params(id, it.code(), it.name().trim(), it.nameEn(), it.maxPoints(), sort++).update();
        }
        Rubric after = find(year).orElseThrow();
        audit.record("servicequality.rubric", year, before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE,
                before.orElse(null), after);
        return after;
    }

    /** Checks each item's points against its range and that every item is scored; returns the total. */
    static int total(Rubric rubric, Map<String, Integer> points) {
        List<FieldProblem> problems = new ArrayList<>();
        Map<String, Integer> given = points == null ? Map.of() : new LinkedHashMap<>(points);
        int total = 0;
        for (Item it : rubric.items()) {
            Integer p = given.remove(it.code());
            if (p == null) {
                problems.add(new FieldProblem("points." + it.code(), "請評分：" + it.name() + " / score is required"));
            } else if (p < 0 || p > it.maxPoints()) {
                problems.add(new FieldProblem("points." + it.code(), it.name() + "的分數須介於 0 至 " + it.maxPoints()
                        + " 分 / must be 0 to " + it.maxPoints()));
            } else {
                total += p;
            }
        }
        for (String unknown : given.keySet()) {
            problems.add(new FieldProblem("points." + unknown, "評分表沒有此項目 / no such item in the rubric"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return total;
    }
}
