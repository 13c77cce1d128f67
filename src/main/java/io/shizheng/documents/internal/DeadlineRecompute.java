package io.shizheng.documents.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recomputes stored deadlines after the calendar changed (a typhoon day declared afterwards, a corrected holiday)
 * or the configured days changed: documents received in a period get their deadline and on-time flag again, and
 * the daily counts of the touched days are rebuilt. RDEC staff only.
 */
@Service
class DeadlineRecompute {

    record Result(LocalDate from, LocalDate to, long examined, int changed) {
    }

    private record Change(long id, String rule, LocalDate base, LocalDate deadline, Boolean onTime) {
    }

    private final JdbcTemplate jdbc;
    private final DeadlineRules rules;
    private final ClosureCounts counts;
    private final AuditLog audit;

    DeadlineRecompute(JdbcTemplate jdbc, DeadlineRules rules, ClosureCounts counts, AuditLog audit) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.counts = counts;
        this.audit = audit;
    }

    @Transactional
    Result run(LocalDate from, LocalDate to) {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會可以重新計算限辦日期 / only RDEC staff may recompute deadlines");
        }
        if (from == null || to == null || to.isBefore(from) || from.plusYears(2).isBefore(to)) {
            throw new InvalidInputException("to", "請給起訖日期，期間不超過兩年 / give from and to, at most two years apart");
        }
        long[] examined = {0};
        int changed = apply("received_on between ? and ?", examined, from, to);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("from", from.toString());
        after.put("to", to.toString());
        after.put("examined", examined[0]);
        after.put("changed", changed);
        audit.record("documents.recompute", from + ".." + to, AuditAction.UPDATE, null, after);
        return new Result(from, to, examined[0], changed);
    }

    /**
     * After the calendar changed on {@code days}: the documents still open whose deadline window (the day after
     * receipt up to the deadline) holds one of them. Closed documents keep the deadline they were closed against.
     * Called by {@link DeadlinesFollowCalendar}, not by a person, so it checks no role.
     */
    Result openTouching(java.util.Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return new Result(null, null, 0, 0);
        }
        LocalDate first = days.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate last = days.stream().max(LocalDate::compareTo).orElseThrow();
        String dates = "{" + String.join(",", days.stream().distinct().map(LocalDate::toString).toList()) + "}";
        long[] examined = {0};
        int changed = apply("closed_on is null and deadline >= ? and received_on < ?"
                + " and exists (select 1 from unnest(?::text::date[]) d where received_on < d and d <= deadline)",
                examined, first, last, dates);
        return new Result(first, last, examined[0], changed);
    }

    /** Computes the deadlines of the documents matching {@code where} again and stores those that changed. */
    private int apply(String where, long[] examined, Object... args) {
        DeadlineRules.Bulk bulk = rules.bulk();
        List<Change> changes = new ArrayList<>();
        Set<LocalDate> days = new HashSet<>();
        jdbc.query("""
                select id, received_on, priority, set_deadline, extension_days, closed_on, deadline, on_time
                from documents_document where\s""" + where, rs -> {
            examined[0]++;
            LocalDate received = rs.getObject(2, LocalDate.class);
            LocalDate closed = rs.getObject(6, LocalDate.class);
            DeadlineRules.Deadline d = bulk.compute(received, Priority.valueOf(rs.getString(3)),
                    rs.getObject(4, LocalDate.class), rs.getInt(5));
            Boolean onTime = closed == null ? null : DeadlineRules.onTime(closed, d.deadline());
            if (!d.deadline().equals(rs.getObject(7, LocalDate.class)) || !java.util.Objects.equals(onTime, rs.getObject(8))) {
                changes.add(new Change(rs.getLong(1), d.rule().name(), d.base(), d.deadline(), onTime));
                if (closed != null) {
                    days.add(closed);
                }
            }
        }, args);
        jdbc.batchUpdate("update documents_document set deadline_rule = ?, base_deadline = ?, deadline = ?, on_time = ?, updated_at = now() where id = ?",
                changes, 1000, (ps, c) -> {
                    ps.setString(1, c.rule());
                    ps.setDate(2, Date.valueOf(c.base()));
                    ps.setDate(3, Date.valueOf(c.deadline()));
                    ps.setObject(4, c.onTime());
                    ps.setLong(5, c.id());
                });
        counts.refresh(days);
        return changes.size();
    }
}
