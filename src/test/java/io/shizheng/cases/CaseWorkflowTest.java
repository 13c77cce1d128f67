package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Dispatch by category and place, hand-overs within a working day, one extension, reply, rating, reopening. */
@IntegrationTest
class CaseWorkflowTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static List<String> kinds(JsonNode c) {
        List<String> out = new ArrayList<>();
        c.get("hops").forEach(h -> out.add(h.get("kind").asString()));
        return out;
    }

    @Test
    void casesGoToTheCompetentAgencyByCategoryAndToTheDistrictOfficeByPlace() {
        JsonNode light = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("路燈")));
        assertThat(light.get("agencyName").asString()).isEqualTo("臺中市政府建設局");
        assertThat(light.get("district").asString()).isEqualTo("西屯區");
        assertThat(light.get("village").asString()).isNotBlank();
        assertThat(light.get("dueOn").asString()).isNotBlank();
        JsonNode lane = CaseFixture.create(port, "agent", """
                {"type":"PETITION","channel":"PHONE","category":"NEIGHBOURHOOD","description":"%s","lon":%s,"lat":%s}"""
                .formatted(CaseFixture.unique("巷道路面不平"), CaseFixture.LON, CaseFixture.LAT));
        assertThat(lane.get("agencyName").asString()).isEqualTo("臺中市西屯區公所");
        assertThat(kinds(lane)).containsExactly("INTAKE", "DISPATCH");
        assertThat(lane.get("citizen").isNull()).as("anonymous reports are allowed").isTrue();
    }

    @Test
    void anAgencyHandsACaseOnWithAReasonAndEveryHopIsInTheHistory() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("側溝堵塞誤派")));
        String no = c.get("caseNo").asString();
        assertThat(c.get("mayReassign").asBoolean()).as("the agent does not handle it").isFalse();
        assertThat(Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body()).get("mayReassign").asBoolean()).isTrue();
        HttpResponse<String> noReason = Http.as(port, "officer").post("/api/cases/" + no + "/handover", "{\"kind\":\"ON\",\"toAgency\":\"WATER\"}");
        assertThat(noReason.statusCode()).isEqualTo(422);
        assertThat(noReason.body()).contains("reason");
        assertThat(Http.as(port, "officer.epb").post("/api/cases/" + no + "/handover",
                "{\"kind\":\"ON\",\"toAgency\":\"WATER\",\"reason\":\"x\"}").statusCode()).isEqualTo(403);

        HttpResponse<String> on = Http.as(port, "officer").post("/api/cases/" + no + "/handover",
                "{\"kind\":\"ON\",\"toAgency\":\"WATER\",\"reason\":\"側溝屬水利局權責\"}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);
        JsonNode moved = Json.parse(on.body());
        assertThat(moved.get("agencyName").asString()).isEqualTo("臺中市政府水利局");
        assertThat(kinds(moved)).containsExactly("INTAKE", "DISPATCH", "HAND_ON");
        JsonNode hop = moved.get("hops").get(2);
        assertThat(hop.get("fromAgency").asString()).isEqualTo("臺中市政府建設局");
        assertThat(hop.get("toAgency").asString()).isEqualTo("臺中市政府水利局");
        assertThat(hop.get("reason").asString()).isEqualTo("側溝屬水利局權責");
        // the Construction Bureau no longer acts on it, but still sees where it went
        assertThat(Http.as(port, "officer").post("/api/cases/" + no + "/close",
                "{\"reply\":\"x\",\"closingCategory\":\"RESOLVED\"}").statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "officer").get("/api/cases/" + no).statusCode()).isEqualTo(200);

        HttpResponse<String> back = Http.as(port, "officer.water").post("/api/cases/" + no + "/handover",
                "{\"kind\":\"BACK\",\"reason\":\"地點為私人土地，請研考會重新分派\"}");
        assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
        assertThat(Json.parse(back.body()).get("agencyName").asString()).isEqualTo("臺中市政府研究發展考核委員會");
        assertThat(kinds(Json.parse(back.body()))).containsExactly("INTAKE", "DISPATCH", "HAND_ON", "HAND_BACK");
    }

    @Test
    void afterOneWorkingDayTheAgencyMayNoLongerHandTheCaseOver() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("逾改派期限")));
        String no = c.get("caseNo").asString();
        // it arrived at the Construction Bureau ten days ago
        jdbc.sql("update cases_hop set at = at - interval '10 days' where case_id = (select id from cases_case where case_no = ?)")
                .param(no).update();
        HttpResponse<String> late = Http.as(port, "officer").post("/api/cases/" + no + "/handover",
                "{\"kind\":\"ON\",\"toAgency\":\"WATER\",\"reason\":\"太晚了\"}");
        assertThat(late.statusCode()).isEqualTo(422);
        assertThat(late.body()).contains("改派期限");
        assertThat(Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body()).get("agencyName").asString())
                .isEqualTo("臺中市政府建設局");
        // RDEC may still redispatch
        assertThat(Http.as(port, "rdec").post("/api/cases/" + no + "/handover",
                "{\"kind\":\"ON\",\"toAgency\":\"WATER\",\"reason\":\"研考會改派\"}").statusCode()).isEqualTo(200);
    }

    @Test
    void oneExtensionWithAReasonThenAReplyARatingAndAReopening() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("需會勘")));
        String no = c.get("caseNo").asString();
        String code = c.get("verifyCode").asString();
        String due = c.get("dueOn").asString();
        assertThat(Http.as(port, "officer").post("/api/cases/" + no + "/extension", "{}").statusCode()).isEqualTo(422);
        HttpResponse<String> ext = Http.as(port, "officer").post("/api/cases/" + no + "/extension", "{\"reason\":\"需會同台電現場會勘\"}");
        assertThat(ext.statusCode()).as(ext.body()).isEqualTo(200);
        JsonNode extended = Json.parse(ext.body());
        assertThat(extended.get("extendedDueOn").asString()).isGreaterThan(due);
        assertThat(extended.get("mayExtend").asBoolean()).isFalse();
        assertThat(Http.as(port, "officer").post("/api/cases/" + no + "/extension", "{\"reason\":\"再延\"}").body())
                .contains("已展延過一次");
        // the citizen is told, by e-mail as they asked
        assertThat(jdbc.sql("select count(*) from platform_outbox where entity_id = ? and body like '%需會同台電現場會勘%'")
                .param(no).query(Long.class).single()).isEqualTo(1);
        JsonNode pub = Json.parse(Http.anonymous(port).get("/api/cases/public/" + no + "?code=" + code).body());
        assertThat(pub.get("extensionReason").asString()).isEqualTo("需會同台電現場會勘");

        assertThat(Http.anonymous(port).post("/api/cases/public/" + no + "/rating", "{\"code\":\"" + code + "\",\"rating\":5}")
                .statusCode()).as("no rating before the reply").isEqualTo(422);
        assertThat(Http.as(port, "officer").post("/api/cases/" + no + "/close", "{\"reply\":\"已修復\",\"closingCategory\":\"NOPE\"}")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> closed = Http.as(port, "officer").post("/api/cases/" + no + "/close",
                "{\"reply\":\"已更換燈具，恢復照明。\",\"closingCategory\":\"RESOLVED\"}");
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        assertThat(Json.parse(closed.body()).get("status").asString()).isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from platform_outbox where entity_id = ? and body like '%已更換燈具%'")
                .param(no).query(Long.class).single()).isEqualTo(1);

        assertThat(Http.anonymous(port).post("/api/cases/public/" + no + "/rating", "{\"code\":\"" + code + "\",\"rating\":6}")
                .statusCode()).isEqualTo(422);
        HttpResponse<String> rated = Http.anonymous(port).post("/api/cases/public/" + no + "/rating", "{\"code\":\"" + code + "\",\"rating\":2}");
        assertThat(rated.statusCode()).as(rated.body()).isEqualTo(200);
        assertThat(Json.parse(rated.body()).get("rating").asInt()).isEqualTo(2);
        assertThat(Http.anonymous(port).post("/api/cases/public/" + no + "/rating", "{\"code\":\"wrong\",\"rating\":5}")
                .statusCode()).isEqualTo(404);

        HttpResponse<String> reopened = Http.anonymous(port).post("/api/cases/public/" + no + "/reopen",
                "{\"code\":\"" + code + "\",\"reason\":\"路燈晚上還是不亮\"}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        assertThat(Json.parse(reopened.body()).get("status").asString()).isEqualTo("OPEN");
        JsonNode after = Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body());
        assertThat(after.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(kinds(after)).containsSubsequence("EXTEND", "CLOSE", "RATE", "REOPEN");
    }

    @Test
    void aReplyOlderThanSevenDaysCannotBeReopened() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("舊案")));
        String no = c.get("caseNo").asString();
        Http.as(port, "officer").post("/api/cases/" + no + "/close", "{\"reply\":\"已修復\",\"closingCategory\":\"RESOLVED\"}");
        jdbc.sql("update cases_case set closed_at = now() - interval '8 days' where case_no = ?").param(no).update();
        HttpResponse<String> r = Http.anonymous(port).post("/api/cases/public/" + no + "/reopen",
                "{\"code\":\"" + c.get("verifyCode").asString() + "\",\"reason\":\"還是壞的\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body()).get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void aRepeatedPetitionIsClosedByReferenceToTheEarlierReply() {
        JsonNode first = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("第一次陳情")));
        Http.as(port, "officer").post("/api/cases/" + first.get("caseNo").asString() + "/close",
                "{\"reply\":\"該路段路燈已排入汰換計畫。\",\"closingCategory\":\"SCHEDULED\"}");
        JsonNode again = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("又來陳情")));
        HttpResponse<String> r = Http.as(port, "officer").post("/api/cases/" + again.get("caseNo").asString() + "/close-by-reference",
                "{\"earlierCaseNo\":\"" + first.get("caseNo").asString() + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode closed = Json.parse(r.body());
        assertThat(closed.get("closingCategory").asString()).isEqualTo("REFERENCE");
        assertThat(closed.get("relatedCaseNo").asString()).isEqualTo(first.get("caseNo").asString());
        assertThat(closed.get("reply").asString()).contains("該路段路燈已排入汰換計畫。");
    }

    @Test
    void rdecSetsTheDeadlineRuleOfACaseType() {
        String json = """
                {"type":"NOTIFICATION","channel":"PHONE","category":"OTHER","description":"%s"}""";
        JsonNode before = CaseFixture.create(port, "agent", json.formatted(CaseFixture.unique("通報")));
        assertThat(Http.as(port, "officer").put("/api/cases/types/NOTIFICATION", "{\"replyDays\":10,\"reassignDays\":1}")
                .statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "rdec").put("/api/cases/types/NOTIFICATION", "{\"replyDays\":-1,\"reassignDays\":1}")
                .statusCode()).isEqualTo(422);
        try {
            HttpResponse<String> r = Http.as(port, "rdec").put("/api/cases/types/NOTIFICATION", "{\"replyDays\":10,\"reassignDays\":1}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Json.parse(r.body()).get("replyDays").asInt()).isEqualTo(10);
            JsonNode after = CaseFixture.create(port, "agent", json.formatted(CaseFixture.unique("通報")));
            assertThat(after.get("dueOn").asString()).isGreaterThan(before.get("dueOn").asString());
        } finally {
            Http.as(port, "rdec").put("/api/cases/types/NOTIFICATION", "{\"replyDays\":3,\"reassignDays\":1}");
        }
    }

    @Test
    void intakeRejectsBadInputAndStoresNothing() {
        long before = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        HttpResponse<String> r = Http.as(port, "agent").post("/api/cases", """
                {"type":"PETITION","channel":"FAX","category":"STREETLIGHT","description":"%s","lon":121.5654,"lat":25.033,
                 "email":"not-an-email","replyBy":"EMAIL"}""".formatted("長".repeat(4001)));
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("channel", "description", "lat", "email");
        assertThat(Http.as(port, "reviewer").post("/api/cases", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, "x"))
                .statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from cases_case").query(Long.class).single()).isEqualTo(before);
    }
}
