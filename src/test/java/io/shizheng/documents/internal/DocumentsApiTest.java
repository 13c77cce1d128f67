package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricValue;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Rates, extensions, scope, the overdue list, the monthly report and the indicator 1.3 metric. */
@IntegrationTest
class DocumentsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TimelinessMetric metric;

    long agency(String code) {
        return agencies.findByCode(code).orElseThrow().id();
    }

    long push(String json) {
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/documents/batch", json);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return Json.parse(r.body()).get("importId").asLong();
    }

    long id(String docNo) {
        return jdbc.sql("select id from documents_document where doc_no = ?").param(docNo).query(Long.class).single();
    }

    @Test
    void extensionsMoveTheDeadlineAreLoggedAndKeepToTheLimits() {
        String p = DocumentImportTest.prefix();
        push("""
                [{"docNo":"%s","agency":"CONST","unit":"工務科","type":"INCOMING","priority":"URGENT","received":"2018-02-14"}]""".formatted(p));
        long id = id(p);
        Http officer = Http.as(port, "officer");
        HttpResponse<String> negative = officer.post("/api/documents/" + id + "/extensions", "{\"days\":-5,\"reason\":\"x\"}");
        assertThat(negative.statusCode()).isEqualTo(422);
        assertThat(Json.parse(negative.body()).get("errors").get(0).get("field").asString()).isEqualTo("days");
        assertThat(Json.parse(officer.get("/api/documents/" + id).body()).get("document").get("deadline").asString()).isEqualTo("2018-02-23");

        HttpResponse<String> first = officer.post("/api/documents/" + id + "/extensions", "{\"days\":5,\"reason\":\"會辦多單位\"}");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        // 23 Feb + 5 = 28 Feb, a holiday: 1 March.
        assertThat(Json.parse(first.body()).get("deadline").asString()).isEqualTo("2018-03-01");
        officer.post("/api/documents/" + id + "/extensions", "{\"days\":10,\"reason\":\"second\"}");
        HttpResponse<String> tooMuch = officer.post("/api/documents/" + id + "/extensions", "{\"days\":20,\"reason\":\"third\"}");
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("30");
        officer.post("/api/documents/" + id + "/extensions", "{\"days\":1,\"reason\":\"third\"}");
        HttpResponse<String> fourth = officer.post("/api/documents/" + id + "/extensions", "{\"days\":1,\"reason\":\"fourth\"}");
        assertThat(fourth.statusCode()).isEqualTo(422);
        JsonNode doc = Json.parse(officer.get("/api/documents/" + id).body());
        assertThat(doc.get("extensions").size()).isEqualTo(3);
        assertThat(doc.get("document").get("extensionDays").asInt()).isEqualTo(16);
        assertThat(doc.get("deadlineExplained").toString()).contains("展期 3 次共 16 日");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'documents.document' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aClosedDocumentCannotBeExtended() {
        String p = DocumentImportTest.prefix();
        push("""
                [{"docNo":"%s","agency":"CONST","unit":"工務科","type":"INCOMING","priority":"URGENT","received":"2018-02-14","closed":"2018-02-22"}]""".formatted(p));
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/documents/" + id(p) + "/extensions", "{\"days\":5,\"reason\":\"x\"}");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("closed document cannot be extended");
    }

    @Test
    void officersSeeOnlyTheirAgency() {
        String p = DocumentImportTest.prefix();
        push("""
                [{"docNo":"%s","agency":"SOCIAL","unit":"救助科","type":"INCOMING","priority":"URGENT","received":"2018-02-14"}]""".formatted(p));
        Http officer = Http.as(port, "officer");
        assertThat(officer.get("/api/documents/" + id(p)).statusCode()).isEqualTo(403);
        assertThat(officer.post("/api/documents/" + id(p) + "/extensions", "{\"days\":5,\"reason\":\"x\"}").statusCode()).isEqualTo(403);
        assertThat(officer.get("/api/documents/timeliness?year=2018&agency=" + agency("SOCIAL")).statusCode()).isEqualTo(403);
        assertThat(officer.get("/api/documents/reports/monthly?year=2018&month=3&agency=" + agency("SOCIAL")).statusCode()).isEqualTo(403);
        JsonNode own = Json.parse(officer.get("/api/documents/timeliness?year=2018").body());
        assertThat(own.get("scope").get("agencyId").asLong()).isEqualTo(agency("CONST"));
        assertThat(own.get("byUnit").asBoolean()).isTrue();
        JsonNode overdue = Json.parse(officer.get("/api/documents/overdue?size=500").body());
        overdue.get("items").forEach(i -> assertThat(i.get("agency").asString()).isEqualTo("臺中市政府建設局"));
        assertThat(Http.as(port, "officer.social").get("/api/documents/" + id(p)).statusCode()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/api/documents/timeliness").statusCode()).isEqualTo(401);
        assertThat(Http.as(port, "chief").get("/api/documents/timeliness").statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "agent").get("/api/documents/" + id(p)).statusCode()).isEqualTo(403);
    }

    @Test
    void theOverdueListShowsOpenDocumentsPastTheirDeadlineWithDaysOverdue() {
        String p = DocumentImportTest.prefix();
        push("""
                [{"docNo":"%1$s-open","agency":"WATER","unit":"河川科","type":"INCOMING","priority":"MOST_URGENT","received":"2018-02-14"},
                 {"docNo":"%1$s-closed","agency":"WATER","unit":"河川科","type":"INCOMING","priority":"MOST_URGENT","received":"2018-02-14","closed":"2018-02-26"},
                 {"docNo":"%1$s-pc","agency":"WATER","unit":"河川科","type":"INCOMING","priority":"MOST_URGENT","received":"2018-02-14","projectControl":true}]""".formatted(p));
        JsonNode list = Json.parse(Http.as(port, "rdec").get("/api/documents/overdue?asOf=2018-02-23&unit=河川科&agency=" + agency("WATER")).body());
        assertThat(list.toString()).contains(p + "-open").contains(p + "-closed").doesNotContain(p + "-pc");
        list.get("items").forEach(i -> {
            if (i.get("docNo").asString().equals(p + "-open")) {
                assertThat(i.get("daysOverdue").asLong()).isEqualTo(2);
            }
        });
        JsonNode later = Json.parse(Http.as(port, "rdec").get("/api/documents/overdue?asOf=2018-03-01&unit=河川科&agency=" + agency("WATER")).body());
        assertThat(later.toString()).contains(p + "-open").doesNotContain(p + "-closed");
    }

    @Test
    void theMetricOfIndicator13ComesFromClosedDocumentsAndItsEvidenceListsTheLateOnes() {
        MetricValue year = metric.compute(new MetricQuery(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null));
        assertThat(year.value()).isBetween(new BigDecimal("95"), new BigDecimal("99"));
        long closed = jdbc.sql("select count(*) from documents_document where closed_on between '2018-01-01' and '2018-12-31' and not project_control")
                .query(Long.class).single();
        assertThat(year.denominator().longValue()).isEqualTo(closed);
        var evidence = metric.evidence(new MetricQuery(LocalDate.of(2018, 2, 1), LocalDate.of(2018, 2, 28), null));
        assertThat(evidence.rows()).isNotEmpty();
        assertThat(evidence.rows().get(0).link()).startsWith("/documents/");
        assertThat(metric.measuresIndicators()).containsExactly("1.3");
        JsonNode scorecard = Json.parse(Http.as(port, "rdec").get("/api/plans/2018/scorecard").body());
        assertThat(scorecard.toString()).contains("METRIC:document-on-time").doesNotContain("\"1.3\",\"source\":\"MANUAL\"");
    }

    @Test
    void aLateClosureLowersTheRateOfItsAgencyAndMonth() {
        String p = DocumentImportTest.prefix();
        long hakka = agency("HAKKA");
        JsonNode before = Json.parse(Http.as(port, "rdec").get("/api/documents/reports/monthly?year=2018&month=8&agency=" + hakka).body());
        push("""
                [{"docNo":"%1$s-a","agency":"HAKKA","unit":"文教科","type":"INCOMING","priority":"URGENT","received":"2018-08-01","closed":"2018-08-03"},
                 {"docNo":"%1$s-b","agency":"HAKKA","unit":"文教科","type":"INCOMING","priority":"URGENT","received":"2018-08-01","closed":"2018-08-31"}]""".formatted(p));
        JsonNode after = Json.parse(Http.as(port, "rdec").get("/api/documents/reports/monthly?year=2018&month=8&agency=" + hakka).body());
        assertThat(after.get("total").get("closed").asLong()).isEqualTo(before.get("total").get("closed").asLong() + 2);
        assertThat(after.get("total").get("onTime").asLong()).isEqualTo(before.get("total").get("onTime").asLong() + 1);
        assertThat(after.toString()).contains("文教科");
    }

    @Test
    void theMonthlyReportExportsAsOds() {
        HttpResponse<byte[]> r = Http.as(port, "rdec").getBytes("/api/documents/reports/monthly?year=2018&month=3&format=ods");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("opendocument.spreadsheet");
        assertThat(r.body().length).isGreaterThan(1000);
        HttpResponse<String> bad = Http.as(port, "rdec").get("/api/documents/reports/monthly?year=2018&month=13");
        assertThat(bad.statusCode()).isEqualTo(422);
        // PDF where the server has a CJK font; a clear refusal where it has none.
        HttpResponse<byte[]> pdf = Http.as(port, "rdec").getBytes("/api/documents/reports/monthly?year=2018&month=3&format=pdf");
        if (pdf.statusCode() == 200) {
            assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).contains("application/pdf");
        } else {
            assertThat(pdf.statusCode()).isEqualTo(422);
            assertThat(new String(pdf.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("fonts-noto-cjk");
        }
    }

    @Test
    void projectControlNeedsThirtyDaysOfWorkAndLeavesTheCount() {
        String p = DocumentImportTest.prefix();
        push("""
                [{"docNo":"%s","agency":"CONST","unit":"工務科","type":"INCOMING","priority":"URGENT","received":"2018-09-03","closed":"2018-10-30"}]""".formatted(p));
        long id = id(p);
        Http rdec = Http.as(port, "rdec");
        long closedBefore = Json.parse(rdec.get("/api/documents/reports/monthly?year=2018&month=10").body()).get("total").get("closed").asLong();
        assertThat(rdec.put("/api/documents/" + id + "/project-control", "{\"projectControl\":true,\"expectedDays\":10}").statusCode()).isEqualTo(422);
        assertThat(rdec.put("/api/documents/" + id + "/project-control", "{\"projectControl\":true,\"expectedDays\":45}").statusCode()).isEqualTo(200);
        long closedAfter = Json.parse(rdec.get("/api/documents/reports/monthly?year=2018&month=10").body()).get("total").get("closed").asLong();
        assertThat(closedAfter).isEqualTo(closedBefore - 1);
    }

    @Test
    void aTyphoonDayDeclaredAfterwardsMovesDeadlinesOnRecompute() {
        String p = DocumentImportTest.prefix();
        push("""
                [{"docNo":"%s","agency":"WATER","unit":"工程科","type":"INCOMING","priority":"URGENT","received":"2018-07-17","closed":"2018-07-23"}]""".formatted(p));
        long id = id(p);
        Http rdec = Http.as(port, "rdec");
        assertThat(Json.parse(rdec.get("/api/documents/" + id).body()).get("document").get("deadline").asString()).isEqualTo("2018-07-20");
        assertThat(Http.as(port, "officer").post("/api/documents/recompute?from=2018-07-17&to=2018-07-17", "{}").statusCode()).isEqualTo(403);
        assertThat(rdec.put("/api/calendar/days/2018-07-18", "{\"kind\":\"TYPHOON\",\"name\":\"颱風停班（測試）\"}").statusCode()).isEqualTo(201);
        try {
            HttpResponse<String> r = rdec.post("/api/documents/recompute?from=2018-07-17&to=2018-07-17", "{}");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(Json.parse(r.body()).get("changed").asInt()).isPositive();
            JsonNode doc = Json.parse(rdec.get("/api/documents/" + id).body()).get("document");
            assertThat(doc.get("deadline").asString()).isEqualTo("2018-07-23");
            assertThat(doc.get("onTime").asBoolean()).isTrue();
        } finally {
            delete("/api/calendar/days/2018-07-18");
            rdec.post("/api/documents/recompute?from=2018-07-17&to=2018-07-17", "{}");
        }
        assertThat(Json.parse(rdec.get("/api/documents/" + id).body()).get("document").get("deadline").asString()).isEqualTo("2018-07-20");
    }

    @Test
    void anExtensionGrantedHereSurvivesTheNextNightlyPush() {
        String p = DocumentImportTest.prefix();
        String record = """
                [{"docNo":"%s","agency":"CONST","unit":"工務科","type":"INCOMING","priority":"URGENT","received":"2018-02-14"}]""".formatted(p);
        push(record);
        long id = id(p);
        assertThat(Http.as(port, "officer").post("/api/documents/" + id + "/extensions", "{\"days\":10,\"reason\":\"待會辦\"}").statusCode())
                .isEqualTo(200);
        HttpResponse<String> again = Http.as(port, "rdec").post("/api/documents/batch", record);
        assertThat(Json.parse(again.body()).get("unchanged").asInt()).isEqualTo(1);
        JsonNode doc = Json.parse(Http.as(port, "rdec").get("/api/documents/" + id).body());
        assertThat(doc.get("document").get("deadline").asString()).isEqualTo("2018-03-05");
        assertThat(doc.get("extensions").get(0).get("source").asString()).isEqualTo("MANUAL");

        // Closed on 2 March, within the extension: on time, and the log is kept.
        push(record.replace("\"received\":\"2018-02-14\"", "\"received\":\"2018-02-14\",\"closed\":\"2018-03-02\""));
        doc = Json.parse(Http.as(port, "rdec").get("/api/documents/" + id).body());
        assertThat(doc.get("document").get("onTime").asBoolean()).isTrue();
        assertThat(doc.get("extensions").size()).isEqualTo(1);
    }

    private void delete(String path) {
        try {
            java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("rdec:demo1234".getBytes()))
                    .DELETE().build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
