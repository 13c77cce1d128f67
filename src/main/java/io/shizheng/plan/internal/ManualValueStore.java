package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Manual indicator values: entered by the owner agency, approved (or returned) by RDEC staff. */
@Repository
class ManualValueStore {

    enum ValueStatus { PENDING, APPROVED, REJECTED }

    record ManualValue(long id, long indicatorId, String indicatorCode, int year, LocalDate month, BigDecimal value,
                       String evidenceNote, String attachmentName, ValueStatus status, Long agencyId,
                       String submittedByName, Instant submittedAt, String reviewedByName, Instant reviewedAt,
                       String reviewNote, boolean demo) {
    }

    private static final String SELECT = """
            select v.*, i.code as indicator_code, p.year from plan_manual_value v
            join plan_indicator i on i.id = v.indicator_id join plan_plan p on p.id = i.plan_id""";

    private final JdbcClient jdbc;

    ManualValueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Approved values of a plan year: indicator code -> month (1..12) -> value. */
    Map<String, Map<Integer, BigDecimal>> approved(int year) {
        Map<String, Map<Integer, BigDecimal>> result = new HashMap<>();
        jdbc.sql("""
                select i.code, extract(month from v.period_month)::int as m, v.value from plan_manual_value v
                join plan_indicator i on i.id = v.indicator_id join plan_plan p on p.id = i.plan_id
                where p.year = ? and v.status = 'APPROVED'""").param(year)
                .query(rs -> {
                    result.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getBigDecimal(3));
                });
        return result;
    }

    List<ManualValue> forIndicator(int year, String code) {
        return jdbc.sql(SELECT + " where p.year = ? and i.code = ? order by v.period_month").params(year, code)
                .query(ManualValueStore::row).list();
    }

    List<ManualValue> byStatus(ValueStatus status, int limit) {
        return jdbc.sql(SELECT + " where v.status = ? order by v.submitted_at desc limit ?").params(status.name(), limit)
                .query(ManualValueStore::row).list();
    }

    List<ManualValue> recentForAgency(Long agencyId, int limit) {
        if (agencyId == null) {
            return jdbc.sql(SELECT + " order by v.submitted_at desc limit ?").param(limit)
                    .query(ManualValueStore::row).list();
        }
        return jdbc.sql(SELECT + " where v.agency_id = ? order by v.submitted_at desc limit ?")
                .params(agencyId, limit).query(ManualValueStore::row).list();
    }

    Optional<ManualValue> find(long id) {
        return jdbc.sql(SELECT + " where v.id = ?").param(id).query(ManualValueStore::row).optional();
    }

    Optional<ManualValue> find(long indicatorId, LocalDate month) {
        return jdbc.sql(SELECT + " where v.indicator_id = ? and v.period_month = ?").params(indicatorId, month)
                .query(ManualValueStore::row).optional();
    }

    record Attachment(String name, String contentType, byte[] bytes) {
    }

    Optional<Attachment> attachment(long id) {
        return jdbc.sql("select attachment_name, attachment_type, attachment from plan_manual_value where id = ? and attachment is not null")
                .param(id).query((rs, n) -> new Attachment(rs.getString(1), rs.getString(2), rs.getBytes(3))).optional();
    }

    /** A new value, or a resubmission that replaces a pending or returned one and waits for review again. */
    long upsert(long indicatorId, LocalDate month, BigDecimal value, String note, Attachment attachment, Long agencyId,
                Long userId, String userName, boolean demo, ValueStatus status) {
        return jdbc.sql("""
                insert into plan_manual_value(indicator_id, period_month, value, evidence_note, attachment_name,
                  attachment_type, attachment, status, agency_id, submitted_by, submitted_by_name, demo)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (indicator_id, period_month) do update set value = excluded.value,
                  evidence_note = excluded.evidence_note,
                  attachment_name = coalesce(excluded.attachment_name, plan_manual_value.attachment_name),
                  attachment_type = coalesce(excluded.attachment_type, plan_manual_value.attachment_type),
                  attachment = coalesce(excluded.attachment, plan_manual_value.attachment),
                  status = excluded.status, agency_id = excluded.agency_id, submitted_by = excluded.submitted_by,
                  submitted_by_name = excluded.submitted_by_name, submitted_at = now(), reviewed_by_name = null,
                  reviewed_at = null, review_note = null, demo = excluded.demo
                returning id""")
                .params(indicatorId, month, value, note, attachment == null ? null : attachment.name(),
                        attachment == null ? null : attachment.contentType(), attachment == null ? null : attachment.bytes(),
                        status.name(), agencyId, userId, userName, demo)
                .query(Long.class).single();
    }

    void review(long id, ValueStatus status, String reviewer, String note) {
        jdbc.sql("update plan_manual_value set status = ?, reviewed_by_name = ?, reviewed_at = now(), review_note = ? where id = ?")
                .params(status.name(), reviewer, note, id).update();
    }

    private static ManualValue row(ResultSet rs, int n) throws SQLException {
        return new ManualValue(rs.getLong("id"), rs.getLong("indicator_id"), rs.getString("indicator_code"),
                rs.getInt("year"), rs.getObject("period_month", LocalDate.class), rs.getBigDecimal("value"),
                rs.getString("evidence_note"), rs.getString("attachment_name"),
                ValueStatus.valueOf(rs.getString("status")), (Long) rs.getObject("agency_id"),
                rs.getString("submitted_by_name"), rs.getTimestamp("submitted_at").toInstant(),
                rs.getString("reviewed_by_name"),
                rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                rs.getString("review_note"), rs.getBoolean("demo"));
    }
}
