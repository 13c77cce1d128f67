package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Done-when of the issue: a citizen files a report through Open311 and follows it to its reply, then rates it. */
@IntegrationTest
class CitizenFollowsReportTest {

    @LocalServerPort
    int port;

    @Test
    void aCitizenFilesThroughOpen311AndFollowsTheReportToItsReplyInTheBrowserPages() throws Exception {
        HttpResponse<String> posted = Form.post(port, "/open311/v2/requests.json", Form.of("api_key", "demo-open311-key",
                "service_code", "LITTER", "lat", "24.1500", "long", "120.6600",
                "description", "公園旁垃圾堆積 " + UUID.randomUUID(), "email", "citizen@example.invalid"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode created = Json.parse(posted.body()).get(0);
        String no = created.get("service_request_id").asString();
        Matcher m = Pattern.compile("查詢碼 (\\d{6})").matcher(created.get("service_notice").asString());
        assertThat(m.find()).isTrue();
        String code = m.group(1);

        JsonNode c = Json.parse(Http.as(port, "rdec").get("/api/cases/" + no).body());
        String officer = c.get("agencyName").asString().equals("臺中市政府環境保護局") ? "officer.epb" : "rdec";
        Http.as(port, officer).post("/api/cases/" + no + "/close", "{\"reply\":\"清潔隊已於今日清除完畢。\",\"closingCategory\":\"RESOLVED\"}");

        JsonNode open311 = Json.parse(Http.anonymous(port).get("/open311/v2/requests/" + no + ".json").body()).get(0);
        assertThat(open311.get("status").asString()).isEqualTo("closed");
        assertThat(open311.get("status_notes").asString()).contains("清潔隊已於今日清除完畢");

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String page = get(browser, "/cases/status?no=" + no + "&code=" + code);
        assertThat(page).contains("清潔隊已於今日清除完畢").doesNotContain("citizen@example.invalid");
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(csrf.find()).as("the rating form carries a CSRF token").isTrue();
        HttpResponse<String> rated = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/cases/status/rate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("no=" + no + "&code=" + code + "&rating=4&_csrf="
                        + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(rated.statusCode()).isEqualTo(302);
        assertThat(get(browser, "/cases/status?no=" + no + "&code=" + code)).contains("4 / 5");
        assertThat(Json.parse(Http.as(port, "rdec").get("/api/cases/" + no).body()).get("rating").asInt()).isEqualTo(4);
    }

    private String get(HttpClient client, String path) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
