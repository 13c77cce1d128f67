package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every page renders for RDEC staff and for an agency officer, in Chinese first and in English on request. */
@IntegrationTest
class ServiceQualityPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String page(String user, String path) {
        HttpResponse<String> r = Http.as(port, user).get(path);
        assertThat(r.statusCode()).as("%s as %s: %s", path, user, r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyPageRendersForStaffAndOfficers() {
        long round = jdbc.sql("select id from servicequality_round where year = 2018 and month = 5").query(Long.class).single();
        long call = jdbc.sql("select id from servicequality_call where round_id = ? order by id limit 1").param(round).query(Long.class).single();
        long session = jdbc.sql("select id from servicequality_session where demo order by starts_at limit 1").query(Long.class).single();
        long reg = jdbc.sql("select id from servicequality_registration where session_id = ? and attended_at is not null order by id limit 1")
                .param(session).query(Long.class).single();
        long candidate = jdbc.sql("select id from servicequality_award_candidate where demo order by id limit 1").query(Long.class).single();
        for (String path : new String[] {"/servicequality?year=2018", "/servicequality/tests?year=2018",
                "/servicequality/tests/rounds/" + round, "/servicequality/tests/calls/" + call, "/servicequality/rubric?year=2018",
                "/servicequality/notices", "/servicequality/pass-rates?year=2018", "/servicequality/phone-stats?year=2018&month=3",
                "/servicequality/training?year=2018", "/servicequality/training/sessions/" + session,
                "/servicequality/training/registrations/" + reg + "/ticket", "/servicequality/training/registrations/" + reg + "/certificate",
                "/servicequality/training/check-in", "/servicequality/award?year=2018", "/servicequality/award/" + candidate}) {
            String body = page("rdec", path);
            assertThat(body).as(path).contains("示範");
        }
        assertThat(page("rdec", "/servicequality?year=2018&lang=en")).contains("Phone-test pass rate");
        assertThat(page("rdec", "/servicequality/pass-rates?year=2018")).contains("全市");
        String officer = page("officer", "/servicequality/notices");
        assertThat(officer).doesNotContain("社會局</strong>");
        assertThat(Http.as(port, "officer").get("/servicequality/training/check-in").statusCode()).isEqualTo(403);
        assertThat(page("officer", "/servicequality/training?year=2018")).doesNotContain("新增場次");
    }

    /** Posts a form as a signed-in browser would (session cookie kept, redirect followed) and returns the page shown. */
    private String submit(String user, String path, Map<String, String> form) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String auth = "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", auth).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void theRubricFormRefusesItemsThatDoNotAddUpAndSaysWhy() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("year", "2033");
        form.put("total", "100");
        form.put("passMark", "80");
        form.put("code", "SPEED");
        form.put("name", "接聽速度");
        form.put("maxPoints", "30");
        String page = submit("rdec", "/servicequality/rubric", form);
        assertThat(page).contains("各項配分合計 30 分，與總分 100 分不符");
        assertThat(Http.as(port, "rdec").get("/api/servicequality/rubrics/2033").body()).doesNotContain("\"year\":2033");
    }

    @Test
    void theScoringFormRefusesAPointOutsideTheItemsRangeAndKeepsWhatWasTyped() throws Exception {
        long round = Long.parseLong(io.shizheng.support.Json.parse(Http.as(port, "rdec").post("/api/servicequality/rounds",
                "{\"year\":2019,\"month\":8,\"calls\":1}").body()).get("id").asString());
        long call = jdbc.sql("select id from servicequality_call where round_id = ?").param(round).query(Long.class).single();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("points.SPEED", "20");
        form.put("points.GREETING", "15");
        form.put("points.ATTITUDE", "25");
        form.put("points.CORRECTNESS", "25");
        form.put("points.TRANSFER", "10");
        form.put("points.CLOSING", "10");
        form.put("answerer", "周小姐");
        String page = submit("rdec", "/servicequality/tests/calls/" + call, form);
        assertThat(page).contains("須介於 0 至 15 分").contains("value=\"20\"").contains("周小姐");
        assertThat(jdbc.sql("select total from servicequality_call where id = ?").param(call).query(Integer.class).optional()
                .orElse(null)).isNull();
    }

    @Test
    void anUploadedStatisticsFileWithABadRowIsRefusedLineByLine() throws Exception {
        String csv = "year,month,agency_code,incoming,answered,busy,unanswered\n2025,2,CONST,100,90,5,5\n2025,2,XYZ,100,90,5,5\n";
        String boundary = "----sq" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"phones.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/servicequality/phone-stats"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rdec:demo1234".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("line 3").contains("機關代碼不存在：XYZ");
        assertThat(jdbc.sql("select count(*) from servicequality_phone_stat where year = 2025").query(Long.class).single()).isZero();
    }
}
