package io.shizheng.servicequality.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.platform.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Improvement notices raised by failed calls and by the phone statistics: the agency's answer and RDEC's retest. */
@Service
class ImprovementNotices {

    record Notice(long id, String kind, long agencyId, String agencyName, Long callId, int year, int month, String detail,
                  Instant raisedAt, String status, String answer, String answeredBy, Instant answeredAt, Long retestCallId,
                  LocalDate retestOn, boolean demo) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;
    private final WorkingDayCalendar calendar;
    private final PhoneTests tests;
    private final Clock clock;

    ImprovementNotices(JdbcClient jdbc, AuditLog audit, Access access, WorkingDayCalendar calendar, PhoneTests tests,
                       Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.calendar = calendar;
        this.tests = tests;
        this.clock = clock;
    }

    private static final String NOTICE_SELECT = """
            select n.id, n.kind, n.agency_id, n.call_id, n.year, n.month, n.detail, n.raised_at, n.status, n.answer,
                   n.answered_by, n.answered_at, n.retest_call_id, r.scheduled_on, n.demo
            from servicequality_notice n left join servicequality_call r on r.id = n.retest_call_id""";

    private Notice mapNotice(java.sql.ResultSet rs, Map<Long, String> names) throws java.sql.SQLException {
        java.sql.Timestamp answered = rs.getTimestamp(12);
        return new Notice(rs.getLong(1), rs.getString(2), rs.getLong(3), names.getOrDefault(rs.getLong(3), "#" + rs.getLong(3)), (Long) rs.getObject(4),
                rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getTimestamp(8).toInstant(), rs.getString(9),
                rs.getString(10), rs.getString(11), answered == null ? null : answered.toInstant(), (Long) rs.getObject(13),
                rs.getObject(14, LocalDate.class), rs.getBoolean(15));
    }

    List<Notice> notices(AgencyScope scope, String status, Integer year) {
        Map<Long, String> names = tests.names();
        return jdbc.sql(NOTICE_SELECT + " where true" + scope.andSql("n.agency_id")
                        + (status == null ? "" : " and n.status = :status") + (year == null ? "" : " and n.year = :year")
                        + " order by n.raised_at desc, n.id desc limit 300")
                .params(Sql.optional("status", status, "year", year))
                .query((rs, n) -> mapNotice(rs, names)).list();
    }

    Notice notice(long id) {
        Map<Long, String> names = tests.names();
        Notice n = jdbc.sql(NOTICE_SELECT + " where n.id = ?").param(id).query((rs, i) -> mapNotice(rs, names)).optional()
                .orElseThrow(() -> new NotFoundException("沒有改善通知 " + id + " / no notice " + id));
        access.requireCovers(access.me(), n.agencyId());
        return n;
    }

    /** The agency says what it has done about it. */
    @Transactional
    Notice answer(long id, String answer) {
        ShizhengUser me = access.me();
        Notice before = notice(id);
        if (answer == null || answer.isBlank()) {
            throw new InvalidInputException("answer", "請填改善說明 / the answer is required");
        }
        if (answer.length() > 2000) {
            throw new InvalidInputException("answer", "改善說明最多 2000 字 / at most 2000 characters");
        }
        if (!"OPEN".equals(before.status())) {
            throw new InvalidInputException("status", "此通知已回復 / this notice has already been answered");
        }
        jdbc.sql("update servicequality_notice set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ? where id = ?")
                .params(answer.trim(), me.displayName(), java.sql.Timestamp.from(clock.instant()), id).update();
        Notice after = notice(id);
        audit.record("servicequality.notice", id, AuditAction.UPDATE, before, after);
        return after;
    }

    /** RDEC schedules a retest of the failed line on a working day; the notice is closed. */
    @Transactional
    Notice scheduleRetest(long id, LocalDate on) {
        access.requireRdec();
        Notice before = notice(id);
        if (before.callId() == null) {
            throw new InvalidInputException("id", "統計類通知不需複測 / statistics notices have no retest");
        }
        if (!"ANSWERED".equals(before.status())) {
            throw new InvalidInputException("status", "機關回復改善說明後才能排定複測 / the agency must answer first");
        }
        if (on == null || !calendar.isWorkingDay(on)) {
            throw new InvalidInputException("date", "複測日須為上班日 / the retest must fall on a working day");
        }
        PhoneTests.Call original = tests.call(before.callId());
        if (on.isBefore(original.scheduledOn())) {
            throw new InvalidInputException("date", "複測日不可早於原測試日 / the retest cannot precede the test");
        }
        Long roundId = jdbc.sql("select id from servicequality_round where year = ? and month = ?")
                .params(on.getYear(), on.getMonthValue()).query(Long.class).optional().orElse(original.roundId());
        long retest = jdbc.sql("""
                insert into servicequality_call (round_id, line_id, agency_id, scheduled_on, retest_of)
                values (?, ?, ?, ?, ?) returning id""")
                .params(roundId, original.lineId(), original.agencyId(), on, original.id()).query(Long.class).single();
        jdbc.sql("update servicequality_notice set status = 'CLOSED', retest_call_id = ? where id = ?").params(retest, id).update();
        Notice after = notice(id);
        audit.record("servicequality.notice", id, AuditAction.UPDATE, before, after);
        return after;
    }
}
