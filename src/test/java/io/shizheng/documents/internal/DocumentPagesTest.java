package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pages as people use them: dashboard, overdue list, analysis, import with line errors, document detail. */
@IntegrationTest
class DocumentPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCityDashboardShowsRatesPerAgencyTheTrendAndTheReportLinks() {
        HttpResponse<String> r = new FormClient(port, "rdec").get("/documents?year=2018");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("依限結案率", "id=\"chart-trend\"", "臺中市政府都市發展局", "臺中市西屯區公所",
                "/api/documents/reports/monthly?year=2018&amp;month=12", "format=ods", "未達目標", "示範資料");
        HttpResponse<String> en = new FormClient(port, "rdec").get("/documents?year=2018&month=2&lang=en");
        assertThat(en.body()).contains("On-time rate", "Overdue now");
    }

    @Test
    void anOfficerSeesTheirAgencyByUnitAndNothingElse() {
        HttpResponse<String> r = new FormClient(port, "officer").get("/documents?year=2018");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("臺中市政府建設局", "業務一科").doesNotContain("臺中市政府社會局");
        assertThat(new FormClient(port, "officer").get("/documents/overdue").body()).doesNotContain("臺中市政府社會局");
    }

    @Test
    void overdueAnalysisAndLatePagesRender() {
        FormClient rdec = new FormClient(port, "rdec");
        HttpResponse<String> overdue = rdec.get("/documents/overdue?asOf=2018-06-29");
        assertThat(overdue.statusCode()).isEqualTo(200);
        assertThat(overdue.body()).contains("逾期未結公文", "id=\"overdue-total\"");
        HttpResponse<String> analysis = rdec.get("/documents/analysis?from=2018-01-01&to=2018-12-31");
        assertThat(analysis.body()).contains("依逾期原因", "案情複雜", "依速別", "普通件");
        HttpResponse<String> late = rdec.get("/documents/late?from=2018-02-01&to=2018-02-28");
        assertThat(late.statusCode()).isEqualTo(200);
        assertThat(late.body()).contains("逾期結案公文", "/documents/");
    }

    @Test
    void aBadUploadShowsEveryBadLineAndImportsNothing() {
        String p = DocumentImportTest.prefix();
        String csv = DocumentImportTest.HEADER + p + "-1,CONST,工務科,INCOMING,URGENT,,2018-05-02,,2018-05-03,,N,\n"
                + p + "-2,NOWHERE,工務科,INCOMING,URGENT,,2018-05-02,,2018-05-01,,N,\n";
        FormClient rdec = new FormClient(port, "rdec");
        HttpResponse<String> r = rdec.upload("/documents/import", "export.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("id=\"import-errors\"", "line 3: agency", "line 3: closed");
        assertThat(jdbc.sql("select count(*) from documents_document where doc_no like ?").param(p + "%").query(Long.class).single()).isZero();
        HttpResponse<String> ok = rdec.upload("/documents/import", "export.csv", csv.replace("NOWHERE", "CONST").replace("2018-05-01", "2018-05-04")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(ok.body()).contains("id=\"import-result\"", "export.csv");
    }

    @Test
    void theDetailPageExplainsTheDeadlineAndRefusesANegativeExtension() {
        String p = DocumentImportTest.prefix();
        Http.as(port, "rdec").post("/api/documents/batch", """
                [{"docNo":"%s","agency":"CONST","unit":"工務科","type":"INCOMING","priority":"ORDINARY","received":"2018-02-14"}]""".formatted(p));
        long id = jdbc.sql("select id from documents_document where doc_no = ?").param(p).query(Long.class).single();
        FormClient officer = new FormClient(port, "officer");
        HttpResponse<String> page = officer.get("/documents/" + id);
        assertThat(page.body()).contains("限辦日期如何計算", "農曆除夕", "和平紀念日", "107/03/01 (2018-03-01)", "id=\"extend-form\"");
        HttpResponse<String> refused = officer.post("/documents/" + id + "/extensions", Map.of("days", "-3", "reason", "x"));
        assertThat(refused.body()).contains("positive number of days");
        assertThat(jdbc.sql("select extension_count from documents_document where id = ?").param(id).query(Integer.class).single()).isZero();
        HttpResponse<String> granted = officer.post("/documents/" + id + "/extensions", Map.of("days", "4", "reason", "待他機關回復"));
        assertThat(granted.body()).contains("extension granted", "待他機關回復", "107/03/05 (2018-03-05)");
        assertThat(new FormClient(port, "officer.social").get("/documents/" + id).statusCode()).isEqualTo(403);
    }
}
