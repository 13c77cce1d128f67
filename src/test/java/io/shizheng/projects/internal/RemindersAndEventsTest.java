package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.Light;
import io.shizheng.projects.ProjectLightChanged;
import io.shizheng.support.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** E-mail reminders through the outbox, once per kind and month; the light-change event other modules listen to. */
@IntegrationTest
@RecordApplicationEvents
class RemindersAndEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportReminders reminders;

    @Autowired
    ReportService reports;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEvents events;

    @Autowired
    Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long outbox(long projectId) {
        return jdbc.sql("select count(*) from platform_outbox where entity_type = 'projects.reminder' and entity_id = ?")
                .param(String.valueOf(projectId)).query(Long.class).single();
    }

    @Test
    void remindersBeforeTheDueDayAndWhenLate() {
        LocalDate today = LocalDate.now(clock);
        long id = ProjectFixture.create(port, "CONST", today.getYear() - 1, null).get("id").asLong();
        jdbc.sql("update projects_project set planned_end = ?, due_date = ? where id = ?")
                .params(today.plusYears(1), today.plusYears(1), id).update();
        LocalDate before = YearMonth.from(today).atDay(reminders.dueDay() - 2);
        assertThat(reminders.remind(before)).isPositive();
        assertThat(outbox(id)).isEqualTo(1);
        assertThat(jdbc.sql("select subject from platform_outbox where entity_type = 'projects.reminder' and entity_id = ?")
                .param(String.valueOf(id)).query(String.class).single()).startsWith("月報提醒");
        reminders.remind(before.plusDays(1));
        assertThat(outbox(id)).as("one reminder of a kind per month").isEqualTo(1);
        reminders.remind(YearMonth.from(today).atDay(reminders.dueDay() + 1));
        assertThat(outbox(id)).as("and one when late").isEqualTo(2);

        // a project whose report is in gets no late reminder
        long filed = ProjectFixture.create(port, "CONST", today.getYear() - 1, null).get("id").asLong();
        jdbc.sql("update projects_project set planned_end = ?, due_date = ? where id = ?")
                .params(today.plusYears(1), today.plusYears(1), filed).update();
        Http.as(port, "officer").post("/api/projects/" + filed + "/reports", "{\"month\":\"" + YearMonth.from(today).minusMonths(1)
                + "\",\"actualPct\":100,\"spending\":12000}");
        reminders.remind(YearMonth.from(today).atDay(reminders.dueDay() + 1));
        assertThat(outbox(filed)).isZero();
    }

    @Test
    void aChangeOfLightIsPublishedAsAnEvent() {
        int y = LocalDate.now(clock).getYear();
        long id = ProjectFixture.create(port, "CONST", y, null).get("id").asLong();
        ShizhengUser officer = (ShizhengUser) users.loadUserByUsername("officer");
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(officer, null, officer.getAuthorities()));
        reports.submit(id, new ReportService.Submission(y + "-06", new java.math.BigDecimal("44"), new java.math.BigDecimal("6000"),
                null, null, null, null, null), List.of());
        List<ProjectLightChanged> changes = events.stream(ProjectLightChanged.class).filter(e -> e.projectId() == id).toList();
        assertThat(changes).hasSize(1);
        assertThat(changes.get(0).from()).isEqualTo(Light.NONE);
        assertThat(changes.get(0).to()).isEqualTo(Light.YELLOW);
        assertThat(changes.get(0).reasons()).anyMatch(r -> r.contains("6"));
        // the same light again publishes nothing
        reports.submit(id, new ReportService.Submission(y + "-06", new java.math.BigDecimal("43"), new java.math.BigDecimal("6000"),
                null, null, null, null, null), List.of());
        assertThat(events.stream(ProjectLightChanged.class).filter(e -> e.projectId() == id).count()).isEqualTo(1);
    }
}
