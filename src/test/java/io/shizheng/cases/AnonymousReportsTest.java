package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An Open311 report is anonymous: what the app sent is kept as the report's contact, but it is never merged into a
 * citizen's record nor shown in a caller's history, even when name, phone and e-mail match. Agents taking calls
 * still recognise a caller who calls again.
 */
@IntegrationTest
class AnonymousReportsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String phone() {
        return "09" + String.format("%08d", Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 100_000_000L));
    }

    private String call(String phone, String text) {
        return CaseFixture.create(port, "agent", """
                {"type":"REPORT","channel":"PHONE","category":"STREETLIGHT","description":"%s","lon":%s,"lat":%s,
                 "name":"王大同","phone":"%s","email":"wang.datong@example.invalid","replyBy":"PHONE"}"""
                .formatted(CaseFixture.unique(text), CaseFixture.LON, CaseFixture.LAT, phone)).get("caseNo").asString();
    }

    private Long citizenOf(String caseNo) {
        return jdbc.sql("select citizen_id from cases_case where case_no = ?").param(caseNo).query(Long.class).single();
    }

    @Test
    void anOpen311ReportIsNotMergedIntoTheCitizenWithTheSameNamePhoneAndEmail() {
        String phone = phone();
        String first = call(phone, "路燈不亮");
        String again = call(phone, "路燈又不亮");
        assertThat(citizenOf(again)).as("a caller who calls again is the same citizen").isEqualTo(citizenOf(first));

        HttpResponse<String> posted = Form.post(port, "/open311/v2/requests.json", Form.of("api_key", "demo-open311-key",
                "service_code", "STREETLIGHT", "attribute[light_state]", "off", "lat", "24.1617", "long", "120.6469",
                "description", "路燈閃爍 " + UUID.randomUUID(), "first_name", "大同", "last_name", "王",
                "email", "wang.datong@example.invalid", "phone", phone));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String report = Json.parse(posted.body()).get(0).get("service_request_id").asString();

        assertThat(citizenOf(report)).as("the report keeps its own contact").isNotNull().isNotEqualTo(citizenOf(first));
        JsonNode history = Json.parse(Http.as(port, "agent").get("/api/cases/callers/" + phone).body());
        List<String> numbers = new java.util.ArrayList<>();
        history.forEach(c -> numbers.add(c.get("caseNo").asString()));
        assertThat(numbers).contains(first, again).doesNotContain(report);

        // the handling agency still has the contact the app sent, to reply to
        JsonNode c = Json.parse(Http.as(port, "rdec").get("/api/cases/" + report).body());
        assertThat(c.get("citizen").get("email").asString()).isEqualTo("wang.datong@example.invalid");

        // and a second report with the same contact is not linked to the first either
        HttpResponse<String> second = Form.post(port, "/open311/v2/requests.json", Form.of("api_key", "demo-open311-key",
                "service_code", "STREETLIGHT", "attribute[light_state]", "off", "lat", "24.1617", "long", "120.6469",
                "description", "路燈閃爍 " + UUID.randomUUID(), "first_name", "大同", "last_name", "王",
                "email", "wang.datong@example.invalid", "phone", phone));
        String report2 = Json.parse(second.body()).get(0).get("service_request_id").asString();
        assertThat(citizenOf(report2)).isNotEqualTo(citizenOf(report)).isNotEqualTo(citizenOf(first));
    }
}
