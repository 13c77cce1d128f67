package io.shizheng.cases.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.Notifications;
import io.shizheng.platform.RocDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Overdue cases are escalated once to the supervisor of the handling agency by e-mail (per agency from
 * cases_supervisor, otherwise the configured address pattern). Runs on every working morning, on one instance.
 */
@Component
class OverdueEscalation {

    private final JdbcClient jdbc;
    private final CaseStore store;
    private final AgencyDirectory agencies;
    private final Notifications notifications;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final String addressPattern;
    private final String baseUrl;
    private final io.shizheng.platform.WorkingDayCalendar calendar;

    OverdueEscalation(JdbcClient jdbc, CaseStore store, AgencyDirectory agencies, Notifications notifications, AuditLog audit,
                      TransactionTemplate tx, Clock clock, io.shizheng.platform.WorkingDayCalendar calendar,
                      io.shizheng.platform.Jurisdiction jurisdiction,
                      @Value("${shizheng.cases.escalation.address-pattern:}") String addressPattern,
                      @Value("${shizheng.cases.public-base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.store = store;
        this.agencies = agencies;
        this.notifications = notifications;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
        this.addressPattern = addressPattern.isBlank() ? "supervisor.{code}@" + jurisdiction.domain() : addressPattern;
        this.baseUrl = baseUrl;
        this.calendar = calendar;
    }

    @Scheduled(cron = "${shizheng.cases.escalation.cron:0 0 8 * * MON-FRI}", zone = "Asia/Taipei")
    @SchedulerLock(name = "cases.overdue-escalation", lockAtMostFor = "PT30M")
    void scheduled() {
        // holidays and typhoon days off: the supervisors hear on the next working morning
        if (calendar.isWorkingDay(LocalDate.now(clock.withZone(RocDate.TAIPEI)))) {
            run();
        }
    }

    /** Escalates every open, overdue, not yet escalated case; one e-mail per agency listing its cases. */
    int run() {
        Integer n = tx.execute(s -> {
            LocalDate today = LocalDate.now(clock.withZone(RocDate.TAIPEI));
            List<CaseRow> overdue = store.list("where c.status = 'OPEN' and not c.demo and c.escalated_at is null "
                    + "and coalesce(c.extended_due_on, c.due_on) < ? order by c.agency_id, c.due_on for update skip locked", today);
            Map<Long, List<CaseRow>> byAgency = new java.util.TreeMap<>();
            overdue.forEach(c -> byAgency.computeIfAbsent(c.agencyId(), k -> new java.util.ArrayList<>()).add(c));
            RocDate roc = new RocDate();
            for (var e : byAgency.entrySet()) {
                Agency agency = agencies.find(e.getKey()).orElse(null);
                String to = address(e.getKey(), agency);
                StringBuilder body = new StringBuilder((agency == null ? "" : agency.name()) + " 主管您好：\n下列案件已逾答復期限，請督促辦理。\n"
                        + "The following cases are past their deadline.\n\n");
                for (CaseRow c : e.getValue()) {
                    body.append(c.caseNo()).append("  期限 ").append(roc.date(c.effectiveDue())).append("  ")
                            .append(baseUrl).append("/cases/").append(c.caseNo()).append('\n');
                    jdbc.sql("update cases_case set escalated_at = ? where id = ?").params(Timestamp.from(clock.instant()), c.id()).update();
                    store.hop(c.id(), clock.instant(), "ESCALATE", c.agencyId(), null, "逾期通知主管 / escalated to " + to, "system");
                }
                notifications.email(to, "逾期案件通知 " + e.getValue().size() + " 件 / overdue cases", body.toString(),
                        "cases.escalation", e.getKey());
                audit.record("cases.escalation", e.getKey(), AuditAction.UPDATE, null,
                        Map.of("cases", e.getValue().stream().map(CaseRow::caseNo).toList(), "to", to));
            }
            return overdue.size();
        });
        return n == null ? 0 : n;
    }

    String address(long agencyId, Agency agency) {
        return jdbc.sql("select email from cases_supervisor where agency_id = ?").param(agencyId).query(String.class).optional()
                .orElseGet(() -> addressPattern.replace("{code}", agency == null ? String.valueOf(agencyId) : agency.code().toLowerCase()));
    }
}
