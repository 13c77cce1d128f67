package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import tools.jackson.databind.JsonNode;

/** Open311 GeoReport v2 against the specification's field lists, in JSON and XML, with its error arrays. */
@IntegrationTest
class Open311Test {

    static final List<String> SERVICE_FIELDS = List.of("service_code", "service_name", "description", "metadata", "type",
            "keywords", "group");
    static final List<String> REQUEST_FIELDS = List.of("service_request_id", "status", "status_notes", "service_name",
            "service_code", "description", "agency_responsible", "service_notice", "requested_datetime", "updated_datetime",
            "expected_datetime", "address", "address_id", "zipcode", "lat", "long", "media_url");
    static final String KEY = "demo-open311-key";
    /** Taichung City Hall, Xitun District. */
    static final String LON = "120.6469";
    static final String LAT = "24.1617";

    @LocalServerPort
    int port;

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        Iterator<String> it = node.propertyNames().iterator();
        it.forEachRemaining(out::add);
        return out;
    }

    private static Document xml(HttpResponse<String> r) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> childNames(Element e) {
        List<String> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c.getTagName());
            }
        }
        return out;
    }

    private HttpResponse<String> submit(Map<String, String> fields, String... headers) {
        return Form.post(port, "/open311/v2/requests.json", fields, headers);
    }

    private Map<String, String> report(String description) {
        return Form.of("api_key", KEY, "service_code", "STREETLIGHT", "lat", LAT, "long", LON,
                "description", description, "attribute[light_state]", "off", "first_name", "小明", "last_name", "王",
                "email", "wang.xiaoming@example.invalid", "phone", "0912345678", "jurisdiction_id", "taichung.gov.tw");
    }

    @Test
    void servicesListTheReportCategoriesWithTheSpecificationsFields() throws Exception {
        HttpResponse<String> r = Http.anonymous(port).get("/open311/v2/services.json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json").contains("utf-8");
        JsonNode services = Json.parse(r.body());
        assertThat(services.isArray()).isTrue();
        assertThat(services.size()).isGreaterThanOrEqualTo(8);
        for (JsonNode s : services) {
            assertThat(names(s)).containsExactlyElementsOf(SERVICE_FIELDS);
            assertThat(s.get("type").asString()).isEqualTo("realtime");
        }
        JsonNode light = null;
        for (JsonNode s : services) {
            if (s.get("service_code").asString().equals("STREETLIGHT")) {
                light = s;
            }
        }
        assertThat(light).isNotNull();
        assertThat(light.get("service_name").asString()).isEqualTo("路燈故障");
        assertThat(light.get("metadata").asBoolean()).isTrue();

        HttpResponse<String> x = Http.anonymous(port).get("/open311/v2/services.xml");
        assertThat(x.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        assertThat(x.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><services><service>");
        Document doc = xml(x);
        Element first = (Element) doc.getDocumentElement().getElementsByTagName("service").item(0);
        assertThat(childNames(first)).containsExactlyElementsOf(SERVICE_FIELDS);
    }

    @Test
    void aServiceDefinitionCarriesItsAttributesAndValues() throws Exception {
        JsonNode d = Json.parse(Http.anonymous(port).get("/open311/v2/services/STREETLIGHT.json").body());
        assertThat(names(d)).containsExactly("service_code", "attributes");
        JsonNode a = d.get("attributes").get(0);
        assertThat(names(a)).containsExactly("variable", "code", "datatype", "required", "datatype_description", "order",
                "description", "values");
        assertThat(a.get("code").asString()).isEqualTo("light_state");
        assertThat(a.get("datatype").asString()).isEqualTo("singlevaluelist");
        assertThat(names(a.get("values").get(0))).containsExactly("key", "name");

        Document x = xml(Http.anonymous(port).get("/open311/v2/services/STREETLIGHT.xml"));
        assertThat(x.getDocumentElement().getTagName()).isEqualTo("service_definition");
        Element attr = (Element) x.getElementsByTagName("attribute").item(0);
        assertThat(attr.getElementsByTagName("value").getLength()).isEqualTo(3);
        assertThat(((Element) attr.getElementsByTagName("value").item(0)).getElementsByTagName("key").item(0).getTextContent()).isEqualTo("off");

        HttpResponse<String> missing = Http.anonymous(port).get("/open311/v2/services/NOPE.xml");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(xml(missing).getDocumentElement().getTagName()).isEqualTo("errors");
    }

    @Test
    void aCitizenFilesAReportAndFollowsItWithoutPersonalDataInPublic() throws Exception {
        HttpResponse<String> posted = submit(report("市政路口路燈不亮，晚上很暗 " + UUID.randomUUID()));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        JsonNode created = Json.parse(posted.body()).get(0);
        assertThat(names(created)).contains("service_request_id", "service_notice", "account_id");
        String id = created.get("service_request_id").asString();
        assertThat(created.get("service_notice").asString()).contains("查詢碼");

        HttpResponse<String> one = Http.anonymous(port).get("/open311/v2/requests/" + id + ".json");
        assertThat(one.statusCode()).isEqualTo(200);
        JsonNode req = Json.parse(one.body()).get(0);
        assertThat(names(req)).containsExactlyElementsOf(REQUEST_FIELDS);
        assertThat(req.get("status").asString()).isEqualTo("open");
        assertThat(req.get("service_code").asString()).isEqualTo("STREETLIGHT");
        assertThat(req.get("agency_responsible").asString()).isEqualTo("臺中市政府建設局");
        assertThat(req.get("requested_datetime").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00");
        assertThat(req.get("expected_datetime").asString()).endsWith("+08:00");
        assertThat(req.get("lat").decimalValue()).isEqualByComparingTo(LAT);
        assertThat(req.get("long").decimalValue()).isEqualByComparingTo(LON);
        assertThat(one.body()).doesNotContain("wang.xiaoming").doesNotContain("0912345678").doesNotContain("小明");

        Document x = xml(Http.anonymous(port).get("/open311/v2/requests/" + id + ".xml"));
        assertThat(x.getDocumentElement().getTagName()).isEqualTo("service_requests");
        Element request = (Element) x.getElementsByTagName("request").item(0);
        assertThat(childNames(request)).containsExactlyElementsOf(REQUEST_FIELDS);

        HttpResponse<String> list = Http.anonymous(port).get("/open311/v2/requests.json?service_code=STREETLIGHT&status=open");
        assertThat(list.statusCode()).isEqualTo(200);
        boolean found = false;
        for (JsonNode n : Json.parse(list.body())) {
            assertThat(n.get("status").asString()).isEqualTo("open");
            assertThat(n.get("service_code").asString()).isEqualTo("STREETLIGHT");
            found |= n.get("service_request_id").asString().equals(id);
        }
        assertThat(found).as("the new request is in the default 90-day list").isTrue();
        assertThat(list.body()).doesNotContain("wang.xiaoming").doesNotContain("0912345678");

        HttpResponse<String> byIds = Http.anonymous(port).get("/open311/v2/requests.xml?service_request_id=" + id + ",nope");
        assertThat(xml(byIds).getElementsByTagName("request").getLength()).isEqualTo(1);

        JsonNode token = Json.parse(Http.anonymous(port).get("/open311/v2/tokens/" + created.get("token").asString() + ".json").body()).get(0);
        assertThat(token.get("service_request_id").asString()).isEqualTo(id);
    }

    @Test
    void aRetriedSubmissionWithTheSameIdempotencyKeyReturnsTheSameRequest() {
        String key = UUID.randomUUID().toString();
        Map<String, String> fields = report("重送測試 " + key);
        HttpResponse<String> first = submit(fields, "Idempotency-Key", key);
        HttpResponse<String> again = submit(fields, "Idempotency-Key", key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(Json.parse(again.body()).get(0).get("service_request_id").asString())
                .isEqualTo(Json.parse(first.body()).get(0).get("service_request_id").asString());
        HttpResponse<String> other = submit(fields, "Idempotency-Key", key + "-2");
        assertThat(Json.parse(other.body()).get(0).get("service_request_id").asString())
                .isNotEqualTo(Json.parse(first.body()).get(0).get("service_request_id").asString());
    }

    @Test
    void badInputGetsTheSpecificationsErrorArraysAndStoresNothing() throws Exception {
        String marker = "bad-input-" + UUID.randomUUID();
        Map<String, String> noKey = report(marker);
        noKey.remove("api_key");
        expectError(submit(noKey), 403, "api_key");
        Map<String, String> badKey = report(marker);
        badKey.put("api_key", "wrong");
        expectError(submit(badKey), 403, "api_key");
        Map<String, String> noService = report(marker);
        noService.remove("service_code");
        expectError(submit(noService), 400, "service_code");
        Map<String, String> outside = report(marker);
        outside.put("lat", "25.0330");
        outside.put("long", "121.5654");   // Taipei 101
        expectError(submit(outside), 400, "outside");
        expectError(submit(report("長".repeat(4001))), 400, "description");
        Map<String, String> badAttr = report(marker);
        badAttr.put("attribute[light_state]", "purple");
        expectError(submit(badAttr), 400, "attribute[light_state]");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?status=pending"), 400, "status");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?start_date=2018-01-01T00:00:00%2B08:00&end_date=2018-12-31T00:00:00%2B08:00"), 400, "90");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?start_date=yesterday"), 400, "start_date");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?page_size=5000"), 400, "page_size");
        expectError(Http.anonymous(port).get("/open311/v2/requests/0000000.json"), 404, "not found");
        expectError(Http.anonymous(port).get("/open311/v2/services.json?jurisdiction_id=taipei.gov.tw"), 404, "jurisdiction");

        HttpResponse<String> x = Form.post(port, "/open311/v2/requests.xml", noKey);
        assertThat(x.statusCode()).isEqualTo(403);
        Document d = xml(x);
        assertThat(d.getDocumentElement().getTagName()).isEqualTo("errors");
        Element err = (Element) d.getElementsByTagName("error").item(0);
        assertThat(childNames(err)).containsExactly("code", "description");
        assertThat(err.getElementsByTagName("code").item(0).getTextContent()).isEqualTo("403");

        assertThat(Http.anonymous(port).get("/open311/v2/requests.json").body()).doesNotContain(marker);
    }

    @Test
    void inputTheServerCannotStoreOrCountIsA400ErrorArrayNotA500() {
        String marker = "unstorable-" + UUID.randomUUID();
        Map<String, String> north = report(marker);
        north.put("lat", "95");
        expectError(submit(north), 400, "lat");
        Map<String, String> east = report(marker);
        east.put("long", "200");
        expectError(submit(east), 400, "long");
        expectError(submit(report(marker + " abc\u0000def")), 400, "description");
        Map<String, String> nulName = report(marker);
        nulName.put("first_name", "小\u0000明");
        expectError(submit(nulName), 400, "first_name");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?service_request_id=abc%00def"), 400, "service_request_id");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?start_date=%2B999999999-12-31T23:59:59Z"), 400, "start_date");
        expectError(Http.anonymous(port).get("/open311/v2/requests.json?end_date=-999999999-01-01T00:00:00Z"), 400, "end_date");
        assertThat(Http.anonymous(port).get("/open311/v2/requests.json").body()).doesNotContain(marker);
    }

    @Test
    void aBodyOverTheFormLimitIsRefusedWithTheErrorArrayAsFormAndAsMultipart() throws Exception {
        String huge = "長".repeat(800_000);   // 2.4 MB of UTF-8, over Tomcat's 2 MB form limit
        HttpResponse<String> form = submit(report(huge));
        assertThat(form.statusCode()).as(form.body()).isIn(400, 413);
        expectError(form, form.statusCode(), "");
        String boundary = "open311Boundary";
        StringBuilder body = new StringBuilder();
        report(huge).forEach((k, v) -> body.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(k).append("\"\r\n\r\n").append(v).append("\r\n"));
        body.append("--").append(boundary).append("--\r\n");
        HttpResponse<String> multipart = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/open311/v2/requests.json"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(multipart.statusCode()).as(multipart.body()).isIn(400, 413);
        expectError(multipart, multipart.statusCode(), "");
    }

    @Test
    void aDateRangeListsRequestsOfThatPeriodNewestFirst() {
        HttpResponse<String> r = Http.anonymous(port).get(
                "/open311/v2/requests.json?start_date=2018-03-01T00:00:00%2B08:00&end_date=2018-03-31T23:59:59%2B08:00&status=closed");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = Json.parse(r.body());
        assertThat(list.size()).isGreaterThan(5);
        String previous = "9999";
        for (JsonNode n : list) {
            String at = n.get("requested_datetime").asString();
            assertThat(at).startsWith("2018-03");
            assertThat(at.compareTo(previous)).isLessThanOrEqualTo(0);
            assertThat(n.get("status").asString()).isEqualTo("closed");
            assertThat(n.get("status_notes").asString()).isNotBlank();
            previous = at;
        }
    }

    @Test
    void anAdministratorIssuesAKeyThatWorksUntilSwitchedOff() {
        assertThat(Http.as(port, "rdec").post("/api/cases/open311-keys", "{\"name\":\"x\"}").statusCode()).isEqualTo(403);
        HttpResponse<String> issued = Http.as(port, "admin").post("/api/cases/open311-keys", "{\"name\":\"臺中通 App\"}");
        assertThat(issued.statusCode()).isEqualTo(201);
        String key = Json.parse(issued.body()).get("apiKey").asString();
        Map<String, String> fields = report("新金鑰測試 " + UUID.randomUUID());
        fields.put("api_key", key);
        assertThat(submit(fields).statusCode()).isEqualTo(201);
        long id = 0;
        for (JsonNode k : Json.parse(Http.as(port, "admin").get("/api/cases/open311-keys").body())) {
            if (k.get("name").asString().equals("臺中通 App")) {
                id = k.get("id").asLong();
            }
        }
        assertThat(Json.parse(Http.as(port, "admin").get("/api/cases/open311-keys").body()).toString()).doesNotContain(key);
        assertThat(Http.as(port, "admin").post("/api/cases/open311-keys/" + id + "/deactivation", "{}").statusCode()).isEqualTo(204);
        fields.put("description", "停用後 " + UUID.randomUUID());
        assertThat(submit(fields).statusCode()).isEqualTo(403);
    }

    private static void expectError(HttpResponse<String> r, int status, String mentions) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        JsonNode errors = Json.parse(r.body());
        assertThat(errors.isArray()).isTrue();
        assertThat(names(errors.get(0))).containsExactly("code", "description");
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(status);
        StringBuilder all = new StringBuilder();
        errors.forEach(e -> all.append(e.get("description").asString()));
        assertThat(all.toString()).contains(mentions);
    }
}
