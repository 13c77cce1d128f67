package io.shizheng.projects.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.projects.Light;
import io.shizheng.projects.ProjectLightChanged;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A project that turns RED or YELLOW goes onto the agenda of every progress-review meeting still to be held, so that
 * a meeting planned last week discusses what went wrong since. Heard after the report's transaction commits, through
 * the event publication registry, so a failure here is retried and never undoes the report.
 */
@Component
class AgendaFollowsLights {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;

    AgendaFollowsLights(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(ProjectLightChanged change) {
        if (change.to() != Light.RED && change.to() != Light.YELLOW) {
            return;
        }
        List<Long> meetings = jdbc.sql("""
                select m.id from projects_meeting m where m.status = 'PLANNED' and m.meeting_date >= ?
                and not exists (select 1 from projects_agenda_item a where a.meeting_id = m.id and a.project_id = ?)
                order by m.id""").params(LocalDate.now(clock), change.projectId()).query(Long.class).list();
        for (long meeting : meetings) {
            jdbc.sql("""
                    insert into projects_agenda_item (meeting_id, project_id, reason, sort)
                    select ?, ?, ?, coalesce(max(sort), -1) + 1 from projects_agenda_item where meeting_id = ?""")
                    .params(meeting, change.projectId(), change.to().name(), meeting).update();
            audit.record("projects.meeting", meeting, AuditAction.UPDATE, null,
                    Map.of("addedProject", change.projectId(), "reason", change.to().name(), "because", change.reasons()));
        }
    }
}
