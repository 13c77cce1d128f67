package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The pages render for the people who use them; intake through the form; photos must be real images. */
@IntegrationTest
class CasePagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String page(String user, String path) {
        HttpResponse<String> r = (user == null ? Http.anonymous(port) : Http.as(port, user)).get(path);
        assertThat(r.statusCode()).as(user + " " + path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    @Test
    void everyPageRendersForItsUsers() {
        assertThat(page("agent", "/cases/workspace")).contains("id=\"intake\"").contains("kb-q").contains("示範資料");
        assertThat(page("officer", "/cases/new")).contains("id=\"intake\"");
        String inbox = page("officer", "/cases/inbox?status=&year=2018");
        assertThat(inbox).contains("id=\"inbox\"").contains("臺中市政府建設局").doesNotContain("臺中市政府環境保護局</td>");
        String dashboard = page("rdec", "/cases/dashboard?year=2018");
        assertThat(dashboard).contains("id=\"by-agency\"").contains("id=\"by-district\"").contains("西屯區").contains("cases-map");
        assertThat(page("agent", "/cases/faq?q=" + java.net.URLEncoder.encode("垃圾車", StandardCharsets.UTF_8))).contains("垃圾車");
        assertThat(page(null, "/cases/status")).contains("查詢碼");
        assertThat(page("rdec", "/cases/inbox?lang=en")).contains("Agency inbox");
        JsonNode clusters = Json.parse(Http.as(port, "rdec").get("/api/cases/map?year=2018&cell=0.05").body());
        long sum = 0;
        for (JsonNode c : clusters) {
            sum += c.get("count").asLong();
        }
        long located = jdbc.sql("select count(*) from cases_case where lon is not null and received_on between '2018-01-01' and '2018-12-31'")
                .query(Long.class).single();
        assertThat(sum).isEqualTo(located).isPositive();
    }

    @Test
    void anAgentTakesACallThroughTheFormAndTheCasePageShowsIt() {
        String description = CaseFixture.unique("文心路路面坑洞");
        HttpResponse<String> r = Form.post(port, "/cases/new", Form.of("workspace", "true", "phone", "0933111222", "name", "吳建宏",
                        "type", "REPORT", "channel", "PHONE", "category", "POTHOLE", "description", description,
                        "lon", String.valueOf(CaseFixture.LON), "lat", String.valueOf(CaseFixture.LAT)),
                "Authorization", basic("agent"));
        assertThat(r.statusCode()).isEqualTo(302);
        String location = r.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/cases/workspace?done=");
        String caseNo = location.substring(location.indexOf("done=") + 5);
        String workspace = page("agent", "/cases/workspace?done=" + caseNo);
        assertThat(workspace).contains(caseNo).contains("臺中市政府建設局");
        String detail = page("officer", "/cases/" + caseNo);
        assertThat(detail).contains(description).contains("吳建宏").contains("id=\"actions\"");
        String masked = page("chief", "/cases/" + caseNo);
        assertThat(masked).doesNotContain("吳建宏").contains("吳○○");

        HttpResponse<String> bad = Form.post(port, "/cases/new", Form.of("workspace", "true", "type", "REPORT", "channel", "PHONE",
                "category", "", "description", ""), "Authorization", basic("agent"));
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("intake-errors").contains("category");
    }

    @Test
    void aPhotoMustBeARealImageWithinTheSizeLimit() throws Exception {
        String caseNo = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("附照片")))
                .get("caseNo").asString();
        byte[] png = Base64.getDecoder().decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        assertThat(upload(caseNo, "officer", "light.png", png).statusCode()).isEqualTo(201);
        HttpResponse<String> notImage = upload(caseNo, "officer", "light.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        assertThat(notImage.statusCode()).isEqualTo(422);
        assertThat(notImage.body()).contains("photo");
        byte[] big = new byte[1_048_577];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThat(upload(caseNo, "officer", "big.jpg", big).statusCode()).isIn(413, 422, 400);
        assertThat(jdbc.sql("select count(*) from cases_photo p join cases_case c on c.id = p.case_id where c.case_no = ?")
                .param(caseNo).query(Long.class).single()).isEqualTo(1);
        HttpResponse<byte[]> back = Http.as(port, "officer").getBytes("/api/cases/" + caseNo + "/photos/"
                + jdbc.sql("select p.id from cases_photo p join cases_case c on c.id = p.case_id where c.case_no = ?").param(caseNo).query(Long.class).single());
        assertThat(back.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String caseNo, String user, String filename, byte[] bytes) throws Exception {
        String boundary = "----cases" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"photo\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(bytes);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/cases/" + caseNo + "/photos"))
                .header("Authorization", basic(user)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
