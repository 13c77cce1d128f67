package io.shizheng.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Manual values: agency scope on entry, RDEC approval, and only approved values on the scorecard. */
@IntegrationTest
class ManualValuesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private JsonNode indicator(int year, String code) {
        JsonNode s = Json.parse(Http.anonymous(port).get("/api/plans/" + year + "/scorecard").body());
        for (JsonNode g : s.get("goals")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asString().equals(code)) {
                    return i;
                }
            }
        }
        throw new AssertionError(code);
    }

    @Test
    void anOfficerCannotTouchAnotherAgencysValues() {
        // 2.6 (welfare push) belongs to the Social Affairs Bureau; "officer" works for the Construction Bureau.
        HttpResponse<String> r = Http.as(port, "officer").post("/api/plans/2018/indicators/2.6/values",
                "{\"month\":3,\"value\":1}");
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.as(port, "officer").get("/api/plans/2018/indicators/2.6/values").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).post("/api/plans/2018/indicators/2.6/values", "{\"month\":3,\"value\":1}")
                .statusCode()).isEqualTo(401);
        // Nothing changed: March 2018 keeps its demo value.
        assertThat(indicator(2018, "2.6").get("trend").get(2).get("value").decimalValue()).isEqualByComparingTo("8410");
    }

    @Test
    void theOwnerAgencyEntersAndRdecApprovesBeforeTheScorecardCounts() {
        Http.as(port, "rdec").post("/api/plans", "{\"year\":2016,\"copyFrom\":2018}");
        HttpResponse<String> submitted = Http.as(port, "officer.social").post("/api/plans/2016/indicators/2.6/values",
                "{\"month\":1,\"value\":9100,\"evidenceNote\":\"推播系統月報\"}");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        JsonNode value = Json.parse(submitted.body());
        assertThat(value.get("status").asString()).isEqualTo("PENDING");
        assertThat(indicator(2016, "2.6").get("status").asString()).isEqualTo("NO_DATA");

        assertThat(Http.as(port, "officer.social").post("/api/plans/values/" + value.get("id").asLong() + "/approve", "{}")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> approved = Http.as(port, "rdec").post("/api/plans/values/" + value.get("id").asLong() + "/approve", "{}");
        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(indicator(2016, "2.6").get("actual").decimalValue()).isEqualByComparingTo("9100");
    }

    @Test
    void aReturnNeedsAReasonAndAnApprovedMonthIsClosedToTheAgency() {
        Http.as(port, "rdec").post("/api/plans", "{\"year\":2017,\"copyFrom\":2018}");
        long id = Json.parse(Http.as(port, "officer.social").post("/api/plans/2017/indicators/2.6/values",
                "{\"month\":2,\"value\":800}").body()).get("id").asLong();
        assertThat(Http.as(port, "rdec").post("/api/plans/values/" + id + "/reject", "{\"note\":\"\"}").statusCode()).isEqualTo(422);
        assertThat(Http.as(port, "rdec").post("/api/plans/values/" + id + "/reject", "{\"note\":\"請附月報\"}").statusCode()).isEqualTo(200);
        // Resubmitted, approved, then closed to further changes by the agency.
        Http.as(port, "officer.social").post("/api/plans/2017/indicators/2.6/values", "{\"month\":2,\"value\":850}");
        Http.as(port, "rdec").post("/api/plans/values/" + id + "/approve", "{}");
        HttpResponse<String> late = Http.as(port, "officer.social").post("/api/plans/2017/indicators/2.6/values",
                "{\"month\":2,\"value\":900}");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(indicator(2017, "2.6").get("actual").decimalValue()).isEqualByComparingTo("850");
    }

    @Test
    void badValuesAreRefusedNamingTheField() {
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/plans/2018/indicators/2.5/values",
                "{\"month\":0,\"value\":-3}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("\"field\":\"month\"").contains("\"field\":\"value\"");
        HttpResponse<String> metric = Http.as(port, "rdec").post("/api/plans/2018/indicators/1.2/values",
                "{\"month\":1,\"value\":50}");
        assertThat(metric.statusCode()).isEqualTo(422);
        assertThat(metric.body()).contains("\"field\":\"source\"");
    }

    @Test
    void aRealWriteCountsTowardsSystemUsage() {
        // The construction officer's write this year shows in indicator 1.2's evidence for this year.
        Http.as(port, "rdec").post("/api/plans", "{\"year\":2026,\"copyFrom\":2018}");
        Http.as(port, "rdec").patch("/api/plans/2026/indicators/1.3", "{\"ownerAgencyId\":" + constructionBureau() + "}");
        HttpResponse<String> w = Http.as(port, "officer").post("/api/plans/2026/indicators/1.3/values",
                "{\"month\":1,\"value\":70}");
        assertThat(w.statusCode()).as(w.body()).isEqualTo(201);
        JsonNode evidence = Json.parse(Http.anonymous(port).get("/api/plans/2026/indicators/1.2/evidence").body());
        boolean constructionUsed = false;
        for (JsonNode row : evidence.get("rows")) {
            if (row.get("cells").get(0).asString().equals("CONST")) {
                constructionUsed = row.get("cells").get(2).asString().startsWith("是");
            }
        }
        assertThat(constructionUsed).isTrue();
        assertThat(indicator(2026, "1.2").get("actual").decimalValue()).isPositive();
    }

    private long constructionBureau() {
        return jdbc.sql("select id from org_agency where code = 'CONST'").query(Long.class).single();
    }
}
