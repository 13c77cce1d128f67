package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import io.shizheng.opendata.internal.formats.FileSniffer;

@IntegrationTest
class OpendataPagesTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    private HttpResponse<String> form(String user, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void anyoneSearchesWithFacetsAndReadsADatasetPage() {
        HttpResponse<String> search = Http.anonymous(port).get("/opendata?q=" + enc("公車"));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("公車").contains("提供機關").contains("示範資料").contains("od-level");
        HttpResponse<String> org = Http.anonymous(port).get("/opendata/organizations/trans");
        assertThat(org.statusCode()).as("DCAT publisher URIs resolve").isEqualTo(302);
        assertThat(org.headers().firstValue("Location").orElse("")).contains("/opendata?fq=organization");
        HttpResponse<String> filtered = Http.anonymous(port).get("/opendata?fq=" + enc("organization:trans"));
        assertThat(filtered.body()).contains("臺中市政府交通局");
        String name = jdbc.sql("select name from opendata_dataset where demo and state = 'published' and not private order by id limit 1")
                .query(String.class).single();
        HttpResponse<String> page = Http.anonymous(port).get("/opendata/datasets/" + name);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("上架日期").contains("品質檢核").contains("?format=JSON").contains("版本紀錄")
                .doesNotContain("upload-form");
        String withdrawn = jdbc.sql("select name from opendata_dataset where demo and state = 'withdrawn' limit 1")
                .query(String.class).optional().orElse(null);
        if (withdrawn != null) {
            assertThat(Http.anonymous(port).get("/opendata/datasets/" + withdrawn).statusCode()).isEqualTo(404);
        }
    }

    @Test
    void anOfficerCreatesPublishesAndSeesFormErrors() throws Exception {
        long trans = jdbc.sql("select id from org_agency where code = 'TRANS'").query(Long.class).single();
        long before = jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single();
        HttpResponse<String> bad = form("officer.trans", "/opendata/new", "name=" + enc("不合法 名稱") + "&title=x&ownerOrg=" + trans
                + "&contactEmail=not-an-email&updateFrequency=monthly&license=gov-tw-1.0&state=draft");
        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("未儲存").contains("lowercase").contains("Email address is not valid");
        assertThat(jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single()).isEqualTo(before);

        String name = "page-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> ok = form("officer.trans", "/opendata/new", "name=" + name + "&title=" + enc("頁面建立的公車資料")
                + "&ownerOrg=" + trans + "&updateFrequency=monthly&license=gov-tw-1.0&tags=" + enc("公車, 站牌") + "&groups=transport&state=draft");
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElse("")).endsWith("/opendata/datasets/" + name);
        HttpResponse<String> mine = Http.as(port, "officer.trans").get("/opendata/datasets/" + name);
        assertThat(mine.body()).contains("upload-form").contains("草稿").contains("opendata-upload.js");
        assertThat(Http.anonymous(port).get("/opendata/datasets/" + name).statusCode()).isEqualTo(404);
        assertThat(form("officer.trans", "/opendata/datasets/" + name + "/publish", "").statusCode()).isEqualTo(302);
        assertThat(Http.anonymous(port).get("/opendata/datasets/" + name).statusCode()).isEqualTo(200);
        assertThat(form("officer.epb", "/opendata/datasets/" + name + "/withdraw", "").statusCode()).isEqualTo(403);
    }

    @Test
    void theRestUploadReportsQualityAndConvertsOnDownload() throws Exception {
        String name = "rest-" + UUID.randomUUID().toString().substring(0, 8);
        Ckan officer = Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
        officer.post("package_create", "{\"name\":\"" + name + "\",\"owner_org\":\"trans\"}");
        String boundary = "b" + UUID.randomUUID();
        byte[] big5 = "站名,日期\r\n臺中車站,2018/1/2\r\n".getBytes(FileSniffer.BIG5);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"stations.csv\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(big5);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/opendata/datasets/" + name + "/resources"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer.trans:demo1234".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(r.body()).contains("\"quality_level\":\"silver\"").contains("Big5").contains("\"encoding\":\"UTF-8\"");
        String id = io.shizheng.support.Json.parse(r.body()).path("id").asString();
        String json = new String(Ckan.anonymous(port).raw("/opendata/resources/" + id + "/download?format=json").body(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"站名\":\"臺中車站\"");
        HttpResponse<byte[]> xlsx = Ckan.anonymous(port).raw("/opendata/resources/" + id + "/download?format=XLSX");
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(Ckan.anonymous(port).raw("/opendata/resources/" + id + "/download?format=PDF").statusCode()).isEqualTo(422);
        assertThat(jdbc.sql("select download_count from opendata_resource where id = ?::uuid").param(id).query(Long.class).single()).isEqualTo(2);
        String quality = Http.anonymous(port).get("/api/opendata/datasets/" + name + "/quality").body();
        assertThat(quality).contains("\"level\":\"silver\"").contains("freshness");
        assertThat(Http.anonymous(port).get("/api/opendata/datasets/" + name + "/versions").body()).contains("file:upload");
    }

    @Test
    void uploadsThatAreNotMultipartAnswer415AndChangeNothing() throws Exception {
        String name = "plain-" + UUID.randomUUID().toString().substring(0, 8);
        Ckan.token(port, Ckan.issueToken(port, "officer.trans")).post("package_create", "{\"name\":\"" + name + "\",\"owner_org\":\"trans\"}");
        String resource = jdbc.sql("select r.id::text from opendata_resource r join opendata_dataset d on d.id = r.dataset_id "
                + "join org_agency a on a.id = d.agency_id where a.code = 'TRANS' order by r.id limit 1").query(String.class).single();
        long before = jdbc.sql("select count(*) from opendata_resource").query(Long.class).single();
        String[][] calls = {{"/api/opendata/resources/" + resource + "/file", "application/octet-stream", "站名,日期\r\n"},
                {"/api/opendata/datasets/" + name + "/resources", "application/json", "{\"file\":\"stations.csv\"}"}};
        for (String[] call : calls) {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + call[0]))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("officer.trans:demo1234".getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", call[1])
                    .POST(HttpRequest.BodyPublishers.ofString(call[2])).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(call[0] + " " + r.body()).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("multipart/form-data").contains("上傳");
        }
        assertThat(jdbc.sql("select count(*) from opendata_resource").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aBrokenUploadLeavesNothingBehind() throws Exception {
        String name = "broken-" + UUID.randomUUID().toString().substring(0, 8);
        Ckan officer = Ckan.token(port, Ckan.issueToken(port, "officer.trans"));
        officer.post("package_create", "{\"name\":\"" + name + "\",\"owner_org\":\"trans\"}");
        long before = jdbc.sql("select count(*) from opendata_resource").query(Long.class).single();
        byte[] part = "站名,車位\n市政,10\n".getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            var out = socket.getOutputStream();
            out.write(("POST /api/opendata/datasets/" + name + "/files?filename=big.csv HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("officer.trans:demo1234".getBytes(StandardCharsets.UTF_8))
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(part);
            out.flush();
            socket.shutdownOutput();
            try {
                socket.getInputStream().readAllBytes();
            } catch (java.io.IOException ignored) {
                // the server may drop the connection of a broken upload
            }
        }
        Thread.sleep(500);
        assertThat(jdbc.sql("select count(*) from opendata_resource").query(Long.class).single()).isEqualTo(before);
        assertThat(Http.as(port, "officer.trans").get("/api/opendata/datasets/" + name).body()).contains("\"num_resources\":0");
    }
}
