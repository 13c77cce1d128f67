package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.Table;
import io.shizheng.platform.TableExporter;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Imports as the document system sends them: CSV and ODS files, the nightly JSON push; all or nothing. */
@IntegrationTest
class DocumentImportTest {

    static final String HEADER = "doc_no,agency,unit,type,priority,subject,received,deadline,closed,extensions,project_control,overdue_reason\n";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TableExporter exporter;

    static String prefix() {
        return "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
    }

    HttpResponse<String> postBody(String user, String path, String contentType, byte[] body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", contentType).header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> csv(String user, String text) {
        return postBody(user, "/api/documents/import?format=csv", "text/csv", ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8));
    }

    long count(String prefix) {
        return jdbc.sql("select count(*) from documents_document where doc_no like ?").param(prefix + "%").query(Long.class).single();
    }

    @Test
    void aGoodCsvIsImportedWithDeadlinesComputedAndReimportingItChangesNothing() {
        String p = prefix();
        String file = HEADER
                + p + "-1,CONST,養護工程科,收文,速件,路燈修復,2018-02-14,,2018-02-23,,N,\n"
                + p + "-2,CONST,養護工程科,INCOMING,URGENT,路燈修復,107/02/14,,2018-02-26,,N,COMPLEX\n"
                + p + "-3,D66000060,民政課,APPLICATION,普通件,\"申請, 含逗號\",2018-03-30,,,5;10,N,\n";
        HttpResponse<String> r = csv("rdec", file);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode result = Json.parse(r.body());
        assertThat(result.get("inserted").asInt()).isEqualTo(3);
        assertThat(result.get("rowsRead").asInt()).isEqualTo(3);

        var onTime = jdbc.sql("select deadline, on_time from documents_document where doc_no = ?").param(p + "-1").query().singleRow();
        assertThat(onTime.get("deadline").toString()).isEqualTo("2018-02-23");
        assertThat(onTime.get("on_time")).isEqualTo(true);
        assertThat(jdbc.sql("select on_time from documents_document where doc_no = ?").param(p + "-2").query(Boolean.class).single()).isFalse();
        // Ordinary from Fri 30 March is due 11 April; 15 days of extension: 26 April.
        var extended = jdbc.sql("select base_deadline, deadline, extension_count, subject from documents_document where doc_no = ?")
                .param(p + "-3").query().singleRow();
        assertThat(extended.get("base_deadline").toString()).isEqualTo("2018-04-11");
        assertThat(extended.get("deadline").toString()).isEqualTo("2018-04-26");
        assertThat(extended.get("extension_count")).isEqualTo(2);
        assertThat(extended.get("subject")).isEqualTo("申請, 含逗號");
        assertThat(jdbc.sql("select count(*) from documents_extension e join documents_document d on d.id = e.document_id where d.doc_no = ?")
                .param(p + "-3").query(Long.class).single()).isEqualTo(2);

        JsonNode again = Json.parse(csv("rdec", file).body());
        assertThat(again.get("inserted").asInt()).isZero();
        assertThat(again.get("updated").asInt()).isZero();
        assertThat(again.get("unchanged").asInt()).isEqualTo(3);

        JsonNode changed = Json.parse(csv("rdec", file.replace("2018-02-26,,N,COMPLEX", "2018-02-23,,N,COMPLEX")).body());
        assertThat(changed.get("updated").asInt()).isEqualTo(1);
        assertThat(jdbc.sql("select on_time from documents_document where doc_no = ?").param(p + "-2").query(Boolean.class).single()).isTrue();
    }

    @Test
    void badRowsAreAllReportedByLineAndNothingIsImported() {
        String p = prefix();
        String file = HEADER
                + p + "-1,CONST,工務科,INCOMING,URGENT,,2018-05-02,,2018-05-03,,N,\n"
                + p + "-2,CONST,工務科,INCOMING,URGENT,,2018-05-10,,2018-05-08,,N,\n"
                + p + "-3,NOSUCH,工務科,INCOMING,URGENT,,2018-05-10,,,,N,\n"
                + p + "-4,CONST,工務科,INCOMING,URGENT,,2018-05-10,,,-5,N,\n"
                + p + "-5,CONST,工務科,MEMO,FAST,,2018-13-10,,,,maybe,\n"
                + p + "-6,CONST,工務科,INCOMING,URGENT,,2018-05-10,,,10;10;5;5,N,\n";
        HttpResponse<String> r = csv("rdec", file);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode errors = Json.parse(r.body()).get("errors");
        List<String> fields = new ArrayList<>();
        errors.forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("line 3: closed", "line 4: agency", "line 5: extensions", "line 6: type", "line 6: priority",
                "line 6: received", "line 6: project_control", "line 7: extensions");
        assertThat(fields).noneMatch(f -> f.startsWith("line 2:"));
        assertThat(r.body()).contains("closed before it was received").contains("unknown agency code NOSUCH");
        assertThat(count(p)).isZero();
    }

    @Test
    void aDocumentNumberTwiceInOneFileIsRefused() {
        String p = prefix();
        String row = p + "-1,CONST,工務科,INCOMING,URGENT,,2018-05-02,,2018-05-03,,N,\n";
        HttpResponse<String> r = csv("rdec", HEADER + row + row);
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("line 2, 3: doc_no");
        assertThat(count(p)).isZero();
    }

    @Test
    void aMissingColumnIsNamed() {
        HttpResponse<String> r = csv("rdec", "doc_no,agency,unit\nX,CONST,科\n");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("line 1: type").contains("line 1: received");
    }

    @Test
    void anOdsExportIsImportedWithDateCells() throws Exception {
        String p = prefix();
        List<List<Object>> rows = new ArrayList<>();
        rows.add(new ArrayList<>(Arrays.asList(p + "-1", "EPB", "稽查科", "收文", "最速件", "噪音陳情", LocalDate.of(2018, 2, 14), null,
                LocalDate.of(2018, 2, 21), null, "N", null)));
        rows.add(new ArrayList<>(Arrays.asList(p + "-2", "EPB", "稽查科", "PETITION", "ORDINARY", "空污", LocalDate.of(2018, 3, 5),
                LocalDate.of(2018, 3, 1), LocalDate.of(2018, 3, 14), 3, "N", null)));
        Table t = new Table("export", List.of("文號", "機關代碼", "承辦單位", "類別", "速別", "主旨", "收文日期", "限辦日期", "結案日期",
                "展期日數", "專案管制", "逾期原因"), rows);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(t, ExportFormat.ODS, out);
        HttpResponse<String> r = postBody("officer.epb", "/api/documents/import?format=ods",
                "application/vnd.oasis.opendocument.spreadsheet", out.toByteArray());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("inserted").asInt()).isEqualTo(2);
        assertThat(jdbc.sql("select deadline from documents_document where doc_no = ?").param(p + "-1").query(LocalDate.class).single())
                .isEqualTo(LocalDate.of(2018, 2, 21));
        // Received after its own deadline (1 March): ordinary, 13 March, plus 3 days: Fri 16 March.
        var late = jdbc.sql("select deadline_rule, deadline, on_time from documents_document where doc_no = ?").param(p + "-2").query().singleRow();
        assertThat(late.get("deadline_rule")).isEqualTo("LATE_SET");
        assertThat(late.get("deadline").toString()).isEqualTo("2018-03-16");
        assertThat(late.get("on_time")).isEqualTo(true);
    }

    @Test
    void theNightlyPushIsIdempotentByDocumentNumber() {
        String p = prefix();
        String body = """
                [{"docNo":"%1$s-1","agency":"SOCIAL","unit":"社會救助科","type":"APPLICATION","priority":"ORDINARY",
                  "received":"2018-06-01","closed":"2018-06-08","extensions":[],"projectControl":false},
                 {"docNo":"%1$s-2","agency":"SOCIAL","unit":"社會救助科","type":"PETITION","priority":"URGENT",
                  "received":"2018-06-01","extensions":[5],"projectControl":false}]""".formatted(p);
        Http rdec = Http.as(port, "rdec");
        HttpResponse<String> first = rdec.post("/api/documents/batch", body);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(Json.parse(first.body()).get("inserted").asInt()).isEqualTo(2);
        HttpResponse<String> second = rdec.post("/api/documents/batch", body);
        assertThat(Json.parse(second.body()).get("inserted").asInt()).isZero();
        assertThat(Json.parse(second.body()).get("unchanged").asInt()).isEqualTo(2);
        assertThat(count(p)).isEqualTo(2);

        HttpResponse<String> bad = rdec.post("/api/documents/batch", """
                [{"docNo":"%1$s-3","agency":"SOCIAL","unit":"科","type":"PETITION","priority":"URGENT","received":"2018-06-05","closed":"2018-06-01"},
                 {"docNo":"%1$s-4","agency":"ZZZ","unit":"科","type":"PETITION","priority":"URGENT","received":"2018-06-05"}]""".formatted(p));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("record 1: closed").contains("record 2: agency");
        assertThat(count(p)).isEqualTo(2);
    }

    @Test
    void anOfficerImportsOnlyForTheirOwnAgency() {
        String p = prefix();
        HttpResponse<String> r = csv("officer", HEADER
                + p + "-1,CONST,工務科,INCOMING,URGENT,,2018-05-02,,2018-05-03,,N,\n"
                + p + "-2,SOCIAL,救助科,INCOMING,URGENT,,2018-05-02,,2018-05-03,,N,\n");
        assertThat(r.statusCode()).isEqualTo(422);
        assertThat(r.body()).contains("line 3: agency").contains("outside your scope");
        assertThat(count(p)).isZero();
        assertThat(csv("reviewer", HEADER).statusCode()).isEqualTo(403);
    }
}
