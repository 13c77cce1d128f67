package io.shizheng.projects.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.shizheng.platform.Notifications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monthly report reminders by e-mail (through the platform outbox) to each project's contact: a few days before
 * the due day of the next month, and once the due day has passed without a report. Generated demo projects,
 * frozen in 2018, are left alone.
 */
@Component
class ReportReminders {

    private static final Logger log = LoggerFactory.getLogger(ReportReminders.class);

    private final JdbcClient jdbc;
    private final Notifications notifications;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final int dueDay;
    private final int daysBefore;

    ReportReminders(JdbcClient jdbc, Notifications notifications, TransactionTemplate tx, Clock clock,
                    @Value("${shizheng.projects.report-due-day:10}") int dueDay,
                    @Value("${shizheng.projects.remind-days-before:3}") int daysBefore) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.tx = tx;
        this.clock = clock;
        this.dueDay = Math.max(1, Math.min(28, dueDay));
        this.daysBefore = Math.max(0, daysBefore);
    }

    int dueDay() {
        return dueDay;
    }

    @Scheduled(cron = "${shizheng.projects.reminder-cron:0 0 8 * * *}", zone = "Asia/Taipei")
    @SchedulerLock(name = "projects.reminders", lockAtMostFor = "PT10M")
    public void daily() {
        int sent = remind(LocalDate.now(clock));
        if (sent > 0) {
            log.info("Queued {} monthly-report reminders", sent);
        }
    }

    private record Missing(long id, String code, String name, String contactEmail) {
    }

    /** Queues the reminders due on {@code today} for last month's reports; returns how many were queued. */
    int remind(LocalDate today) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate due = YearMonth.from(today).atDay(dueDay);
        String kind;
        if (!today.isAfter(due) && !today.isBefore(due.minusDays(daysBefore))) {
            kind = "BEFORE";
        } else if (today.isAfter(due)) {
            kind = "LATE";
        } else {
            return 0;
        }
        Integer count = tx.execute(s -> {
            List<Missing> missing = jdbc.sql("""
                    select p.id, p.code, p.name, p.contact_email from projects_project p
                    where p.status = 'ACTIVE' and not p.demo and p.contact_email is not null and p.start_date <= ?
                      and not exists (select 1 from projects_report r where r.project_id = p.id and r.month = ? and r.status <> 'RETURNED')
                      and not exists (select 1 from projects_reminder m where m.project_id = p.id and m.month = ? and m.kind = ?)
                    order by p.id""")
                    .params(month.atEndOfMonth(), month.atDay(1), month.atDay(1), kind).query(Missing.class).list();
            for (Missing p : missing) {
                jdbc.sql("insert into projects_reminder (project_id, month, kind) values (?, ?, ?) on conflict do nothing")
                        .params(p.id(), month.atDay(1), kind).update();
                String subject = ("BEFORE".equals(kind) ? "月報提醒：" : "月報逾期：") + p.code() + " " + month + " 月報";
                String body = ("BEFORE".equals(kind)
                        ? "列管案件「" + p.name() + "」" + month + " 月報請於 " + due + " 前填報。"
                        : "列管案件「" + p.name() + "」" + month + " 月報已逾填報期限 " + due + "，請儘速填報。")
                        + "\n\n" + ("BEFORE".equals(kind) ? "Reminder: the " + month + " progress report of " + p.code() + " is due by " + due + "."
                        : "The " + month + " progress report of " + p.code() + " was due on " + due + " and is late.")
                        + "\n/projects/" + p.id();
                notifications.email(p.contactEmail(), subject, body, "projects.reminder", p.id());
            }
            return missing.size();
        });
        return count == null ? 0 : count;
    }
}
