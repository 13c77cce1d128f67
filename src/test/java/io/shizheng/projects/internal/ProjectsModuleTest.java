package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;

import io.shizheng.projects.Light;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The projects module on its own with the modules it uses (org, plan, platform), none of the others: a report that
 * turns a project YELLOW publishes {@code ProjectLightChanged}, and the agenda of the meeting planned for next week
 * gains the project once the report is committed.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, webEnvironment = WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = {"shizheng.data-dir=target/module-test-data", "shizheng.embedded-db.clean=true",
        "shizheng.demo.scale=0.02"})
class ProjectsModuleTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProjectThatTurnsYellowJoinsTheAgendaOfTheMeetingStillToBeHeld(Scenario scenario) {
        LocalDate today = LocalDate.now(clock);
        long project = ProjectFixture.create(port, "CONST", today.getYear(), null).get("id").asLong();
        HttpResponse<String> created = Http.as(port, "rdec").post("/api/meetings", "{\"title\":\"下週進度檢討會議\",\"date\":\""
                + today.plusDays(7) + "\",\"chair\":\"副市長\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long meeting = Json.parse(created.body()).get("meeting").get("id").asLong();
        assertThat(onAgenda(meeting, project)).as("no light yet, so not on the agenda").isZero();

        scenario.stimulate(() -> Http.as(port, "officer").post("/api/projects/" + project + "/reports",
                        "{\"month\":\"" + today.getYear() + "-06\",\"actualPct\":44,\"spending\":6000,\"narrative\":\"趕工中\"}"))
                .andWaitForStateChange(() -> onAgenda(meeting, project), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
        assertThat(jdbc.sql("select reason from projects_agenda_item where meeting_id = ? and project_id = ?")
                .params(meeting, project).query(String.class).single()).isEqualTo(Light.YELLOW.name());
    }

    private long onAgenda(long meeting, long project) {
        return jdbc.sql("select count(*) from projects_agenda_item where meeting_id = ? and project_id = ?")
                .params(meeting, project).query(Long.class).single();
    }
}
