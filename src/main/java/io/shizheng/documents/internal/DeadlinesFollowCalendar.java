package io.shizheng.documents.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.WorkingDaysChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stored deadlines follow the working-day calendar: when a typhoon day is declared (or a holiday corrected), the open
 * documents whose deadline window holds that day get their deadline again. Heard after the calendar's transaction
 * commits, through the event publication registry; each change is followed once (documents_calendar_change), so
 * an event delivered again changes nothing more.
 */
@Component
class DeadlinesFollowCalendar {

    private static final Logger log = LoggerFactory.getLogger(DeadlinesFollowCalendar.class);

    private final JdbcClient jdbc;
    private final DeadlineRecompute recompute;
    private final AuditLog audit;

    DeadlinesFollowCalendar(JdbcClient jdbc, DeadlineRecompute recompute, AuditLog audit) {
        this.jdbc = jdbc;
        this.recompute = recompute;
        this.audit = audit;
    }

    @ApplicationModuleListener
    void on(WorkingDaysChanged change) {
        String days = "{" + String.join(",", change.days().stream().map(Object::toString).toList()) + "}";
        int first = jdbc.sql("""
                insert into documents_calendar_change (change_id, days, changed_at) values (?, ?::text::date[], ?)
                on conflict (change_id) do nothing""")
                .params(change.change(), days, java.sql.Timestamp.from(change.at())).update();
        if (first == 0) {
            log.debug("Calendar change {} already followed", change.change());
            return;
        }
        DeadlineRecompute.Result r = recompute.openTouching(change.days());
        jdbc.sql("update documents_calendar_change set examined = ?, changed = ? where change_id = ?")
                .params(r.examined(), r.changed(), change.change()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("days", change.days().stream().map(Object::toString).toList());
        after.put("examined", r.examined());
        after.put("changed", r.changed());
        audit.record("documents.recompute", "calendar:" + change.change(), AuditAction.UPDATE, null, after);
        log.info("Calendar changed on {}: {} open documents examined, {} deadlines moved", change.days(), r.examined(),
                r.changed());
    }
}
