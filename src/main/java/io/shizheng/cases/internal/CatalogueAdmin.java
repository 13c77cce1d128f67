package io.shizheng.cases.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InputRules;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * RDEC keeps the case types (with their deadline rules) and the categories (with their competent agency) here, for
 * the pages and the API alike: city-wide staff only, checked by Bean Validation and the database, every write audited.
 * A category is retired, never deleted: its cases keep it.
 */
@Service
class CatalogueAdmin {

    static final String CODE = "[A-Z][A-Z0-9_]*";

    private final Catalogue catalogue;
    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final InputRules rules;

    CatalogueAdmin(Catalogue catalogue, JdbcClient jdbc, AgencyDirectory agencies, AuditLog audit, InputRules rules) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.agencies = agencies;
        this.audit = audit;
        this.rules = rules;
    }

    /** A case type as RDEC sets it; on an update a null keeps the current value. */
    record TypeInput(
            @NotBlank(message = "{cases.catalogue.code.required}") @Size(max = 20, message = "{cases.catalogue.code.size}")
            @Pattern(regexp = CODE, message = "{cases.catalogue.code.pattern}") @Nullable String code,
            @NotBlank(message = "{cases.catalogue.name.required}") @Size(max = 40, message = "{cases.catalogue.name.size}") @Nullable String name,
            @NotBlank(message = "{cases.catalogue.nameEn.required}") @Size(max = 80, message = "{cases.catalogue.nameEn.size}") @Nullable String nameEn,
            @NotNull(message = "{cases.catalogue.replyDays.range}") @Min(value = 0, message = "{cases.catalogue.replyDays.range}")
            @Max(value = 60, message = "{cases.catalogue.replyDays.range}") @Nullable Integer replyDays,
            @Nullable Boolean fromNextDay,
            @NotNull(message = "{cases.catalogue.reassignDays.range}") @Min(value = 0, message = "{cases.catalogue.reassignDays.range}")
            @Max(value = 10, message = "{cases.catalogue.reassignDays.range}") @Nullable Integer reassignDays,
            @Min(value = 0, message = "{cases.catalogue.sort.range}") @Max(value = 9999, message = "{cases.catalogue.sort.range}") @Nullable Integer sort) {

        static TypeInput of(CaseType t, int sort) {
            return new TypeInput(t.code(), t.name(), t.nameEn(), t.replyDays(), t.fromNextDay(), t.reassignDays(), sort);
        }

        TypeInput over(TypeInput current) {
            return new TypeInput(current.code(), pick(name, current.name()), pick(nameEn, current.nameEn()),
                    replyDays != null ? replyDays : current.replyDays(), fromNextDay != null ? fromNextDay : current.fromNextDay(),
                    reassignDays != null ? reassignDays : current.reassignDays(), sort != null ? sort : current.sort());
        }
    }

    /** A category as RDEC sets it; on an update a null keeps the current value. Its Open311 attributes stay as they are. */
    record CategoryInput(
            @NotBlank(message = "{cases.catalogue.code.required}") @Size(max = 30, message = "{cases.catalogue.code.size}")
            @Pattern(regexp = CODE, message = "{cases.catalogue.code.pattern}") @Nullable String code,
            @NotBlank(message = "{cases.catalogue.name.required}") @Size(max = 60, message = "{cases.catalogue.name.size}") @Nullable String name,
            @NotBlank(message = "{cases.catalogue.nameEn.required}") @Size(max = 100, message = "{cases.catalogue.nameEn.size}") @Nullable String nameEn,
            @NotBlank(message = "{cases.catalogue.description.required}") @Size(max = 500, message = "{cases.catalogue.description.size}") @Nullable String description,
            @NotBlank(message = "{cases.catalogue.group.required}") @Size(max = 40, message = "{cases.catalogue.group.size}") @Nullable String group,
            @Size(max = 200, message = "{cases.catalogue.keywords.size}") @Nullable String keywords,
            @NotBlank(message = "{cases.catalogue.agency.required}") @Nullable String agencyCode,
            @Nullable Boolean byDistrict,
            @Nullable Boolean needsLocation,
            @Min(value = 0, message = "{cases.catalogue.sort.range}") @Max(value = 9999, message = "{cases.catalogue.sort.range}") @Nullable Integer sort) {

        static CategoryInput of(Category c) {
            return new CategoryInput(c.code(), c.name(), c.nameEn(), c.description(), c.group(), c.keywords(), c.agencyCode(),
                    c.byDistrict(), c.needsLocation(), c.sort());
        }

        CategoryInput over(CategoryInput current) {
            return new CategoryInput(current.code(), pick(name, current.name()), pick(nameEn, current.nameEn()),
                    pick(description, current.description()), pick(group, current.group()), keywords != null ? keywords : current.keywords(),
                    pick(agencyCode, current.agencyCode()), byDistrict != null ? byDistrict : current.byDistrict(),
                    needsLocation != null ? needsLocation : current.needsLocation(), sort != null ? sort : current.sort());
        }
    }

    /** A category with its standing: how many cases it has and since when it is retired. */
    record CategoryEntry(Category category, String agencyName, long cases, long openCases, @Nullable Instant retiredAt,
                         @Nullable String retiredBy) {
    }

    record Overview(List<CaseType> types, List<CategoryEntry> categories) {
    }

    private static @Nullable String pick(@Nullable String given, @Nullable String current) {
        return given != null ? given : current;
    }

    static ShizhengUser requireCityWide() {
        ShizhengUser u = CurrentUser.require();
        if (!u.cityWide()) {
            throw new ForbiddenException("只有研考會可以管理案件類型與類別 / only RDEC staff keep case types and categories");
        }
        return u;
    }

    Overview overview() {
        requireCityWide();
        Map<String, long[]> counts = new HashMap<>();
        jdbc.sql("select category_code, count(*), count(*) filter (where status = 'OPEN') from cases_case group by 1")
                .query(rs -> {
                    counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        Map<String, Object[]> retired = new HashMap<>();
        jdbc.sql("select code, retired_at, retired_by from cases_category where retired_at is not null")
                .query(rs -> {
                    retired.put(rs.getString(1), new Object[] {rs.getTimestamp(2).toInstant(), rs.getString(3)});
                });
        Map<String, String> names = new HashMap<>();
        agencies.all().forEach(a -> names.put(a.code(), a.name()));
        List<CategoryEntry> entries = catalogue.allCategories().stream().map(c -> {
            long[] n = counts.getOrDefault(c.code(), new long[2]);
            Object[] r = retired.get(c.code());
            return new CategoryEntry(c, names.getOrDefault(c.agencyCode(), c.agencyCode()), n[0], n[1],
                    r == null || c.active() ? null : (Instant) r[0], r == null || c.active() ? null : (String) r[1]);
        }).toList();
        return new Overview(catalogue.types(), entries);
    }

    CategoryEntry entry(String code) {
        return overview().categories().stream().filter(e -> e.category().code().equals(code)).findFirst()
                .orElseThrow(() -> noCategory(code));
    }

    CaseType type(String code) {
        requireCityWide();
        return catalogue.type(code).orElseThrow(() -> noType(code));
    }

    int typeSort(String code) {
        return jdbc.sql("select sort from cases_type where code = ?").param(code).query(Integer.class).optional().orElse(0);
    }

    /** The agencies a category may be handled by: every active agency but the city itself. */
    List<Agency> handlingAgencies() {
        return agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY).toList();
    }

    // ------------------------------------------------------------------ case types

    @Transactional
    CaseType createType(TypeInput in) {
        requireCityWide();
        TypeInput t = trimmed(in);
        List<FieldProblem> p = new ArrayList<>(rules.problems(t));
        if (t.code() != null && catalogue.type(t.code()).isPresent()) {
            p.add(new FieldProblem("code", "已有此代碼 / this code is taken: " + t.code()));
        }
        refuse(p);
        int sort = t.sort() != null ? t.sort() : jdbc.sql("select coalesce(max(sort), 0) + 1 from cases_type").query(Integer.class).single();
        jdbc.sql("insert into cases_type (code, name, name_en, reply_days, from_next_day, reassign_days, sort) values (?, ?, ?, ?, ?, ?, ?)")
                .params(t.code(), t.name(), t.nameEn(), t.replyDays(), t.fromNextDay() == null || t.fromNextDay(), t.reassignDays(), sort)
                .update();
        catalogue.changed();
        CaseType created = catalogue.type(t.code()).orElseThrow();
        audit.record("cases.type", created.code(), AuditAction.CREATE, null, typeMap(created, sort));
        return created;
    }

    /** Changes a type's names, deadline rule or order; what the type's new cases are given from now on. */
    @Transactional
    CaseType updateType(String code, TypeInput in) {
        requireCityWide();
        CaseType before = catalogue.type(code).orElseThrow(() -> noType(code));
        int sortBefore = typeSort(code);
        TypeInput t = trimmed(in).over(TypeInput.of(before, sortBefore));
        refuse(new ArrayList<>(rules.problems(t)));
        jdbc.sql("update cases_type set name = ?, name_en = ?, reply_days = ?, from_next_day = ?, reassign_days = ?, sort = ? where code = ?")
                .params(t.name(), t.nameEn(), t.replyDays(), t.fromNextDay(), t.reassignDays(), t.sort(), code).update();
        catalogue.changed();
        CaseType after = catalogue.type(code).orElseThrow();
        audit.record("cases.type", code, AuditAction.UPDATE, typeMap(before, sortBefore), typeMap(after, t.sort()));
        return after;
    }

    private static Map<String, Object> typeMap(CaseType t, int sort) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", t.name());
        m.put("nameEn", t.nameEn());
        m.put("replyDays", t.replyDays());
        m.put("fromNextDay", t.fromNextDay());
        m.put("reassignDays", t.reassignDays());
        m.put("sort", sort);
        return m;
    }

    // ------------------------------------------------------------------ categories

    @Transactional
    Category createCategory(CategoryInput in) {
        requireCityWide();
        CategoryInput c = trimmed(in);
        List<FieldProblem> p = new ArrayList<>(rules.problems(c));
        if (c.code() != null && catalogue.known(c.code()).isPresent()) {
            p.add(new FieldProblem("code", "已有此代碼（含已停用類別）/ this code is taken (retired categories too): " + c.code()));
        }
        crossChecks(c, p);
        refuse(p);
        int sort = c.sort() != null ? c.sort() : jdbc.sql("select coalesce(max(sort), 0) + 1 from cases_category").query(Integer.class).single();
        jdbc.sql("""
                insert into cases_category (code, name, name_en, description, grp, keywords, agency_code, by_district,
                  needs_location, attributes, active, sort)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', true, ?)""")
                .params(c.code(), c.name(), c.nameEn(), c.description(), c.group(), c.keywords() == null ? "" : c.keywords(),
                        c.agencyCode(), Boolean.TRUE.equals(c.byDistrict()), c.needsLocation() == null || c.needsLocation(), sort)
                .update();
        catalogue.changed();
        Category created = catalogue.known(c.code()).orElseThrow();
        audit.record("cases.category", created.code(), AuditAction.CREATE, null, categoryMap(created));
        return created;
    }

    /** Changes a category; its cases keep their agency, new cases go to the agency set here. */
    @Transactional
    Category updateCategory(String code, CategoryInput in) {
        requireCityWide();
        Category before = catalogue.known(code).orElseThrow(() -> noCategory(code));
        CategoryInput c = trimmed(in).over(CategoryInput.of(before));
        List<FieldProblem> p = new ArrayList<>(rules.problems(c));
        crossChecks(c, p);
        refuse(p);
        jdbc.sql("""
                update cases_category set name = ?, name_en = ?, description = ?, grp = ?, keywords = ?, agency_code = ?,
                  by_district = ?, needs_location = ?, sort = ? where code = ?""")
                .params(c.name(), c.nameEn(), c.description(), c.group(), c.keywords() == null ? "" : c.keywords(), c.agencyCode(),
                        c.byDistrict(), c.needsLocation(), c.sort(), code).update();
        catalogue.changed();
        Category after = catalogue.known(code).orElseThrow();
        audit.record("cases.category", code, AuditAction.UPDATE, categoryMap(before), categoryMap(after));
        return after;
    }

    /** No longer offered for new cases (forms, Open311 services); its cases keep it and still count under it. */
    @Transactional
    Category retire(String code) {
        ShizhengUser u = requireCityWide();
        Category before = catalogue.known(code).orElseThrow(() -> noCategory(code));
        if (!before.active()) {
            throw new InvalidInputException("code", "此類別已停用 / this category is already retired");
        }
        if (catalogue.categories().size() <= 1) {
            throw new InvalidInputException("code", "至少須保留一個使用中的類別 / at least one category must stay in use");
        }
        jdbc.sql("update cases_category set active = false, retired_at = now(), retired_by = ? where code = ?")
                .params(u.getUsername(), code).update();
        catalogue.changed();
        audit.record("cases.category", code, AuditAction.UPDATE, Map.of("active", true), Map.of("active", false));
        return catalogue.known(code).orElseThrow();
    }

    /** Offered again for new cases. */
    @Transactional
    Category reinstate(String code) {
        requireCityWide();
        Category before = catalogue.known(code).orElseThrow(() -> noCategory(code));
        if (before.active()) {
            throw new InvalidInputException("code", "此類別使用中 / this category is in use");
        }
        jdbc.sql("update cases_category set active = true, retired_at = null, retired_by = null where code = ?").param(code).update();
        catalogue.changed();
        audit.record("cases.category", code, AuditAction.UPDATE, Map.of("active", false), Map.of("active", true));
        return catalogue.known(code).orElseThrow();
    }

    private void crossChecks(CategoryInput c, List<FieldProblem> p) {
        if (c.agencyCode() != null && !c.agencyCode().isBlank()) {
            Agency a = agencies.findByCode(c.agencyCode()).orElse(null);
            if (a == null || !a.active() || a.kind() == AgencyKind.CITY) {
                p.add(new FieldProblem("agencyCode", "沒有這個機關或已裁撤 / no such agency in service: " + c.agencyCode()));
            }
        }
        if (Boolean.TRUE.equals(c.byDistrict()) && Boolean.FALSE.equals(c.needsLocation())) {
            p.add(new FieldProblem("byDistrict", "依行政區分派需要地點 / dispatch by district needs a location"));
        }
    }

    private static Map<String, Object> categoryMap(Category c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("nameEn", c.nameEn());
        m.put("description", c.description());
        m.put("group", c.group());
        m.put("keywords", c.keywords());
        m.put("agencyCode", c.agencyCode());
        m.put("byDistrict", c.byDistrict());
        m.put("needsLocation", c.needsLocation());
        m.put("sort", c.sort());
        m.put("active", c.active());
        return m;
    }

    private static TypeInput trimmed(@Nullable TypeInput t) {
        if (t == null) {
            throw new InvalidInputException("body", "請提供內容 / the request has no content");
        }
        return new TypeInput(upper(t.code()), strip(t.name()), strip(t.nameEn()), t.replyDays(), t.fromNextDay(), t.reassignDays(), t.sort());
    }

    private static CategoryInput trimmed(@Nullable CategoryInput c) {
        if (c == null) {
            throw new InvalidInputException("body", "請提供內容 / the request has no content");
        }
        return new CategoryInput(upper(c.code()), strip(c.name()), strip(c.nameEn()), strip(c.description()), strip(c.group()),
                c.keywords() == null ? null : c.keywords().strip(), upper(c.agencyCode()), c.byDistrict(), c.needsLocation(), c.sort());
    }

    private static @Nullable String strip(@Nullable String s) {
        return s == null ? null : s.strip();
    }

    private static @Nullable String upper(@Nullable String s) {
        return s == null ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static void refuse(List<FieldProblem> p) {
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
    }

    static NotFoundException noType(String code) {
        return new NotFoundException("沒有這個案件類型 / no such case type: " + code);
    }

    static NotFoundException noCategory(String code) {
        return new NotFoundException("沒有這個案件類別 / no such category: " + code);
    }
}
