package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.shizheng.org.AgencyScope;
import io.shizheng.projects.Light;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for projects, their plans, milestones, reports and light history. */
@Repository
class ProjectStore {

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Project(long id, String code, String name, long agencyId, String controlLevel, String category, Double lon,
                   Double lat, String lineWkt, String districtCode, String districtName, LocalDate startDate,
                   LocalDate plannedEnd, LocalDate dueDate, BigDecimal totalBudget, BigDecimal annualBudget,
                   String contactEmail, String status, LocalDate closedOn, Light light, String lightReasons,
                   BigDecimal plannedPct, BigDecimal actualPct, BigDecimal spending, BigDecimal allocation,
                   LocalDate lastMonth, boolean demo) {

        public BigDecimal executionRate() {
            return WarningRules.executionRate(spending, allocation);
        }

        public boolean closed() {
            return "CLOSED".equals(status);
        }

        public List<String> reasonList() {
            return lightReasons == null || lightReasons.isBlank() ? List.of() : List.of(lightReasons.split("\n"));
        }

        /** Closed on or before the due date (the planned end, or the approved revised end). */
        public boolean onTime() {
            return OnTime.onTime(closedOn, dueDate);
        }
    }

    record PlanMonth(LocalDate month, BigDecimal plannedPct, BigDecimal allocation) {
    }

    record Milestone(long id, String name, LocalDate plannedDate, LocalDate reachedDate) {
    }

    record Revision(long id, LocalDate oldEnd, LocalDate newEnd, String reason, String approvedBy, Instant approvedAt) {
    }

    record Report(long id, long projectId, LocalDate month, BigDecimal actualPct, BigDecimal spending, String narrative,
                  String problems, String helpNeeded, String correctionNote, String status, String submittedBy,
                  Instant submittedAt, String reviewedBy, Instant reviewedAt, String reviewNote, boolean demo) {
    }

    record LightChange(Instant at, Light oldLight, Light newLight, String reasons) {
    }

    record Photo(long id, String name, String contentType) {
    }

    record Filter(Integer year, AgencyScope scope, String level, Light light, String district, String status) {
    }

    /** Explicit mappers: the generic record mapper probes column names by exception, row by row, which is slow. */
    static final RowMapper<Project> PROJECT = (rs, i) -> new Project(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
            rs.getLong("agency_id"), rs.getString("control_level"), rs.getString("category"), rs.getObject("lon", Double.class),
            rs.getObject("lat", Double.class), rs.getString("line_wkt"), rs.getString("district_code"), rs.getString("district_name"),
            rs.getObject("start_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
            rs.getObject("due_date", LocalDate.class), rs.getBigDecimal("total_budget"), rs.getBigDecimal("annual_budget"),
            rs.getString("contact_email"), rs.getString("status"), rs.getObject("closed_on", LocalDate.class),
            Light.valueOf(rs.getString("light")), rs.getString("light_reasons"), rs.getBigDecimal("planned_pct"),
            rs.getBigDecimal("actual_pct"), rs.getBigDecimal("spending"), rs.getBigDecimal("allocation"),
            rs.getObject("last_month", LocalDate.class), rs.getBoolean("demo"));

    static final RowMapper<Report> REPORT = (rs, i) -> new Report(rs.getLong("id"), rs.getLong("project_id"),
            rs.getObject("month", LocalDate.class), rs.getBigDecimal("actual_pct"), rs.getBigDecimal("spending"),
            rs.getString("narrative"), rs.getString("problems"), rs.getString("help_needed"), rs.getString("correction_note"),
            rs.getString("status"), rs.getString("submitted_by"), instant(rs.getTimestamp("submitted_at")),
            rs.getString("reviewed_by"), instant(rs.getTimestamp("reviewed_at")), rs.getString("review_note"), rs.getBoolean("demo"));

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static final String COLUMNS = """
            id, code, name, agency_id, control_level, category, lon, lat, line_wkt, district_code, district_name,
            start_date, planned_end, due_date, total_budget, annual_budget, contact_email, status, closed_on, light,
            light_reasons, planned_pct, actual_pct, spending, allocation, last_month, demo""";

    Optional<Project> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from projects_project where id = ?").param(id).query(PROJECT).optional();
    }

    Optional<Project> findForUpdate(long id) {
        return jdbc.sql("select " + COLUMNS + " from projects_project where id = ? for update").param(id)
                .query(PROJECT).optional();
    }

    Optional<Long> idByCode(String code) {
        return jdbc.sql("select id from projects_project where code = ?").param(code).query(Long.class).optional();
    }

    /** The ids of those of these codes that name a stored project, in one query. */
    Map<String, Long> idsByCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select code, id from projects_project where code = any(?)").param(codes.toArray(String[]::new))
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    boolean codeExists(String code) {
        return codeTaken(code, null);
    }

    /** Whether another project than {@code self} (null: any project) has the code. */
    boolean codeTaken(String code, Long self) {
        return jdbc.sql("select count(*) from projects_project where code = ? and id <> ?").params(code, self == null ? -1L : self)
                .query(Long.class).single() > 0;
    }

    private record Where(String sql, List<Object> params) {
    }

    private static Where where(Filter f) {
        StringBuilder sql = new StringBuilder(" where true");
        List<Object> params = new ArrayList<>();
        if (f.year() != null) {
            // projects running at some time in the year: begun by its end and not closed before it began
            sql.append(" and start_date <= ? and (closed_on is null or closed_on >= ?)");
            params.add(LocalDate.of(f.year(), 12, 31));
            params.add(LocalDate.of(f.year(), 1, 1));
        }
        sql.append(f.scope().andSql("agency_id"));
        if (f.level() != null) {
            sql.append(" and control_level = ?");
            params.add(f.level());
        }
        if (f.light() != null) {
            sql.append(" and light = ?");
            params.add(f.light().name());
        }
        if (f.district() != null) {
            sql.append(" and district_code = ?");
            params.add(f.district());
        }
        if (f.status() != null) {
            sql.append(" and status = ?");
            params.add(f.status());
        }
        return new Where(sql.toString(), params);
    }

    List<Project> search(Filter f, int page, int size) {
        Where w = where(f);
        List<Object> params = new ArrayList<>(w.params());
        params.add(size);
        params.add((long) page * size);
        return jdbc.sql("select " + COLUMNS + " from projects_project" + w.sql()
                        + " order by case light when 'RED' then 0 when 'YELLOW' then 1 when 'GREEN' then 2 else 3 end, code"
                        + " limit ? offset ?")
                .params(params).query(PROJECT).list();
    }

    long count(Filter f) {
        Where w = where(f);
        return jdbc.sql("select count(*) from projects_project" + w.sql()).params(w.params()).query(Long.class).single();
    }

    record Tally(String key, long green, long yellow, long red, long none, long closed, BigDecimal budget) {
        long total() { return green + yellow + red + none + closed; }
    }

    /** Counts by light per agency or district ({@code by} is a trusted column name), one aggregate query. */
    List<Tally> tally(Filter f, String by) {
        Where w = where(f);
        return jdbc.sql("select coalesce(" + by + "::text, '') as key,"
                        + " count(*) filter (where status = 'ACTIVE' and light = 'GREEN') as green,"
                        + " count(*) filter (where status = 'ACTIVE' and light = 'YELLOW') as yellow,"
                        + " count(*) filter (where status = 'ACTIVE' and light = 'RED') as red,"
                        + " count(*) filter (where status = 'ACTIVE' and light = 'NONE') as none,"
                        + " count(*) filter (where status = 'CLOSED') as closed,"
                        + " coalesce(sum(total_budget), 0) as budget"
                        + " from projects_project" + w.sql() + " group by 1 order by 1")
                .params(w.params()).query((rs, i) -> new Tally(rs.getString("key"), rs.getLong("green"), rs.getLong("yellow"),
                        rs.getLong("red"), rs.getLong("none"), rs.getLong("closed"), rs.getBigDecimal("budget"))).list();
    }

    record MapPoint(long id, String code, String name, double lon, double lat, Light light, String status, String lineWkt) {
    }

    List<MapPoint> points(Filter f) {
        Where w = where(f);
        return jdbc.sql("select id, code, name, lon, lat, light, status, line_wkt from projects_project" + w.sql()
                        + " and lon is not null and lat is not null")
                .params(w.params()).query((rs, i) -> new MapPoint(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getDouble("lon"), rs.getDouble("lat"), Light.valueOf(rs.getString("light")), rs.getString("status"),
                        rs.getString("line_wkt"))).list();
    }

    List<PlanMonth> plan(long projectId) {
        return jdbc.sql("select month, planned_pct, allocation from projects_plan_month where project_id = ? order by month")
                .param(projectId).query((rs, i) -> new PlanMonth(rs.getObject("month", LocalDate.class),
                        rs.getBigDecimal("planned_pct"), rs.getBigDecimal("allocation"))).list();
    }

    List<Milestone> milestones(long projectId) {
        return jdbc.sql("select id, name, planned_date, reached_date from projects_milestone where project_id = ? order by sort, planned_date")
                .param(projectId).query(Milestone.class).list();
    }

    List<Revision> revisions(long projectId) {
        return jdbc.sql("select id, old_end, new_end, reason, approved_by, approved_at from projects_revision where project_id = ? order by approved_at")
                .param(projectId).query(Revision.class).list();
    }

    private static final String REPORT_COLUMNS = """
            id, project_id, month, actual_pct, spending, narrative, problems, help_needed, correction_note, status,
            submitted_by, submitted_at, reviewed_by, reviewed_at, review_note, demo""";

    List<Report> reports(long projectId) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from projects_report where project_id = ? order by month")
                .param(projectId).query(REPORT).list();
    }

    Optional<Report> report(long id) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from projects_report where id = ?").param(id).query(REPORT).optional();
    }

    Optional<Report> reportFor(long projectId, LocalDate month) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from projects_report where project_id = ? and month = ?")
                .params(projectId, month).query(REPORT).optional();
    }

    /** The report the light is computed from: the latest month that was not returned. */
    Optional<Report> latestStanding(long projectId) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from projects_report where project_id = ? and status <> 'RETURNED'"
                        + " order by month desc limit 1").param(projectId).query(REPORT).optional();
    }

    /** The latest standing report before a month: the one whose spending a new report must not undercut. */
    Optional<Report> standingBefore(long projectId, LocalDate month) {
        return jdbc.sql("select " + REPORT_COLUMNS + " from projects_report where project_id = ? and status <> 'RETURNED'"
                        + " and month < ? order by month desc limit 1").params(projectId, month).query(REPORT).optional();
    }

    List<Report> reportsByStatus(String status, AgencyScope scope, int limit) {
        return jdbc.sql("select r." + REPORT_COLUMNS.replace(", ", ", r.") + " from projects_report r"
                        + " join projects_project p on p.id = r.project_id where r.status = ?"
                        + scope.andSql("p.agency_id")
                        + " order by r.submitted_at limit " + limit)
                .param(status)
                .query(REPORT).list();
    }

    List<Photo> photos(long reportId) {
        return jdbc.sql("select id, name, content_type from projects_report_photo where report_id = ? order by id")
                .param(reportId).query(Photo.class).list();
    }

    record PhotoBytes(long reportId, String name, String contentType, byte[] bytes) {
    }

    Optional<PhotoBytes> photo(long id) {
        return jdbc.sql("select report_id, name, content_type, bytes from projects_report_photo where id = ?").param(id)
                .query(PhotoBytes.class).optional();
    }

    List<LightChange> lightChanges(long projectId) {
        return jdbc.sql("select at, old_light, new_light, reasons from projects_light_change where project_id = ? order by at desc, id desc")
                .param(projectId).query(LightChange.class).list();
    }
}
