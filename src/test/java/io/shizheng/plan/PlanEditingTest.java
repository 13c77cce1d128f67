package io.shizheng.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Plan edits: who may make them, the rules they must keep, and that a refused edit changes nothing. */
@IntegrationTest
class PlanEditingTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    /** Each test edits its own copy of FY107, so tests never see each other's changes. */
    private JsonNode copyOfFy107(int year) {
        HttpResponse<String> created = Http.as(port, "rdec").post("/api/plans",
                "{\"year\":" + year + ",\"copyFrom\":2018}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return Json.parse(created.body());
    }

    @Test
    void writesNeedAuthenticationAndTheRightRole() {
        assertThat(Http.anonymous(port).put("/api/plans/2018", "{}").statusCode()).isEqualTo(401);
        HttpResponse<String> officer = Http.as(port, "officer").patch("/api/plans/2018/indicators/1.1", "{\"target\":75}");
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.anonymous(port).post("/api/plans", "{\"year\":2030}").statusCode()).isEqualTo(401);
        assertThat(Http.as(port, "agent").post("/api/plans", "{\"year\":2030}").statusCode()).isEqualTo(403);
    }

    @Test
    void rdecChangesATargetAndTheChangeIsAudited() {
        copyOfFy107(2011);
        HttpResponse<String> r = Http.as(port, "rdec").patch("/api/plans/2011/indicators/1.1", "{\"target\":82}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode s = Json.parse(Http.anonymous(port).get("/api/plans/2011/scorecard").body());
        assertThat(s.get("goals").get(0).get("indicators").get(0).get("target").decimalValue()).isEqualByComparingTo("82");
        String after = jdbc.sql("select after_state->'goals'->0->'indicators'->0->>'target' from platform_audit_log where entity_type = 'plan.plan' "
                + "and entity_id = '2011' and action = 'UPDATE' and username = 'rdec' order by id desc limit 1")
                .query(String.class).single();
        assertThat(after).isEqualTo("82");
    }

    @Test
    void aGoalWhoseWeightNoLongerAddsUpIsRefusedAndNothingChanges() {
        copyOfFy107(2012);
        HttpResponse<String> r = Http.as(port, "rdec").patch("/api/plans/2012/indicators/1.1", "{\"weight\":6}");
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode problem = Json.parse(r.body());
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("goals[0].weight");
        assertThat(problem.get("detail").asString()).contains("權重");
        JsonNode plan = Json.parse(Http.anonymous(port).get("/api/plans/2012").body());
        assertThat(plan.get("goals").get(0).get("indicators").get(0).get("weight").decimalValue()).isEqualByComparingTo("5");
    }

    @Test
    void aWholePlanEditMovesWeightsTogether() {
        JsonNode plan = copyOfFy107(2013);
        ObjectNode edited = (ObjectNode) plan;
        ((ObjectNode) edited.get("goals").get(0).get("indicators").get(0)).put("weight", 6);
        ((ObjectNode) edited.get("goals").get(0)).put("weight", 19);
        HttpResponse<String> r = Http.as(port, "rdec").put("/api/plans/2013", Json.write(edited));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("goals").get(0).get("weight").decimalValue()).isEqualByComparingTo("19");
    }

    @Test
    void negativeTargetsAndDuplicateCodesAreRefusedNamingTheField() {
        JsonNode plan = copyOfFy107(2014);
        ObjectNode edited = (ObjectNode) plan.deepCopy();
        ((ObjectNode) edited.get("goals").get(1).get("indicators").get(2)).put("target", -5);
        ((ObjectNode) edited.get("goals").get(2).get("indicators").get(0)).put("code", "1.1");
        HttpResponse<String> r = Http.as(port, "rdec").put("/api/plans/2014", Json.write(edited));
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("goals[1].indicators[2].target").contains("goals[2].indicators[0].code");
        JsonNode unchanged = Json.parse(Http.anonymous(port).get("/api/plans/2014").body());
        assertThat(unchanged.get("goals").get(1).get("indicators").get(2).get("target").decimalValue())
                .isEqualByComparingTo("85");
    }

    @Test
    void aSecondPlanForTheSameYearIsRefused() {
        copyOfFy107(2015);
        HttpResponse<String> again = Http.as(port, "rdec").post("/api/plans", "{\"year\":2015}");
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("\"field\":\"year\"");
    }
}
