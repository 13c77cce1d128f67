package io.shizheng.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Data exchange end to end: a standard, a dataset checked against it, a consumer's key, grants, quotas, metering. */
@IntegrationTest
class ExchangeTest {

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> consume(String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (key != null) {
            b.header("X-Exchange-Key", key);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> postCsv(String user, String path, String csv) throws Exception {
        String auth = java.util.Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + auth).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A published standard "<code>" with an id, a district code list and a count; returns its code. */
    private String standard(String code) {
        String body = """
                {"code":"%s","name":"測試標準","fields":[
                  {"name":"site_id","label":"代碼","type":"STRING","required":true},
                  {"name":"district","label":"行政區","type":"CODE","required":true,"codeList":["西屯區","北區"]},
                  {"name":"count","label":"數量","type":"INTEGER","unit":"個"},
                  {"name":"opened","label":"啟用日","type":"DATE"}]}""".formatted(code);
        assertThat(Http.as(port, "rdec").post("/api/exchange/standards", body).statusCode()).isEqualTo(201);
        assertThat(Http.as(port, "rdec").post("/api/exchange/standards/" + code + "/1/publish", "").statusCode()).isEqualTo(200);
        return code;
    }

    @Test
    void onlyRdecKeepsStandardsAndBadFieldsAreNamed() {
        assertThat(Http.as(port, "officer").post("/api/exchange/standards",
                "{\"code\":\"x-std\",\"name\":\"x\",\"fields\":[{\"name\":\"a\",\"label\":\"a\",\"type\":\"STRING\"}]}").statusCode())
                .isEqualTo(403);
        HttpResponse<String> bad = Http.as(port, "rdec").post("/api/exchange/standards",
                "{\"code\":\"Bad Code\",\"name\":\"\",\"fields\":[{\"name\":\"a\",\"label\":\"a\",\"type\":\"COLOUR\"},"
                        + "{\"name\":\"a\",\"label\":\"b\",\"type\":\"CODE\"}]}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("\"field\":\"code\"").contains("\"field\":\"name\"")
                .contains("fields[0].type").contains("fields[1].name").contains("fields[1].codeList");
    }

    @Test
    void anAgencyIngestsValidatedRowsAndAGranteeReadsThemWithinQuota() throws Exception {
        standard("test-sites");
        HttpResponse<String> created = Http.as(port, "officer").post("/api/exchange/datasets",
                "{\"code\":\"test-sites-a\",\"name\":\"測試點位\",\"standardCode\":\"test-sites\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        // One bad row refuses the whole file, naming row and field; nothing is stored.
        HttpResponse<String> refused = postCsv("officer", "/api/exchange/datasets/test-sites-a/rows",
                "site_id,district,count,opened\nS1,西屯區,3,107/03/05\nS2,南投市,x,2018-02-30\n");
        assertThat(refused.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(refused.body()).get("errors");
        assertThat(errors).hasSize(3);
        assertThat(errors.get(0).get("row").asInt()).isEqualTo(2);
        assertThat(refused.body()).contains("\"field\":\"district\"").contains("\"field\":\"count\"").contains("\"field\":\"opened\"");
        assertThat(Json.parse(Http.as(port, "officer").get("/api/exchange/datasets/test-sites-a").body())
                .get("dataset").get("rowCount").asInt()).isZero();

        HttpResponse<String> ok = postCsv("officer", "/api/exchange/datasets/test-sites-a/rows",
                "site_id,district,count,opened\nS1,西屯區,3,107/03/05\nS2,北區,\"1,200\",2018-02-28\nS3,西屯區,,\n");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(Http.as(port, "officer").post("/api/exchange/datasets/test-sites-a/publish", "").statusCode()).isEqualTo(200);

        // Another agency's officer cannot touch it.
        assertThat(postCsv("officer.social", "/api/exchange/datasets/test-sites-a/rows", "site_id,district\nS9,北區\n")
                .statusCode()).isEqualTo(403);

        long consumer = Json.parse(Http.as(port, "rdec").post("/api/exchange/consumers",
                "{\"name\":\"測試使用單位\",\"contact\":\"t@demo.invalid\"}").body()).get("id").asLong();
        String key = Json.parse(Http.as(port, "rdec").post("/api/exchange/consumers/" + consumer + "/keys", "").body())
                .get("key").asString();

        assertThat(consume("/exchange/v1/datasets/test-sites-a/rows", null).statusCode()).isEqualTo(401);
        assertThat(consume("/exchange/v1/datasets/test-sites-a/rows", key).statusCode()).as("no grant yet").isEqualTo(403);
        assertThat(Http.as(port, "officer").put("/api/exchange/datasets/test-sites-a/grants/" + consumer,
                "{\"dailyQuota\":3}").statusCode()).isEqualTo(200);

        HttpResponse<String> page = consume("/exchange/v1/datasets/test-sites-a/rows?district=%E8%A5%BF%E5%B1%AF%E5%8D%80", key);
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode body = Json.parse(page.body());
        assertThat(body.get("total").asInt()).isEqualTo(2);
        assertThat(body.get("rows").get(0).get("opened").asString()).isEqualTo("2018-03-05");
        assertThat(body.get("rows").get(0).get("count").asInt()).isEqualTo(3);

        HttpResponse<String> csv = consume("/exchange/v1/datasets/test-sites-a/rows?format=csv&count=1200", key);
        assertThat(csv.body()).startsWith("\uFEFFsite_id,district,count,opened").contains("S2,北區,1200,2018-02-28");
        assertThat(consume("/exchange/v1/datasets/test-sites-a/rows?colour=red", key).statusCode())
                .as("undeclared filter, not counted").isEqualTo(422);
        assertThat(consume("/exchange/v1/datasets/test-sites-a/rows", key).statusCode()).isEqualTo(200);
        HttpResponse<String> over = consume("/exchange/v1/datasets/test-sites-a/rows", key);
        assertThat(over.statusCode()).isEqualTo(429);
        assertThat(over.headers().firstValue("Retry-After")).isPresent();

        JsonNode usage = Json.parse(Http.as(port, "officer").get("/api/exchange/datasets/test-sites-a/usage").body());
        assertThat(usage.get(0).get("requests").asInt()).isEqualTo(3);
    }

    @Test
    void indicatorThreePointTwoCountsExchangeableDatasets() {
        JsonNode s = Json.parse(Http.anonymous(port).get("/api/plans/2018/scorecard").body());
        JsonNode ind = null;
        for (JsonNode g : s.get("goals")) {
            for (JsonNode i : g.get("indicators")) {
                if (i.get("code").asString().equals("3.2")) {
                    ind = i;
                }
            }
        }
        assertThat(ind.get("source").asString()).isEqualTo("METRIC:exchangeable-datasets");
        // Five were exchangeable before 2018; ten by its end. A published dataset without a grant does not count.
        assertThat(ind.get("trend").get(0).get("value").asInt()).isEqualTo(5);
        assertThat(ind.get("actual").asInt()).isEqualTo(10);
        assertThat(ind.get("status").asString()).isEqualTo("ON_TARGET");
        JsonNode evidence = Json.parse(Http.anonymous(port).get("/api/plans/2018/indicators/3.2/evidence").body());
        assertThat(evidence.get("total").asInt()).isEqualTo(10);
        assertThat(evidence.toString()).doesNotContain("building-permits");
    }

    @Test
    void theDemoKeyReadsTheBusStops() throws Exception {
        HttpResponse<String> r = consume("/exchange/v1/datasets/bus-stops/rows?size=5", "exk_demo-transit-app");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("rows")).hasSize(5);
        assertThat(consume("/exchange/v1/datasets/air-quality-daily/rows", "exk_demo-transit-app").statusCode()).isEqualTo(403);
    }
}
