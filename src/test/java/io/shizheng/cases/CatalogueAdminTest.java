package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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

/** RDEC keeps case types and categories on pages: a retired category keeps its cases and is no longer offered. */
@IntegrationTest
class CatalogueAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
    }

    private String page(String user, String path) {
        HttpResponse<String> r = Http.as(port, user).get(path);
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private static String code() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    private static List<String> serviceCodes(String json) {
        List<String> out = new ArrayList<>();
        for (JsonNode s : Json.parse(json)) {
            out.add(s.get("service_code").asString());
        }
        return out;
    }

    @Test
    void aRetiredCategoryKeepsItsOldCasesButIsNoLongerOfferedForNewOnes() {
        String code = code();
        // RDEC adds the category on its page
        HttpResponse<String> created = Form.post(port, "/cases/catalogue/categories", Form.of("code", code, "name", "騎樓占用",
                "nameEn", "Arcade obstruction", "description", "騎樓堆放雜物 / goods piled in the arcade", "group", "道路 Roads",
                "keywords", "騎樓,占用", "agencyCode", "CONST", "needsLocation", "true"), "Authorization", basic("rdec"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(page("rdec", "/cases/catalogue")).contains(code).contains("騎樓占用");
        assertThat(page("agent", "/cases/new")).contains("value=\"" + code + "\"");
        assertThat(serviceCodes(Http.anonymous(port).get("/open311/v2/services.json").body())).contains(code);

        String description = CaseFixture.unique("騎樓堆滿雜物無法通行");
        JsonNode old = CaseFixture.create(port, "agent", """
                {"type":"REPORT","channel":"PHONE","category":"%s","description":"%s","lon":%s,"lat":%s}"""
                .formatted(code, description, CaseFixture.LON, CaseFixture.LAT));
        String caseNo = old.get("caseNo").asString();
        assertThat(old.get("agencyName").asString()).contains("建設局");

        // retired on the page
        HttpResponse<String> retired = Form.post(port, "/cases/catalogue/categories/" + code + "/retirement", Form.of(),
                "Authorization", basic("rdec"));
        assertThat(retired.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("select active from cases_category where code = ?").param(code).query(Boolean.class).single()).isFalse();

        // the old case still shows under it, on its page, in the API and in the reports
        assertThat(Json.parse(Http.as(port, "officer").get("/api/cases/" + caseNo).body()).get("categoryName").asString())
                .isEqualTo("騎樓占用 / Arcade obstruction");
        assertThat(page("officer", "/cases/" + caseNo)).contains("騎樓占用").contains(description);
        JsonNode byCategory = Json.parse(Http.as(port, "rdec").get("/api/cases/stats?by=category").body());
        boolean counted = false;
        for (JsonNode c : byCategory) {
            if (c.get("key").asString().equals(code)) {
                counted = c.get("total").asLong() == 1 && c.get("label").asString().equals("騎樓占用");
            }
        }
        assertThat(counted).as("the report still counts the retired category's case under its name").isTrue();
        String catalogue = page("rdec", "/cases/catalogue");
        assertThat(catalogue).contains("已停用");
        assertThat(page("rdec", "/cases/inbox?status=&category=" + code)).contains(caseNo);

        // and it is not offered on intake: neither the form, nor Open311, nor the API takes it
        assertThat(page("agent", "/cases/new")).doesNotContain("value=\"" + code + "\"");
        assertThat(page("agent", "/cases/workspace")).doesNotContain("value=\"" + code + "\"");
        assertThat(serviceCodes(Http.anonymous(port).get("/open311/v2/services.json").body())).doesNotContain(code);
        assertThat(Http.anonymous(port).get("/open311/v2/services/" + code + ".json").statusCode()).isEqualTo(404);
        HttpResponse<String> refused = Http.as(port, "agent").post("/api/cases", """
                {"type":"REPORT","channel":"PHONE","category":"%s","description":"再報一次","lon":%s,"lat":%s}"""
                .formatted(code, CaseFixture.LON, CaseFixture.LAT));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("category");
        HttpResponse<String> open311 = Form.post(port, "/open311/v2/requests.json", Form.of("api_key", "demo-open311-key",
                "service_code", code, "lat", String.valueOf(CaseFixture.LAT), "long", String.valueOf(CaseFixture.LON),
                "description", "騎樓"));
        assertThat(open311.statusCode()).isBetween(400, 499);

        // offered again once reinstated, through the API
        assertThat(Http.as(port, "rdec").post("/api/cases/categories/" + code + "/reinstatement", "").statusCode()).isEqualTo(200);
        assertThat(page("agent", "/cases/new")).contains("value=\"" + code + "\"");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'cases.category' and entity_id = ?")
                .param(code).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void agencyOfficersAreRefusedAndBadFormsChangeNothing() {
        assertThat(Http.as(port, "officer").get("/cases/catalogue").statusCode()).isEqualTo(403);
        assertThat(page("rdec", "/cases/catalogue?lang=en")).contains("Case types and categories").contains("Retire");
        assertThat(Http.as(port, "officer").get("/api/cases/catalogue").statusCode()).isEqualTo(403);
        HttpResponse<String> officer = Http.as(port, "officer").post("/api/cases/categories", """
                {"code":"OFFICERS","name":"x","nameEn":"x","description":"x","group":"x","agencyCode":"CONST"}""");
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(Form.post(port, "/cases/catalogue/categories/STREETLIGHT/retirement", Form.of(), "Authorization", basic("officer"))
                .statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "officer").put("/api/cases/types/PETITION", "{\"replyDays\":1,\"reassignDays\":1}").statusCode())
                .isEqualTo(403);

        long categories = jdbc.sql("select count(*) from cases_category").query(Long.class).single();
        HttpResponse<String> bad = Form.post(port, "/cases/catalogue/categories", Form.of("code", "lower case", "name", "",
                "nameEn", "Bad", "description", "d", "group", "g", "agencyCode", "NOSUCH"), "Authorization", basic("rdec"));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"form-errors\"").contains("請填中文名稱").contains("代碼須以大寫英文字母開頭")
                .contains("沒有這個機關").contains("aria-invalid=\"true\"");
        HttpResponse<String> api = Http.as(port, "rdec").post("/api/cases/categories", """
                {"code":"GOOD_CODE","name":"","nameEn":"x","description":"x","group":"x","agencyCode":"CONST"}""");
        assertThat(api.statusCode()).isEqualTo(422);
        assertThat(Json.parse(api.body()).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(jdbc.sql("select count(*) from cases_category").query(Long.class).single()).isEqualTo(categories);

        HttpResponse<String> rule = Form.post(port, "/cases/catalogue/types/NOTIFICATION", Form.of("name", "通報", "nameEn", "Notification",
                "replyDays", "61", "reassignDays", "1", "fromNextDay", "true", "sort", "3"), "Authorization", basic("rdec"));
        assertThat(rule.statusCode()).isEqualTo(422);
        assertThat(rule.body()).contains("答復期限須為 0 到 60 個工作天");
        assertThat(jdbc.sql("select reply_days from cases_type where code = 'NOTIFICATION'").query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void anRdecOfficerAddsACaseTypeAndItsDeadlineRuleGivesTheDeadline() {
        String code = code();
        HttpResponse<String> created = Form.post(port, "/cases/catalogue/types", Form.of("code", code, "name", "首長信箱急件",
                "nameEn", "Urgent mayor's mail", "replyDays", "2", "reassignDays", "1", "fromNextDay", "true"), "Authorization", basic("rdec"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(page("rdec", "/cases/catalogue/types/" + code)).contains("首長信箱急件").contains("value=\"2\"");
        // changed through the API as before, names kept
        HttpResponse<String> put = Http.as(port, "rdec").put("/api/cases/types/" + code, "{\"replyDays\":4,\"fromNextDay\":true,\"reassignDays\":2}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(Json.parse(put.body()).get("name").asString()).isEqualTo("首長信箱急件");
        JsonNode c = CaseFixture.create(port, "agent", """
                {"type":"%s","channel":"MAILBOX","category":"OTHER","description":"%s"}""".formatted(code, CaseFixture.unique("請市府說明")));
        String received = c.get("receivedAt").asString();
        assertThat(received).isNotBlank();
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'cases.type' and entity_id = ?")
                .param(code).query(Long.class).single()).isEqualTo(2);
        // the deadline is four working days after receipt, as the new rule says
        java.time.LocalDate on = java.time.LocalDate.parse(jdbc.sql("select received_on::text from cases_case where case_no = ?")
                .param(c.get("caseNo").asString()).query(String.class).single());
        String due = jdbc.sql("select due_on::text from cases_case where case_no = ?").param(c.get("caseNo").asString())
                .query(String.class).single();
        assertThat(java.time.LocalDate.parse(due)).isAfter(on.plusDays(3));
    }
}
