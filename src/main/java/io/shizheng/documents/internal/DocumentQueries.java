package io.shizheng.documents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shizheng.org.AgencyScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The read side: rates from the daily closure counts, lists and analyses from the documents themselves. */
@Repository
class DocumentQueries {

    record Rate(Long agencyId, String label, long closed, long onTime) {
        public Double percent() { return closed == 0 ? null : Math.round(onTime * 10000.0 / closed) / 100.0; }

        public long late() { return closed - onTime; }
    }

    record MonthRate(int month, long closed, long onTime) {
        public Double percent() { return closed == 0 ? null : Math.round(onTime * 10000.0 / closed) / 100.0; }
    }

    record Doc(long id, String docNo, long agencyId, String unit, String type, String priority, String subject,
               LocalDate received, LocalDate setDeadline, LocalDate closed, int extensionCount, int extensionDays,
               boolean projectControl, String deadlineRule, LocalDate baseDeadline, LocalDate deadline, Boolean onTime,
               String overdueReason, boolean demo) {
        public DocType docType() { return DocType.valueOf(type); }

        public Priority docPriority() { return Priority.valueOf(priority); }
    }

    record Overdue(long id, String docNo, long agencyId, String unit, String type, String priority, String subject,
                   LocalDate received, LocalDate deadline, int extensionCount, long daysOverdue, String overdueReason,
                   boolean demo) {
    }

    record LateGroup(String key, long count, double avgDaysLate) {
    }

    record Extension(int seq, int days, String reason, String source, String grantedBy, java.time.Instant at) {
    }

    private static final String DOC_COLUMNS = """
            id, doc_no, agency_id, unit, doc_type, priority, subject, received_on, set_deadline, closed_on,
            extension_count, extension_days, project_control, deadline_rule, base_deadline, deadline, on_time,
            overdue_reason, demo""";

    private final JdbcClient jdbc;

    DocumentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Closed and on-time documents in [from, to] per agency (ordinary count, project control left out). */
    List<Rate> ratesByAgency(LocalDate from, LocalDate to, AgencyScope scope) {
        return jdbc.sql("select agency_id, sum(closed), sum(on_time) from documents_closed_day where closed_on between ? and ? and "
                        + scope.sql("agency_id") + " group by agency_id")
                .params(List.of(from, to))
                .query((rs, n) -> new Rate(rs.getLong(1), null, rs.getLong(2), rs.getLong(3))).list();
    }

    Rate total(LocalDate from, LocalDate to, AgencyScope scope) {
        return jdbc.sql("select coalesce(sum(closed), 0), coalesce(sum(on_time), 0) from documents_closed_day where closed_on between ? and ? and "
                        + scope.sql("agency_id"))
                .params(List.of(from, to))
                .query((rs, n) -> new Rate(scope.agencyId(), null, rs.getLong(1), rs.getLong(2))).single();
    }

    List<MonthRate> byMonth(int year, AgencyScope scope, String unit) {
        String sql;
        List<Object> p;
        if (unit == null) {
            sql = "select extract(month from closed_on)::int, sum(closed), sum(on_time) from documents_closed_day"
                    + " where closed_on between ? and ? and " + scope.sql("agency_id") + " group by 1 order by 1";
            p = List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        } else {
            sql = "select extract(month from closed_on)::int, count(*), count(*) filter (where on_time) from documents_document"
                    + " where closed_on between ? and ? and not project_control and unit = ? and " + scope.sql("agency_id")
                    + " group by 1 order by 1";
            p = List.of(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), unit);
        }
        List<MonthRate> found = jdbc.sql(sql).params(p)
                .query((rs, n) -> new MonthRate(rs.getInt(1), rs.getLong(2), rs.getLong(3))).list();
        List<MonthRate> all = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            int month = m;
            all.add(found.stream().filter(r -> r.month() == month).findFirst().orElse(new MonthRate(m, 0, 0)));
        }
        return all;
    }

    /** Per unit of the agencies in scope, from the documents (units are not in the daily counts). */
    List<Rate> ratesByUnit(LocalDate from, LocalDate to, AgencyScope scope) {
        return jdbc.sql("select agency_id, unit, count(*), count(*) filter (where on_time) from documents_document"
                        + " where closed_on between ? and ? and not project_control and " + scope.sql("agency_id")
                        + " group by agency_id, unit order by agency_id, unit")
                .params(List.of(from, to))
                .query((rs, n) -> new Rate(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    List<String> units(AgencyScope scope) {
        return jdbc.sql("select distinct unit from documents_document where " + scope.sql("agency_id") + " order by unit limit 500")
                .query(String.class).list();
    }

    long projectControlled(LocalDate from, LocalDate to, AgencyScope scope) {
        return jdbc.sql("select count(*) from documents_document where project_control and received_on <= ? and (closed_on is null or closed_on >= ?) and "
                        + scope.sql("agency_id"))
                .params(List.of(to, from)).query(Long.class).single();
    }

    /**
     * Documents open and past their deadline on {@code asOf}: for today, the open ones; for a past day, those
     * received by then and closed (if at all) after it.
     */
    List<Overdue> overdue(LocalDate asOf, boolean current, AgencyScope scope, String unit, int limit, int offset) {
        String where = overdueWhere(current, scope, unit);
        return jdbc.sql("select id, doc_no, agency_id, unit, doc_type, priority, subject, received_on, deadline, extension_count,"
                        + " (?::date - deadline) as days, overdue_reason, demo from documents_document where " + where
                        + " order by deadline, id limit ? offset ?")
                .params(withEnds(asOf, overdueParams(asOf, current, scope, unit), limit, offset))
                .query((rs, n) -> new Overdue(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getLong(11), rs.getString(12),
                        rs.getBoolean(13))).list();
    }

    long overdueCount(LocalDate asOf, boolean current, AgencyScope scope, String unit) {
        return jdbc.sql("select count(*) from documents_document where " + overdueWhere(current, scope, unit))
                .params(overdueParams(asOf, current, scope, unit)).query(Long.class).single();
    }

    private static String overdueWhere(boolean current, AgencyScope scope, String unit) {
        String base = current ? "closed_on is null and deadline < ?"
                : "deadline < ? and received_on <= ? and (closed_on is null or closed_on > ?)";
        return base + " and not project_control" + (unit == null ? "" : " and unit = ?") + " and " + scope.sql("agency_id");
    }

    private static List<Object> overdueParams(LocalDate asOf, boolean current, AgencyScope scope, String unit) {
        List<Object> p = new ArrayList<>();
        p.add(asOf);
        if (!current) {
            p.add(asOf);
            p.add(asOf);
        }
        if (unit != null) {
            p.add(unit);
        }
        return p;
    }

    private static List<Object> withEnds(Object first, List<Object> middle, Object... last) {
        List<Object> p = new ArrayList<>();
        p.add(first);
        p.addAll(middle);
        p.addAll(List.of(last));
        return p;
    }

    /** Documents closed late in [from, to], grouped by reason, unit, type or priority. */
    List<LateGroup> lateBy(String dimension, LocalDate from, LocalDate to, AgencyScope scope) {
        String column = switch (dimension) {
            case "reason" -> "coalesce(overdue_reason, '')";
            case "unit" -> "unit";
            case "type" -> "doc_type";
            case "priority" -> "priority";
            case "agency" -> "agency_id::text";
            default -> throw new IllegalArgumentException(dimension);
        };
        return jdbc.sql("select " + column + ", count(*), avg(closed_on - deadline) from documents_document"
                        + " where on_time = false and closed_on between ? and ? and not project_control and "
                        + scope.sql("agency_id") + " group by 1 order by 2 desc, 1 limit 200")
                .params(List.of(from, to))
                .query((rs, n) -> new LateGroup(rs.getString(1), rs.getLong(2), rs.getDouble(3))).list();
    }

    /**
     * Documents still open whose deadline fell in [from, to] and has passed by {@code today}, grouped like
     * {@link #lateBy}; the average is of the days overdue so far.
     */
    List<LateGroup> openOverdueBy(String dimension, LocalDate from, LocalDate to, LocalDate today, AgencyScope scope) {
        String column = switch (dimension) {
            case "reason" -> "coalesce(overdue_reason, '')";
            case "unit" -> "unit";
            case "type" -> "doc_type";
            case "priority" -> "priority";
            default -> throw new IllegalArgumentException(dimension);
        };
        return jdbc.sql("select " + column + ", count(*), avg(?::date - deadline) from documents_document"
                        + " where closed_on is null and deadline between ? and ? and deadline < ? and not project_control and "
                        + scope.sql("agency_id") + " group by 1 order by 2 desc, 1 limit 200")
                .params(List.of(today, from, to, today))
                .query((rs, n) -> new LateGroup(rs.getString(1), rs.getLong(2), rs.getDouble(3))).list();
    }

    /** Documents closed late in [from, to], latest first: the drill-down behind the rate. */
    List<Doc> late(LocalDate from, LocalDate to, AgencyScope scope, int limit) {
        return jdbc.sql("select " + DOC_COLUMNS + " from documents_document where on_time = false and closed_on between ? and ?"
                        + " and not project_control and " + scope.sql("agency_id") + " order by closed_on desc, id limit ?")
                .params(List.of(from, to)).param(limit).query(this::doc).list();
    }

    Optional<Doc> find(long id) {
        return jdbc.sql("select " + DOC_COLUMNS + " from documents_document where id = ?").param(id).query(this::doc).optional();
    }

    Optional<Doc> findByNo(String docNo) {
        return jdbc.sql("select " + DOC_COLUMNS + " from documents_document where doc_no = ?").param(docNo).query(this::doc).optional();
    }

    List<Doc> search(AgencyScope scope, String text, int limit) {
        return jdbc.sql("select " + DOC_COLUMNS + " from documents_document where (doc_no = ? or doc_no like ?) and "
                        + scope.sql("agency_id") + " order by received_on desc limit ?")
                .params(List.of(text, text + "%")).param(limit).query(this::doc).list();
    }

    List<Extension> extensions(long documentId) {
        return jdbc.sql("select seq, days, reason, source, granted_by, created_at from documents_extension where document_id = ? order by seq")
                .param(documentId)
                .query((rs, n) -> new Extension(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    List<java.util.Map<String, Object>> imports(AgencyScope scope, int limit) {
        return jdbc.sql("select id, source, file_name, status, rows_read, inserted, updated, unchanged, username, millis, created_at,"
                        + " finished_at"
                        + " from documents_import where " + scope.sql("agency_id") + " order by id desc limit ?")
                .param(limit).query().listOfRows();
    }

    private Doc doc(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Doc(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class),
                rs.getObject(10, LocalDate.class), rs.getInt(11), rs.getInt(12), rs.getBoolean(13), rs.getString(14),
                rs.getObject(15, LocalDate.class), rs.getObject(16, LocalDate.class), (Boolean) rs.getObject(17),
                rs.getString(18), rs.getBoolean(19));
    }
}
