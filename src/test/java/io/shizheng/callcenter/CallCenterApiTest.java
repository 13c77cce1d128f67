package io.shizheng.callcenter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Call records in through the import API, service levels and staffing out, and indicators 2.3 and 2.4 on the scorecard. */
@IntegrationTest
class CallCenterApiTest {

    private static final String HEADER = "call_id,queue,language,offered_at,answered_at,abandoned_at,handled_seconds,agent,survey_score\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> upload(String user, String csv, String fileName) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/callcenter/imports?fileName=" + fileName))
                    .header("Content-Type", "text/csv").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
            if (user != null) {
                b.header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)));
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Six calls on one morning of 2031: the service-level arithmetic worked by hand. */
    private static String sixCalls(String prefix, String day) {
        return HEADER
                + prefix + "1,市政諮詢,國語," + day + " 09:00:00," + day + " 09:00:10,,100,A1,5\n"
                + prefix + "2,市政諮詢,國語," + day + " 09:10:00," + day + " 09:10:20,,200,A2,4\n"
                + prefix + "3,陳情反映,國語," + day + " 09:20:00," + day + " 09:20:21,,300,A1,3\n"
                + prefix + "4,市政諮詢,國語," + day + " 09:30:00,," + day + " 09:30:03,,,\n"
                + prefix + "5,市政諮詢,國語," + day + " 10:00:00,," + day + " 10:00:30,,,\n"
                + prefix + "6,市政諮詢,台語," + day + " 10:10:00," + day + " 10:10:05,,60,A2,\n";
    }

    @Test
    void serviceLevelArithmeticFromImportedCalls() {
        HttpResponse<String> r = upload("rdec", sixCalls("SLA-", "2031-05-06"), "sla.csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode t = Json.parse(Http.as(port, "rdec")
                .get("/api/callcenter/service-level?from=2031-05-06&to=2031-05-06&by=hour").body()).get("total");
        assertThat(t.get("offered").asInt()).isEqualTo(6);
        assertThat(t.get("shortAbandoned").asInt()).isEqualTo(1);
        assertThat(t.get("counted").asInt()).isEqualTo(5);
        // 10 s, 20 s (the threshold itself counts) and 5 s; 21 s does not.
        assertThat(t.get("answeredInTarget").asInt()).isEqualTo(3);
        assertThat(t.get("serviceLevelPercent").asDouble()).isEqualTo(60.0);
        assertThat(t.get("abandonmentPercent").asDouble()).isEqualTo(20.0);
        assertThat(t.get("averageSpeedOfAnswerSeconds").asDouble()).isEqualTo(14.0);
        assertThat(t.get("averageHandlingSeconds").asDouble()).isEqualTo(165.0);
        assertThat(t.get("surveyAnswers").asInt()).isEqualTo(3);
        assertThat(t.get("satisfactionPercent").asDouble()).isEqualTo(66.67);

        JsonNode hours = Json.parse(Http.as(port, "agent")
                .get("/api/callcenter/service-level?from=2031-05-06&to=2031-05-06&by=hour").body()).get("rows");
        assertThat(hours).hasSize(2);
        assertThat(hours.get(0).get("key").asString()).isEqualTo("2031-05-06 09:00");
        assertThat(hours.get(0).get("offered").asInt()).isEqualTo(4);
        JsonNode languages = Json.parse(Http.as(port, "rdec")
                .get("/api/callcenter/service-level?from=2031-05-06&to=2031-05-06&by=language").body()).get("rows");
        assertThat(languages).hasSize(2);
        JsonNode taiwanese = Json.parse(Http.as(port, "rdec")
                .get("/api/callcenter/service-level?from=2031-05-06&to=2031-05-06&by=total&language=%E5%8F%B0%E8%AA%9E").body());
        assertThat(taiwanese.get("total").get("offered").asInt()).isEqualTo(1);
        assertThat(taiwanese.get("total").get("serviceLevelPercent").asDouble()).isEqualTo(100.0);
    }

    @Test
    void importingTheSameFileTwiceAddsNothing() {
        String csv = sixCalls("DUP-", "2031-06-03");
        JsonNode first = Json.parse(upload("rdec", csv, "dup.csv").body());
        assertThat(first.get("rowsAdded").asInt()).isEqualTo(6);
        HttpResponse<String> again = upload("admin", csv, "dup.csv");
        assertThat(again.statusCode()).isEqualTo(201);
        JsonNode second = Json.parse(again.body());
        assertThat(second.get("rowsAdded").asInt()).isZero();
        assertThat(second.get("rowsDuplicate").asInt()).isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from callcenter_call where call_id like 'DUP-%'").query(Long.class).single()).isEqualTo(6);
        JsonNode t = Json.parse(Http.as(port, "rdec")
                .get("/api/callcenter/service-level?from=2031-06-03&to=2031-06-03&by=total").body()).get("total");
        assertThat(t.get("offered").asInt()).isEqualTo(6);
        JsonNode history = Json.parse(Http.as(port, "rdec").get("/api/callcenter/imports?limit=5").body());
        assertThat(history.get(0).get("rowsDuplicate").asInt()).isEqualTo(6);
        assertThat(history.get(0).get("importedBy").asString()).isEqualTo("admin");
    }

    @Test
    void aFileWithBadRowsIsRejectedWholeWithLineNumbers() {
        String csv = HEADER
                + "BAD-1,市政諮詢,國語,2031-07-01 09:00:00,2031-07-01 09:00:10,,100,A1,5\n"
                + "BAD-2,市政諮詢,國語,2031-07-01 09:00:00,2031-07-01 09:00:10,,100,A1,9\n"
                + "BAD-3,市政諮詢,國語,yesterday,2031-07-01 09:00:10,,100,A1,\n"
                + "BAD-4,市政諮詢,國語,2031-07-01 09:00:00,2031-07-01 09:00:10,,100,A1,\n";
        HttpResponse<String> r = upload("rdec", csv, "bad.csv");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = Json.parse(r.body());
        assertThat(p.get("rowsBad").asInt()).isEqualTo(2);
        List<String> where = new ArrayList<>();
        p.get("errors").forEach(e -> where.add(e.get("line").asInt() + ":" + e.get("field").asString()));
        assertThat(where).containsExactly("3:survey_score", "4:offered_at");
        assertThat(jdbc.sql("select count(*) from callcenter_call where call_id like 'BAD-%'").query(Long.class).single()).isZero();
        JsonNode stored = Json.parse(Http.as(port, "rdec").get("/api/callcenter/imports/" + p.get("importId").asLong()).body());
        assertThat(stored.get("import").get("status").asString()).isEqualTo("REJECTED");
        assertThat(stored.get("errors")).hasSize(2);

        HttpResponse<String> header = upload("rdec", "id,when\n1,2\n", "wrong.csv");
        assertThat(header.statusCode()).isEqualTo(422);
        assertThat(Json.parse(header.body()).get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(upload("rdec", HEADER, "empty.csv").statusCode()).isEqualTo(422);
    }

    @Test
    void onlyRdecAndAdminImportAndOnlyCallCentreRolesRead() {
        assertThat(upload("officer", sixCalls("ROLE-", "2031-08-01"), "x.csv").statusCode()).isEqualTo(403);
        assertThat(upload("agent", sixCalls("ROLE-", "2031-08-01"), "x.csv").statusCode()).isEqualTo(403);
        assertThat(upload(null, sixCalls("ROLE-", "2031-08-01"), "x.csv").statusCode()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from callcenter_call where call_id like 'ROLE-%'").query(Long.class).single()).isZero();
        assertThat(Http.as(port, "officer").get("/api/callcenter/service-level").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/api/callcenter/service-level").statusCode()).isEqualTo(401);
        assertThat(Http.as(port, "agent").get("/api/callcenter/service-level").statusCode()).isEqualTo(200);
        assertThat(Http.as(port, "rdec").get("/api/callcenter/service-level?by=colour").statusCode()).isEqualTo(422);
    }

    @Test
    void indicatorsTwoPointThreeAndFourAreComputedFromTheDemoCalls() {
        JsonNode s = Json.parse(Http.anonymous(port).get("/api/plans/2018/scorecard").body());
        JsonNode answer = null;
        JsonNode satisfaction = null;
        for (JsonNode g : s.get("goals")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asString().equals("2.3")) {
                    answer = i;
                }
                if (i.get("code").asString().equals("2.4")) {
                    satisfaction = i;
                }
            }
        }
        assertThat(answer.get("source").asString()).isEqualTo("METRIC:call-answer-20s");
        assertThat(answer.get("actual").asDouble()).isBetween(82.5, 85.0);
        assertThat(answer.get("status").asString()).isEqualTo("CAUTION");
        assertThat(answer.get("trend")).hasSize(12);
        assertThat(satisfaction.get("source").asString()).isEqualTo("METRIC:call-satisfaction");
        assertThat(satisfaction.get("actual").asDouble()).isBetween(85.5, 90.5);

        JsonNode evidence = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/2.3/evidence?month=3").body());
        // The year to March: one row a month, each linking to that month on the dashboard.
        assertThat(evidence.get("total").asInt()).isEqualTo(3);
        assertThat(evidence.get("rows").get(0).get("cells").get(0).asString()).isEqualTo("2018-01");
        assertThat(evidence.get("rows").get(0).get("link").asString()).isEqualTo("/callcenter?from=2018-01-01&to=2018-01-31");
        // The public evidence carries counts only: no agent codes, no call ids.
        assertThat(evidence.toString()).doesNotContain("A0").doesNotContain("DEMO-");
    }

    @Test
    void staffingShowsErlangNeedsBesideActualAgents() {
        JsonNode day = Json.parse(Http.as(port, "rdec").get("/api/callcenter/staffing?date=2018-10-15").body());
        assertThat(day.get("slots")).hasSize(48);
        assertThat(day.get("actualCalls").asInt()).isPositive();
        assertThat(day.get("forecastFrom").get(0).asString()).isEqualTo("2018-10-08");
        assertThat(day.get("peakAgentsNeeded").asInt()).isPositive();
        JsonNode plan = Json.parse(Http.as(port, "agent").post("/api/callcenter/staffing/erlang",
                "{\"calls\":[100],\"handlingSeconds\":180,\"targetPercent\":80,\"answerSeconds\":20}").body());
        assertThat(plan.get(0).get("agents").asInt()).isEqualTo(14);
        assertThat(plan.get(0).get("serviceLevelPercent").asDouble()).isEqualTo(88.84);
        HttpResponse<String> bad = Http.as(port, "agent").post("/api/callcenter/staffing/erlang",
                "{\"calls\":[-1],\"handlingSeconds\":0}");
        assertThat(bad.statusCode()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        Json.parse(bad.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactly("calls", "handlingSeconds");
    }

    @Test
    void pagesRenderForCallCentreRolesAndRefuseOthers() {
        HttpResponse<String> dash = Http.as(port, "rdec").get("/callcenter?from=2018-01-01&to=2018-12-31");
        assertThat(dash.statusCode()).isEqualTo(200);
        assertThat(dash.body()).contains("示範資料").contains("國語").contains("日語").contains("2018-12");
        HttpResponse<String> staffing = Http.as(port, "agent").get("/callcenter/staffing?date=2018-10-15&calls=360&aht=240&target=80&answer=20");
        assertThat(staffing.statusCode()).isEqualTo(200);
        assertThat(staffing.body()).contains("cc-plan").contains("55");
        assertThat(Http.as(port, "rdec").get("/callcenter/import").body()).contains("cc-import").contains("survey_score");
        assertThat(Http.as(port, "agent").get("/callcenter/import").body()).doesNotContain("id=\"cc-import\"");
        assertThat(Http.as(port, "officer").get("/callcenter").statusCode()).isEqualTo(403);
        assertThat(Http.anonymous(port).get("/v3/api-docs").body()).contains("/api/callcenter/service-level")
                .contains("/api/callcenter/imports");
    }
}
