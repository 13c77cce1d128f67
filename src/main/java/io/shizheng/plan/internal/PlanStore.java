package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Direction;
import io.shizheng.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans in the plan_* tables, read and written as whole documents. */
@Repository
class PlanStore {

    private final JdbcClient jdbc;

    PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record PlanYear(int year, String title, BigDecimal totalWeight, BigDecimal totalBudget, int indicators) {
    }

    List<PlanYear> years() {
        return jdbc.sql("""
                select p.year, p.title,
                  (select coalesce(sum(weight), 0) from plan_goal g where g.plan_id = p.id) as weight,
                  (select coalesce(sum(budget_thousand), 0) from plan_program r where r.plan_id = p.id) as budget,
                  (select count(*) from plan_indicator i where i.plan_id = p.id) as indicators
                from plan_plan p order by p.year desc""")
                .query((rs, n) -> new PlanYear(rs.getInt("year"), rs.getString("title"), rs.getBigDecimal("weight"),
                        rs.getBigDecimal("budget"), rs.getInt("indicators"))).list();
    }

    Optional<Long> planId(int year) {
        return jdbc.sql("select id from plan_plan where year = ?").param(year).query(Long.class).optional();
    }

    Optional<PlanDocument> load(int year) {
        return jdbc.sql("select * from plan_plan where year = ?").param(year).query((rs, n) -> {
            long id = rs.getLong("id");
            String aims = rs.getString("aims");
            return new PlanDocument(year, rs.getString("title"), rs.getString("vision"),
                    aims == null || aims.isBlank() ? List.of() : Arrays.asList(aims.split("\n")),
                    goals(id), programs(id));
        }).optional();
    }

    private List<PlanDocument.Goal> goals(long planId) {
        Map<Long, List<PlanDocument.Indicator>> byGoal = new LinkedHashMap<>();
        jdbc.sql("select * from plan_indicator where plan_id = ? order by sort, code").param(planId).query(rs -> {
            byGoal.computeIfAbsent(rs.getLong("goal_id"), k -> new ArrayList<>()).add(new PlanDocument.Indicator(
                    rs.getString("code"), rs.getString("name"), rs.getString("name_en"), rs.getString("measure"),
                    rs.getString("unit"), Direction.valueOf(rs.getString("direction")),
                    Aggregation.valueOf(rs.getString("aggregation")), plain(rs.getBigDecimal("weight")),
                    plain(rs.getBigDecimal("target")), (Long) rs.getObject("owner_agency_id"), rs.getString("source")));
        });
        return jdbc.sql("select * from plan_goal where plan_id = ? order by sort, code").param(planId)
                .query((rs, n) -> new PlanDocument.Goal(rs.getString("code"), rs.getString("name"),
                        rs.getString("name_en"), plain(rs.getBigDecimal("weight")),
                        List.copyOf(byGoal.getOrDefault(rs.getLong("id"), List.of())))).list();
    }

    private List<PlanDocument.Program> programs(long planId) {
        Map<Long, List<String>> items = new LinkedHashMap<>();
        jdbc.sql("""
                select i.program_id, i.content from plan_program_item i join plan_program p on p.id = i.program_id
                where p.plan_id = ? order by i.program_id, i.seq""").param(planId)
                .query(rs -> {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return jdbc.sql("select * from plan_program where plan_id = ? order by seq").param(planId)
                .query((rs, n) -> new PlanDocument.Program(rs.getInt("seq"), rs.getString("name"),
                        plain(rs.getBigDecimal("budget_thousand")), rs.getString("note"),
                        List.copyOf(items.getOrDefault(rs.getLong("id"), List.of())))).list();
    }

    /** Writes the document over the stored plan: goals and indicators by code (ids stay), programs anew. */
    void replace(PlanDocument doc) {
        long planId = planId(doc.year()).orElseGet(() -> jdbc.sql(
                "insert into plan_plan(year, title) values (?, ?) returning id").params(doc.year(), doc.title())
                .query(Long.class).single());
        jdbc.sql("update plan_plan set title = ?, vision = ?, aims = ?, updated_at = now() where id = ?")
                .params(doc.title(), doc.vision(), String.join("\n", doc.aims()), planId).update();

        Set<String> keptIndicators = doc.indicators().stream().map(PlanDocument.Indicator::code).collect(Collectors.toSet());
        List<String> dropped = jdbc.sql("select code from plan_indicator where plan_id = ?").param(planId)
                .query(String.class).list().stream().filter(c -> !keptIndicators.contains(c)).toList();
        for (String code : dropped) {
            long values = jdbc.sql("""
                    select count(*) from plan_manual_value v join plan_indicator i on i.id = v.indicator_id
                    where i.plan_id = ? and i.code = ? and v.status = 'APPROVED'""").params(planId, code)
                    .query(Long.class).single();
            if (values > 0) {
                throw new InvalidInputException("indicators", "指標 " + code + " 已有核定的填報值，不可刪除 / indicator "
                        + code + " has approved values and cannot be removed");
            }
            jdbc.sql("delete from plan_indicator where plan_id = ? and code = ?").params(planId, code).update();
        }
        Set<String> keptGoals = doc.goals().stream().map(PlanDocument.Goal::code).collect(Collectors.toSet());
        jdbc.sql("select code from plan_goal where plan_id = ?").param(planId).query(String.class).list().stream()
                .filter(c -> !keptGoals.contains(c))
                .forEach(c -> jdbc.sql("delete from plan_goal where plan_id = ? and code = ?").params(planId, c).update());

        int goalSort = 0;
        int indicatorSort = 0;
        for (PlanDocument.Goal goal : doc.goals()) {
            long goalId = jdbc.sql("""
                    insert into plan_goal(plan_id, code, name, name_en, weight, sort) values (?, ?, ?, ?, ?, ?)
                    on conflict (plan_id, code) do update set name = excluded.name, name_en = excluded.name_en,
                      weight = excluded.weight, sort = excluded.sort
                    returning id""")
                    .params(planId, goal.code(), goal.name(), goal.nameEn(), goal.weight(), goalSort++)
                    .query(Long.class).single();
            for (PlanDocument.Indicator i : goal.indicators()) {
                jdbc.sql("""
                        insert into plan_indicator(plan_id, goal_id, code, name, name_en, measure, unit, direction,
                          aggregation, weight, target, owner_agency_id, source, sort)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (plan_id, code) do update set goal_id = excluded.goal_id, name = excluded.name,
                          name_en = excluded.name_en, measure = excluded.measure, unit = excluded.unit,
                          direction = excluded.direction, aggregation = excluded.aggregation, weight = excluded.weight,
                          target = excluded.target, owner_agency_id = excluded.owner_agency_id,
                          source = excluded.source, sort = excluded.sort""")
                        .params(planId, goalId, i.code(), i.name(), i.nameEn(), i.measure(), i.unit(),
                                i.direction().name(), i.aggregation().name(), i.weight(), i.target(),
                                i.ownerAgencyId(), i.source(), indicatorSort++)
                        .update();
            }
        }
        jdbc.sql("delete from plan_program where plan_id = ?").param(planId).update();
        for (PlanDocument.Program p : doc.programs()) {
            long programId = jdbc.sql("""
                    insert into plan_program(plan_id, seq, name, budget_thousand, note) values (?, ?, ?, ?, ?)
                    returning id""").params(planId, p.seq(), p.name(), p.budgetThousand(), p.note())
                    .query(Long.class).single();
            int seq = 1;
            for (String item : p.items()) {
                jdbc.sql("insert into plan_program_item(program_id, seq, content) values (?, ?, ?)")
                        .params(programId, seq++, item).update();
            }
        }
    }

    /** The stored id of an indicator, for manual values. */
    Optional<Long> indicatorId(int year, String code) {
        return jdbc.sql("""
                select i.id from plan_indicator i join plan_plan p on p.id = i.plan_id where p.year = ? and i.code = ?""")
                .params(year, code).query(Long.class).optional();
    }

    private static BigDecimal plain(BigDecimal n) {
        if (n == null) {
            return null;
        }
        BigDecimal s = n.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
