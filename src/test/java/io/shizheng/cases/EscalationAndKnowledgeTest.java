package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Overdue cases flagged and escalated once by e-mail; the agents' knowledge base; the caller's earlier cases. */
@IntegrationTest
class EscalationAndKnowledgeTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOverdueCaseIsFlaggedAndEscalatedToTheAgencySupervisorOnce() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("逾期案件")));
        String no = c.get("caseNo").asString();
        jdbc.sql("update cases_case set due_on = current_date - 10 where case_no = ?").param(no).update();
        JsonNode overdue = Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body());
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.get("workingDaysOverdue").asInt()).isGreaterThan(3);
        JsonNode inbox = Json.parse(Http.as(port, "officer").get("/api/cases?overdue=true&q=" + no).body());
        assertThat(inbox.get("total").asLong()).isEqualTo(1);

        assertThat(Http.as(port, "officer").post("/api/cases/escalations", "{}").statusCode()).isEqualTo(403);
        HttpResponse<String> run = Http.as(port, "rdec").post("/api/cases/escalations", "{}");
        assertThat(Json.parse(run.body()).get("escalated").asInt()).isGreaterThanOrEqualTo(1);
        Http.as(port, "rdec").post("/api/cases/escalations", "{}");
        assertThat(jdbc.sql("select count(*) from platform_outbox where to_address = 'supervisor.const@taichung.gov.tw' and body like ?")
                .param("%" + no + "%").query(Long.class).single()).isEqualTo(1);
        JsonNode after = Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body());
        assertThat(after.get("hops").toString()).contains("ESCALATE");
    }

    @Test
    void agentsFindAnswersInChineseAndAgenciesKeepOnlyTheirOwn() {
        JsonNode hits = Json.parse(Http.as(port, "agent").get("/api/cases/faq?q=" + URLEncoder.encode("長輩要申請長照", StandardCharsets.UTF_8)).body());
        assertThat(hits.get(0).get("question").asString()).contains("長照");
        long social = jdbc.sql("select id from org_agency where code = 'SOCIAL'").query(Long.class).single();
        String faq = "{\"agencyId\":" + social + ",\"question\":\"敬老愛心卡遺失如何補發？\",\"answer\":\"請攜帶身分證至區公所申請補發。\",\"keywords\":\"敬老卡,補發\"}";
        assertThat(Http.as(port, "officer.epb").post("/api/cases/faq", faq).statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "agent").post("/api/cases/faq", faq).statusCode()).isEqualTo(403);
        HttpResponse<String> created = Http.as(port, "officer.social").post("/api/cases/faq", faq);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode found = Json.parse(Http.as(port, "agent").get("/api/cases/faq?q=" + URLEncoder.encode("愛心卡遺失", StandardCharsets.UTF_8)).body());
        assertThat(found.get(0).get("question").asString()).isEqualTo("敬老愛心卡遺失如何補發？");
        assertThat(Http.as(port, "officer.social").post("/api/cases/faq", "{\"question\":\"\"}").statusCode()).isEqualTo(422);
    }

    @Test
    void theAgentSeesTheCallersEarlierCasesByPhone() {
        String phone = "09" + (10_000_000 + (int) (Math.random() * 89_999_999));
        String no = CaseFixture.create(port, "agent", """
                {"type":"PETITION","channel":"PHONE","category":"OTHER","description":"%s","name":"張志明","phone":"%s"}"""
                .formatted(CaseFixture.unique("建議增加公車班次"), phone)).get("caseNo").asString();
        JsonNode earlier = Json.parse(Http.as(port, "agent").get("/api/cases/callers/" + phone).body());
        assertThat(earlier.get(0).get("caseNo").asString()).isEqualTo(no);
        assertThat(Http.as(port, "officer").get("/api/cases/callers/" + phone).statusCode()).isEqualTo(403);
        // the same caller again: stored once
        CaseFixture.create(port, "agent", """
                {"type":"ENQUIRY","channel":"PHONE","category":"OTHER","description":"再次來電詢問","name":"張志明","phone":"%s","reply":"已說明"}"""
                .formatted(phone));
        assertThat(jdbc.sql("select count(*) from cases_citizen where phone = ?").param(phone).query(Long.class).single()).isEqualTo(1);
        assertThat(Json.parse(Http.as(port, "agent").get("/api/cases/callers/" + phone).body()).size()).isEqualTo(2);
    }
}
