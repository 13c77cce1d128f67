package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Site verification: committee with declarations, findings, improvement items to closure, publication. */
@IntegrationTest
class SiteVisitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void aVisitFromPlanToPublicPage() {
        LocalDate today = LocalDate.now(clock);
        JsonNode project = ProjectFixture.create(port, "CONST", today.getYear(), null);
        String code = project.get("code").asString();
        long visitId = jdbc.sql("insert into projects_site_visit (project_id, planned_date, selected_by) values (?, ?, 'HAND') returning id")
                .params(project.get("id").asLong(), today).query(Long.class).single();

        assertThat(Http.as(port, "rdec").post("/api/visits/" + visitId + "/members", "{\"username\":\"officer\"}").statusCode())
                .as("only REVIEWER accounts sit on the committee").isEqualTo(422);
        assertThat(Http.as(port, "rdec").post("/api/visits/" + visitId + "/members", "{\"username\":\"reviewer\"}").statusCode())
                .isEqualTo(200);
        String findings = "{\"visitedOn\":\"" + today + "\",\"score\":82,\"findings\":\"施工品質尚可，安全圍籬不足。\","
                + "\"improvements\":[\"補設安全圍籬\"]}";
        HttpResponse<String> undeclared = Http.as(port, "rdec").post("/api/visits/" + visitId + "/findings", findings);
        assertThat(undeclared.statusCode()).isEqualTo(422);
        assertThat(undeclared.body()).contains("members");
        assertThat(Http.as(port, "officer").post("/api/visits/" + visitId + "/declaration", "{\"noConflict\":true}").statusCode())
                .isEqualTo(403);
        assertThat(Http.as(port, "reviewer").post("/api/visits/" + visitId + "/declaration", "{\"noConflict\":true}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> badScore = Http.as(port, "reviewer").post("/api/visits/" + visitId + "/findings",
                findings.replace("82", "120"));
        assertThat(badScore.statusCode()).isEqualTo(422);
        assertThat(badScore.body()).contains("score");
        JsonNode done = Json.parse(Http.as(port, "reviewer").post("/api/visits/" + visitId + "/findings", findings).body());
        assertThat(done.get("visit").get("status").asString()).isEqualTo("DONE");
        long item = done.get("improvements").get(0).get("id").asLong();

        assertThat(Http.as(port, "rdec").post("/api/improvements/" + item + "/close", "{}").statusCode())
                .as("closing waits for the agency's reply").isEqualTo(422);
        assertThat(Http.as(port, "officer.social").post("/api/improvements/" + item + "/reply", "{\"reply\":\"x\"}").statusCode())
                .isEqualTo(403);
        assertThat(Http.as(port, "officer").post("/api/improvements/" + item + "/reply", "{\"reply\":\"已補設圍籬\"}").statusCode())
                .isEqualTo(200);
        assertThat(Json.parse(Http.as(port, "rdec").post("/api/improvements/" + item + "/close", "{}").body()).get("status").asString())
                .isEqualTo("CLOSED");

        assertThat(Http.anonymous(port).get("/api/public/visits").body()).doesNotContain(code);
        assertThat(Http.as(port, "rdec").post("/api/visits/" + visitId + "/publish", "{}").statusCode()).isEqualTo(200);
        String published = Http.anonymous(port).get("/api/public/visits").body();
        assertThat(published).contains(code).contains("補設安全圍籬").doesNotContain("reviewer");
        assertThat(Http.anonymous(port).get("/projects/visits/public").statusCode()).isEqualTo(200);
    }

    @Test
    void planningByRuleTakesRedFirst() {
        LocalDate today = LocalDate.now(clock);
        JsonNode plan = Json.parse(Http.as(port, "rdec").post("/api/visits/plan", "{\"date\":\"" + today.plusDays(14)
                + "\",\"count\":3,\"lights\":[\"RED\"],\"minBudget\":0}").body());
        assertThat(plan.size()).isBetween(1, 3);
        plan.forEach(v -> {
            assertThat(v.get("light").asString()).isEqualTo("RED");
            assertThat(v.get("selectedBy").asString()).isEqualTo("RULE");
        });
        assertThat(Http.as(port, "rdec").post("/api/visits/plan", "{\"date\":\"" + today + "\",\"count\":0}").statusCode()).isEqualTo(422);
        assertThat(Http.as(port, "officer").post("/api/visits/plan", "{\"date\":\"" + today + "\",\"count\":1}").statusCode()).isEqualTo(403);
    }
}
