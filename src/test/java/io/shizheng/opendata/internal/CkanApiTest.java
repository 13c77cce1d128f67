package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CkanApiTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Ckan officer() {
        return Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
    }

    private String create(Ckan as, String name, String extra) {
        Ckan.Answer a = as.post("package_create", "{\"name\":\"" + name + "\",\"title\":\"臺中市公車路線測試 " + name
                + "\",\"notes\":\"bus routes\",\"owner_org\":\"trans\",\"tags\":[{\"name\":\"公車\"}]" + extra + "}");
        assertThat(a.status()).as(a.body().toString()).isEqualTo(200);
        return a.result().path("id").asString();
    }

    @Test
    void readActionsAnswerInTheCkanEnvelopeOnBothPaths() {
        Ckan anon = Ckan.anonymous(port);
        Ckan.Answer status = anon.get("status_show", null);
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.body().path("success").asBoolean()).isTrue();
        assertThat(status.body().path("help").asString()).contains("/api/3/action/help_show?name=status_show");
        assertThat(status.result().path("ckan_version").asString()).startsWith("2.");
        assertThat(anon.getLegacy("site_read", null).result().asBoolean()).isTrue();

        JsonNode list = anon.getLegacy("package_list", null).result();
        assertThat(list.isArray()).isTrue();
        assertThat(list.size()).isGreaterThan(5);

        String first = null;
        for (JsonNode n : list) {
            if (first == null && n.asString().startsWith("tc-")) {
                first = n.asString(); // a demo dataset, which always has a generated CSV
            }
        }
        Ckan.Answer show = anon.get("package_show", "id=" + first);
        assertThat(show.status()).isEqualTo(200);
        assertThat(show.result().path("name").asString()).isEqualTo(first);
        assertThat(show.result().path("state").asString()).isEqualTo("active");
        assertThat(show.result().path("organization").path("title").asString()).startsWith("臺中市");
        String resourceId = show.result().path("resources").get(0).path("id").asString();
        Ckan.Answer res = anon.get("resource_show", "id=" + resourceId);
        assertThat(res.status()).isEqualTo(200);
        assertThat(res.result().path("format").asString()).isEqualTo("CSV");
        assertThat(res.result().path("url").asString()).endsWith("/opendata/resources/" + resourceId + "/download");

        JsonNode orgs = anon.get("organization_list", "all_fields=true").result();
        assertThat(orgs.size()).isGreaterThan(20);
        Ckan.Answer trans = anon.get("organization_show", "id=trans");
        assertThat(trans.result().path("title").asString()).isEqualTo("臺中市政府交通局");
        assertThat(trans.result().path("package_count").asLong()).isPositive();
        assertThat(anon.get("group_list", null).result().toString()).contains("transport");
        assertThat(anon.get("tag_list", null).result().toString()).contains("公車");
        assertThat(anon.get("license_list", null).result().get(0).path("id").asString()).isEqualTo("gov-tw-1.0");
    }

    @Test
    void errorsCarryTheirCkanTypeAndStatus() {
        Ckan anon = Ckan.anonymous(port);
        Ckan.Answer missing = anon.get("package_show", "id=no-such-dataset");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().path("success").asBoolean()).isFalse();
        assertThat(missing.errorType()).isEqualTo("Not Found Error");
        assertThat(anon.get("resource_show", "id=" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(anon.get("organization_show", "id=nowhere").errorType()).isEqualTo("Not Found Error");

        Ckan.Answer unknown = anon.get("package_frobnicate", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorType()).isEqualTo("Bad request");

        Ckan.Answer noId = anon.get("package_show", null);
        assertThat(noId.status()).isEqualTo(409);
        assertThat(noId.errorType()).isEqualTo("Validation Error");
        assertThat(noId.body().path("error").path("id").isArray()).isTrue();

        Ckan.Answer anonymousWrite = anon.post("package_create", "{\"name\":\"" + unique("anon") + "\",\"owner_org\":\"trans\"}");
        assertThat(anonymousWrite.status()).isEqualTo(403);
        assertThat(anonymousWrite.errorType()).isEqualTo("Authorization Error");

        Ckan.Answer badJson = officer().post("package_create", "{not json");
        assertThat(badJson.status()).isEqualTo(400);

        Ckan.Answer badSort = anon.get("package_search", "sort=colour+asc");
        assertThat(badSort.status()).isEqualTo(409);
        assertThat(badSort.body().path("error").path("sort").isArray()).isTrue();

        Ckan.Answer writeByGet = anon.get("package_delete", "id=x");
        assertThat(writeByGet.status()).isEqualTo(400);
    }

    @Test
    void parametersOfTheWrongShapeAreValidationErrorsAndChangeNothing() {
        Ckan anon = Ckan.anonymous(port);
        Ckan.Answer farStart = anon.get("package_search", "start=2147483647");
        assertThat(farStart.status()).as(farStart.body().toString()).isEqualTo(200);
        assertThat(farStart.result().path("results").size()).isZero();
        assertThat(farStart.result().path("count").asLong()).isPositive();
        for (String call : new String[] {"organization_list?limit=-1", "organization_list?offset=-1", "package_list?limit=-1",
                "package_list?offset=-5"}) {
            String[] parts = call.split("\\?");
            Ckan.Answer a = anon.get(parts[0], parts[1]);
            String field = parts[1].substring(0, parts[1].indexOf('='));
            assertThat(a.status()).as(call + " " + a.body()).isEqualTo(409);
            assertThat(a.errorType()).isEqualTo("Validation Error");
            assertThat(a.body().path("error").path(field).get(0).asString()).contains("natural number");
        }

        Ckan officer = officer();
        long before = jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single();
        Map<String, String> wrongShapes = Map.of("title", "[\"x\"]", "resources", "\"x\"", "tags", "5",
                "private", "\"maybe\"", "notes", "{\"a\":1}", "groups", "\"transport\"");
        wrongShapes.forEach((field, value) -> {
            Ckan.Answer a = officer.post("package_create", "{\"name\":\"" + unique("shape") + "\",\"owner_org\":\"trans\",\""
                    + field + "\":" + value + "}");
            assertThat(a.status()).as(field + " " + a.body()).isEqualTo(409);
            assertThat(a.body().path("success").asBoolean()).isFalse();
            assertThat(a.errorType()).isEqualTo("Validation Error");
            assertThat(a.body().path("error").path(field).isArray()).as(field + " " + a.body()).isTrue();
        });
        assertThat(jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void badCreatesAreRefusedAndChangeNothing() {
        Ckan officer = officer();
        long before = jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single();

        Ckan.Answer noName = officer.post("package_create", "{\"title\":\"沒有名稱\",\"owner_org\":\"trans\"}");
        assertThat(noName.status()).isEqualTo(409);
        assertThat(noName.errorType()).isEqualTo("Validation Error");
        assertThat(noName.body().path("error").path("name").get(0).asString()).contains("Missing value");

        Ckan.Answer badName = officer.post("package_create", "{\"name\":\"公車 Routes!\",\"owner_org\":\"trans\"}");
        assertThat(badName.status()).isEqualTo(409);
        assertThat(badName.body().path("error").path("name").get(0).asString()).contains("lowercase");

        Ckan.Answer badFrequency = officer.post("package_create", "{\"name\":\"" + unique("freq")
                + "\",\"owner_org\":\"trans\",\"extras\":[{\"key\":\"更新頻率\",\"value\":\"每十年\"}]}");
        assertThat(badFrequency.body().path("error").has("update_frequency")).isTrue();

        Ckan.Answer otherAgency = officer.post("package_create", "{\"name\":\"" + unique("epb") + "\",\"owner_org\":\"epb\"}");
        assertThat(otherAgency.status()).isEqualTo(403);
        assertThat(otherAgency.errorType()).isEqualTo("Authorization Error");

        assertThat(jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void createPatchUpdateAndWithdrawWithAToken() {
        Ckan officer = officer();
        String name = unique("bus-routes");
        create(officer, name, ",\"extras\":[{\"key\":\"服務分類\",\"value\":\"交通及通訊\"},{\"key\":\"更新頻率\",\"value\":\"每月\"},"
                + "{\"key\":\"source_system\",\"value\":\"TBus\"}],\"maintainer\":\"王小明\",\"maintainer_email\":\"wang@taichung.example\"");
        Ckan anon = Ckan.anonymous(port);
        JsonNode shown = anon.get("package_show", "id=" + name).result();
        assertThat(shown.path("license_id").asString()).isEqualTo("gov-tw-1.0");
        assertThat(shown.path("extras").toString()).contains("\"update_frequency\"").contains("monthly")
                .contains("交通及通訊").contains("TBus").contains("first_published");

        Ckan.Answer patched = Ckan.ckanKey(port, Ckan.issueToken(port, "officer.trans"))
                .post("package_patch", "{\"id\":\"" + name + "\",\"notes\":\"新的描述\"}");
        assertThat(patched.status()).as(patched.body().toString()).isEqualTo(200);
        assertThat(patched.result().path("notes").asString()).isEqualTo("新的描述");
        assertThat(patched.result().path("title").asString()).startsWith("臺中市公車路線測試");
        assertThat(patched.result().path("maintainer").asString()).isEqualTo("王小明");

        Ckan.Answer updated = officer.post("package_update", "{\"id\":\"" + name + "\",\"name\":\"" + name
                + "\",\"title\":\"公車路線（更新）\",\"owner_org\":\"trans\"}");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.result().path("title").asString()).isEqualTo("公車路線（更新）");
        assertThat(updated.result().path("tags").size()).as("update replaces: tags not given are gone").isZero();

        Ckan otherOfficer = Ckan.token(port, Ckan.issueToken(port, "officer.epb"));
        Ckan.Answer foreign = otherOfficer.post("package_patch", "{\"id\":\"" + name + "\",\"notes\":\"x\"}");
        assertThat(foreign.status()).isEqualTo(403);

        assertThat(officer.post("package_delete", "{\"id\":\"" + name + "\"}").status()).isEqualTo(200);
        assertThat(anon.get("package_show", "id=" + name).status()).as("withdrawn is hidden from the public").isEqualTo(404);
        JsonNode own = officer.get("package_show", "id=" + name).result();
        assertThat(own.path("state").asString()).isEqualTo("deleted");
        assertThat(jdbc.sql("select count(*) from opendata_dataset_version v join opendata_dataset d on d.id = v.dataset_id "
                + "where d.name = ?").param(name).query(Long.class).single()).isEqualTo(4);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'opendata.dataset' and entity_id = "
                + "(select id::text from opendata_dataset where name = ?)").param(name).query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void draftsAreSeenOnlyByTheirAgency() {
        Ckan officer = officer();
        String name = unique("draft");
        create(officer, name, ",\"state\":\"draft\"");
        assertThat(Ckan.anonymous(port).get("package_show", "id=" + name).status()).isEqualTo(404);
        assertThat(Ckan.token(port, Ckan.issueToken(port, "officer.epb")).get("package_show", "id=" + name).status()).isEqualTo(404);
        assertThat(officer.get("package_show", "id=" + name).result().path("state").asString()).isEqualTo("draft");
        assertThat(Ckan.token(port, Ckan.issueToken(port, "rdec")).get("package_show", "id=" + name).status()).isEqualTo(200);
        assertThat(officer.post("package_delete", "{\"id\":\"" + name + "\"}").status()).isEqualTo(200);
        assertThat(officer.get("package_show", "id=" + name).status()).as("a deleted draft is gone").isEqualTo(404);
        assertThat(officer.get("package_search", "include_drafts=true&rows=1000&q=" + Ckan.enc("測試")).result().toString())
                .doesNotContain(name);
    }

    @Test
    void resourceCreateUploadsAFileOrRefusesItWhole() {
        Ckan officer = officer();
        String name = unique("upload");
        create(officer, name, "");
        byte[] good = "路線編號,路線名稱,發車日期\r\n1,\"文心幹線, 環狀\",2018-01-02\r\n2,\"中港\n夜間線\",107/02/03\r\n"
                .getBytes(StandardCharsets.UTF_8);
        Ckan.Answer ok = officer.upload("resource_create", Map.of("package_id", name, "name", "路線表", "format", "CSV"),
                "routes.csv", good);
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        assertThat(ok.result().path("url_type").asString()).isEqualTo("upload");
        assertThat(ok.result().path("size").asLong()).isEqualTo(good.length);
        assertThat(ok.result().path("quality_level").asString()).isEqualTo("gold");
        byte[] downloaded = Ckan.anonymous(port).raw("/opendata/resources/" + ok.result().path("id").asString() + "/download").body();
        assertThat(new String(downloaded, StandardCharsets.UTF_8)).contains("中港\n夜間線");

        long resources = jdbc.sql("select count(*) from opendata_resource").query(Long.class).single();
        Ckan.Answer ragged = officer.upload("resource_create", Map.of("package_id", name, "format", "CSV"), "bad.csv",
                "a,b,c\n1,2,3\n4,5\n6,7,8,9\n".getBytes(StandardCharsets.UTF_8));
        assertThat(ragged.status()).isEqualTo(409);
        assertThat(ragged.errorType()).isEqualTo("Validation Error");
        assertThat(ragged.body().path("error").path("upload").toString()).contains("3, 4");

        Ckan.Answer pdf = officer.upload("resource_create", Map.of("package_id", name, "format", "CSV"), "fake.csv",
                "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(pdf.status()).isEqualTo(409);
        assertThat(pdf.body().path("error").path("upload").toString()).contains("PDF");
        assertThat(jdbc.sql("select count(*) from opendata_resource").query(Long.class).single()).isEqualTo(resources);

        Ckan.Answer url = officer.post("resource_create", "{\"package_id\":\"" + name
                + "\",\"url\":\"http://127.0.0.1:9/feed.json\",\"name\":\"即時動態\"}");
        assertThat(url.status()).isEqualTo(200);
        assertThat(url.result().path("format").asString()).isEqualTo("JSON");
        assertThat(Ckan.anonymous(port).get("package_show", "id=" + name).result().path("num_resources").asInt()).isEqualTo(2);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyCreatesOnce() throws Exception {
        String token = Ckan.issueToken(port, "officer.trans");
        String name = unique("idem");
        String key = UUID.randomUUID().toString();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        String first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            var req = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/action/package_create"))
                    .header("Authorization", token).header("Idempotency-Key", key).header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"owner_org\":\"trans\"}")).build();
            var res = client.send(req, java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(res.statusCode()).as(res.body()).isEqualTo(200);
            String id = io.shizheng.support.Json.parse(res.body()).path("result").path("id").asString();
            first = first == null ? id : first;
            assertThat(id).isEqualTo(first);
        }
        assertThat(jdbc.sql("select count(*) from opendata_dataset where name = ?").param(name).query(Long.class).single()).isEqualTo(1);
    }
}
