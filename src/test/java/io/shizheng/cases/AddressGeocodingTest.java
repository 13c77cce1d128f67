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

/** A case given by address only is placed by its door-plate point and dispatched by its district; else it says so. */
@IntegrationTest
class AddressGeocodingTest {

    /** Inside Xitun District (西屯區), near the City Hall. */
    static final double LON = 120.64712;
    static final double LAT = 24.16183;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> upload(String user, String path, String csv) throws Exception {
        String boundary = "----addr" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"points.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(csv.getBytes(StandardCharsets.UTF_8));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", basic(user)).header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long xitunOffice() {
        return jdbc.sql("select id from org_agency where kind = 'DISTRICT_OFFICE' and district_code = "
                + "(select code from org_district where name = '西屯區')").query(Long.class).single();
    }

    private void importXitunPoints() throws Exception {
        // the national data's headings, its road column with the section written in, a 之 number with a hyphen
        String csv = """
                鄉鎮市區,村里,鄰,街、路段,巷,弄,號,lon,lat
                西屯區,西平里,5,臺灣大道三段,,,99,%s,%s
                西屯區,西平里,5,台灣大道3段,,,99-1,%s,%s
                西屯區,西平里,6,福科路,十二,,５,120.62,24.17
                """.formatted(LON, LAT, LON + 0.0001, LAT, LON, LAT);
        HttpResponse<String> r = upload("rdec", "/api/cases/address-points", csv);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(Json.parse(r.body()).get("rowsRead").asInt()).isEqualTo(3);
    }

    @Test
    void anAddressInFullWidthDigitsFindsItsPointAndTheCaseIsDispatchedByItsDistrict() throws Exception {
        importXitunPoints();
        String description = CaseFixture.unique("巷道路面不平");
        JsonNode c = CaseFixture.create(port, "agent", """
                {"type":"REPORT","channel":"PHONE","category":"NEIGHBOURHOOD","description":"%s",
                 "address":"臺中市西屯區臺灣大道三段９９號"}""".formatted(description));
        assertThat(c.get("lon").asDouble()).isEqualTo(LON);
        assertThat(c.get("lat").asDouble()).isEqualTo(LAT);
        assertThat(c.get("district").asString()).isEqualTo("西屯區");
        // a category dispatched by district goes to the district office, as for a case given by point
        assertThat(c.get("agencyId").asLong()).isEqualTo(xitunOffice());
        assertThat(c.get("hops").toString()).contains("GEOCODE").contains("臺灣大道3段99號");

        // other written forms of door plates in the table: 台, Arabic section, hyphen or 號之, a floor, no city
        for (String written : new String[] {"台中市西屯區台灣大道3段99號5樓", "西屯區臺灣大道三段99-1號", "臺灣大道三段９９號之１",
                "西屯區福科路十二巷5號"}) {
            JsonNode m = Json.parse(Http.as(port, "agent").get("/api/cases/address-points/match?address="
                    + java.net.URLEncoder.encode(written, StandardCharsets.UTF_8)).body());
            assertThat(m.get("found").asBoolean()).as(written + ": " + m).isTrue();
            assertThat(m.get("district").asString()).isEqualTo("西屯區");
        }
        // the case page says how it was placed
        assertThat(Http.as(port, "rdec").get("/cases/" + c.get("caseNo").asString()).body()).contains("依地址定位");

        // a counter clerk's form with the address only: placed and dispatched the same way
        HttpResponse<String> form = Form.post(port, "/cases/new", Form.of("type", "PETITION", "channel", "COUNTER",
                "category", "NEIGHBOURHOOD", "description", CaseFixture.unique("巷口路面破損"), "address", "西屯區台灣大道３段99-1號"),
                "Authorization", basic("agent"));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(302);
        String location = form.headers().firstValue("Location").orElseThrow();
        String caseNo = location.substring(location.indexOf("done=") + 5);
        JsonNode byForm = Json.parse(Http.as(port, "rdec").get("/api/cases/" + caseNo).body());
        assertThat(byForm.get("lon").asDouble()).isEqualTo(LON + 0.0001);
        assertThat(byForm.get("agencyId").asLong()).isEqualTo(xitunOffice());
    }

    @Test
    void anUnmatchedAddressLeavesTheCaseWithoutAPointAndSaysSo() throws Exception {
        importXitunPoints();
        JsonNode c = CaseFixture.create(port, "agent", """
                {"type":"REPORT","channel":"PHONE","category":"NEIGHBOURHOOD","description":"%s",
                 "address":"臺中市西屯區臺灣大道三段９９９９號"}""".formatted(CaseFixture.unique("路燈旁巷道積水")));
        assertThat(c.get("lon").isNull()).isTrue();
        assertThat(c.get("district").isNull()).isTrue();
        assertThat(c.get("hops").toString()).contains("NO_POINT").contains("地址未能定位");
        // no district: the category's own agency takes it
        long civil = jdbc.sql("select id from org_agency where code = 'CIVIL'").query(Long.class).single();
        assertThat(c.get("agencyId").asLong()).isEqualTo(civil);
        JsonNode other = Json.parse(Http.as(port, "agent").get("/api/cases/address-points/match?address="
                + java.net.URLEncoder.encode("高雄市前鎮區中山二路2號", StandardCharsets.UTF_8)).body());
        assertThat(other.get("found").asBoolean()).isFalse();
        assertThat(other.get("note").asString()).contains("不在");
    }

    @Test
    void aFileWithABadRowImportsNothingAndNamesTheLine() throws Exception {
        long before = jdbc.sql("select count(*) from cases_address_point").query(Long.class).single();
        String csv = """
                district,road,number,lon,lat
                西屯區,市政路,1,120.64,24.16
                不存在區,市政路,2,120.64,24.16
                西屯區,市政路,三A,120.64,24.16
                西屯區,市政路,4,121.9,25.5
                """;
        HttpResponse<String> r = upload("rdec", "/api/cases/address-points", csv);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("line 3").contains("line 4").contains("line 5").doesNotContain("line 2:");
        assertThat(jdbc.sql("select count(*) from cases_address_point").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("select status from cases_address_import order by id desc limit 1").query(String.class).single())
                .isEqualTo("REJECTED");

        // the same door plate twice is refused too
        HttpResponse<String> twice = upload("rdec", "/api/cases/address-points", """
                district,road,number,lon,lat
                西屯區,市政路,1,120.64,24.16
                西屯區,市政路,１,120.64,24.16
                """);
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("重複");

        // an agency officer may not import
        assertThat(upload("officer", "/api/cases/address-points", csv).statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "officer").get("/cases/addresses").statusCode()).isEqualTo(403);

        // the page imports through its form and lists the run
        HttpResponse<String> page = upload("rdec", "/cases/addresses/import", """
                district,road,section,number,lon,lat
                西屯區,惠來路,二,100,120.642,24.163
                """);
        assertThat(page.statusCode()).isEqualTo(302);
        String shown = Http.as(port, "rdec").get("/cases/addresses?address="
                + java.net.URLEncoder.encode("臺中市西屯區惠來路二段１００號", StandardCharsets.UTF_8)).body();
        assertThat(shown).contains("找到點位").contains("id=\"address-imports\"").contains("完成");
    }
}
