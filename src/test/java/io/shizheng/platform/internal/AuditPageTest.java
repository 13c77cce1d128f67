package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.shizheng.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditPageTest {

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    private AuditFixture fixture;

    @BeforeAll
    void entries() {
        fixture = new AuditFixture(jdbc, port);
    }

    @Test
    void anonymousIsSentToSignIn() throws Exception {
        for (String path : new String[] {"/admin/audit", "/admin/audit/export?format=csv"}) {
            HttpResponse<String> r = fixture.get(path, null);
            assertThat(r.statusCode()).as(path).isEqualTo(302);
            assertThat(r.headers().firstValue("Location")).as(path).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        }
    }

    @Test
    void onlyAdministratorsMayLook() throws Exception {
        for (String user : new String[] {"officer", "rdec", "reviewer", "agent", "chief"}) {
            assertThat(fixture.get("/admin/audit", user).statusCode()).as(user).isEqualTo(403);
            assertThat(fixture.get("/admin/audit/export?format=csv", user).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(fixture.get("/admin/audit", "admin").statusCode()).isEqualTo(200);
    }

    @Test
    void adminSeesFilteredEntriesWithRocTimesAndEscapedStatesSideBySide() throws Exception {
        HttpResponse<String> r = fixture.get("/admin/audit?entityType=" + fixture.entityType
                + "&from=2018-03-06&to=2018-03-07", "admin");
        assertThat(r.statusCode()).isEqualTo(200);
        String html = r.body();
        assertThat(html).contains("共 2 筆，第 1 / 1 頁");
        assertThat(html).contains("期間：107/03/06 (2018-03-06) 至 107/03/07 (2018-03-07)");
        // newest first: the DELETE at 09:00 on the 7th, then the UPDATE at 00:30 on the 6th (Taipei)
        assertThat(html).containsSubsequence("107/03/07 09:00 (2018-03-07)", "107/03/06 00:30 (2018-03-06)");
        assertThat(html).doesNotContain("107/03/05 23:30");
        // the stored HTML is shown as text, never as markup
        assertThat(html).contains("舊名稱&lt;b&gt;粗體&lt;/b&gt;").doesNotContain("<b>粗體</b>");
        // pretty-printed, and the changed fields named
        assertThat(html).containsPattern("\\{\\R  &quot;name&quot; : &quot;新名稱&quot;,\\R");
        assertThat(html).containsSubsequence("變更欄位", "name, count");
        assertThat(html).contains("/admin/audit/export?entityType=" + fixture.entityType + "&amp;from=2018-03-06&amp;to=2018-03-07&amp;format=ods");
    }

    @Test
    void pagingKeepsTheFilters() throws Exception {
        String html = fixture.get("/admin/audit?entityType=" + fixture.entityType + "&size=2", "admin").body();
        assertThat(html).contains("共 3 筆，第 1 / 2 頁");
        assertThat(html).contains("<option value=\"2\" selected=\"selected\">2</option>");
        assertThat(html).contains("href=\"/admin/audit?entityType=" + fixture.entityType + "&amp;size=2&amp;page=1\"");
        String second = fixture.get("/admin/audit?entityType=" + fixture.entityType + "&size=2&page=1", "admin").body();
        assertThat(second).contains("共 3 筆，第 2 / 2 頁").contains("107/03/05 23:30 (2018-03-05)");
    }

    @Test
    void speaksEnglishWhenAsked() throws Exception {
        String html = fixture.get("/admin/audit?lang=en&entityType=" + fixture.entityType, "admin").body();
        assertThat(html).contains("<h1>Audit log</h1>").contains("3 entries, page 1 of 1");
        assertThat(html).contains("<td>UPDATE</td>").contains("<option value=\"LOGIN\">Sign-in LOGIN</option>")
                .doesNotContain("??");
    }

    @Test
    void badFilterShowsZhTwMessagesAndNoResults() throws Exception {
        HttpResponse<String> r = fixture.get("/admin/audit?entityType=" + fixture.entityType
                + "&action=ERASE&from=2018-13-45", "admin");
        assertThat(r.statusCode()).isEqualTo(400);
        String html = r.body();
        assertThat(html).contains("篩選條件有誤，未套用任何條件");
        assertThat(html).contains("沒有「ERASE」這種動作");
        assertThat(html).contains("日期「2018-13-45」格式不對");
        assertThat(html).doesNotContain("id=\"audit-table\"").doesNotContain("107/03/06 00:30");
        // what the person typed stays in the form
        assertThat(html).contains("value=\"" + fixture.entityType + "\"");

        HttpResponse<String> export = fixture.get("/admin/audit/export?format=docx&entityType=" + fixture.entityType, "admin");
        assertThat(export.statusCode()).isEqualTo(400);
        assertThat(export.body()).contains("匯出格式須為 ods、xlsx、csv 或 pdf，「docx」不是");
    }

    @Test
    void exportsCsvWithBom() throws Exception {
        HttpResponse<byte[]> r = fixture.getBytes("/admin/audit/export?format=csv&entityType=" + fixture.entityType, "admin");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(r.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
                .startsWith("attachment").contains(".csv"));
        byte[] body = r.body();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String[] lines = new String(body, 3, body.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("編號,日期,時間,民國日期時間,帳號,機關代號,動作,實體類型,實體代號,異動前,異動後");
        assertThat(lines[1]).contains(",2018-03-07,09:00:00,107/03/07 09:00 (2018-03-07),rdec,31,DELETE," + fixture.entityType + ",3,");
        assertThat(lines[3]).contains(",2018-03-05,23:30:00,");
    }

    @Test
    void exportsOdsAndXlsxThatReadBack() throws Exception {
        String filter = "&entityType=" + fixture.entityType + "&action=UPDATE";
        HttpResponse<byte[]> ods = fixture.getBytes("/admin/audit/export?format=ods" + filter, "admin");
        assertThat(ods.statusCode()).isEqualTo(200);
        assertThat(ods.headers().firstValue("Content-Type")).hasValue("application/vnd.oasis.opendocument.spreadsheet");
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(ods.body()))) {
            OdfTable sheet = doc.getTableList(false).get(0);
            assertThat(sheet.getCellByPosition(4, 0).getStringValue()).isEqualTo("帳號");
            assertThat(sheet.getCellByPosition(1, 1).getOdfElement().getOfficeDateValueAttribute()).startsWith("2018-03-06");
            assertThat(sheet.getCellByPosition(5, 1).getDoubleValue()).isEqualTo(31.0);
            assertThat(sheet.getCellByPosition(9, 1).getStringValue()).contains("舊名稱<b>粗體</b>");
            assertThat(sheet.getCellByPosition(0, 2).getStringValue()).isEmpty();
        }
        HttpResponse<byte[]> xlsx = fixture.getBytes("/admin/audit/export?format=XLSX" + filter, "admin");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            assertThat(book.getSheetAt(0).getLastRowNum()).isEqualTo(1);
            assertThat(book.getSheetAt(0).getRow(1).getCell(6).getStringCellValue()).isEqualTo("UPDATE");
        }
    }
}
