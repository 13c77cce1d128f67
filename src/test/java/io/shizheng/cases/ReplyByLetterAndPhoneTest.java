package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import io.shizheng.support.PdfFiles;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A citizen who asked for a reply by post gets a letter: printed from the case page as PDF or ODT with the letterhead,
 * their name and address and the reply, recorded as sent; a reply by phone is recorded with its outcome.
 */
@IntegrationTest
class ReplyByLetterAndPhoneTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private String caseAskingFor(String replyBy, String address, String reply) {
        String json = """
                {"type":"PETITION","channel":"LETTER","category":"STREETLIGHT","description":"%s","lon":%s,"lat":%s,
                 "name":"郭秀蘭","phone":"0933-456-789","citizenAddress":"%s","replyBy":"%s"}"""
                .formatted(CaseFixture.unique("巷口路燈不亮"), CaseFixture.LON, CaseFixture.LAT, address, replyBy);
        String caseNo = CaseFixture.create(port, "rdec", json).get("caseNo").asString();
        HttpResponse<String> closed = Http.as(port, "rdec").post("/api/cases/" + caseNo + "/close",
                Json.write(java.util.Map.of("reply", reply, "closingCategory", "RESOLVED")));
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(200);
        return caseNo;
    }

    private HttpResponse<byte[]> postForm(String user, String path, String form) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theLetterIsPrintedWithTheCitizensAddressAndTheReplyInEmbeddedFontsAndRecordedAsSent() throws Exception {
        String address = "臺中市西屯區惠來路二段" + (100 + (int) (Math.random() * 800)) + "號5樓";
        String reply = "經派員查修，路燈已於本月修復完成，感謝您的來信。";
        String caseNo = caseAskingFor("LETTER", address, reply);

        String page = Http.as(port, "rdec").get("/cases/" + caseNo).body();
        assertThat(page).contains("id=\"letter-form\"").contains("列印答復函（PDF）");

        HttpResponse<byte[]> pdf = postForm("rdec", "/cases/" + caseNo + "/letter", "format=PDF");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = PdfFiles.text(pdf.body());
        assertThat(text.replaceAll("\\s", "")).contains(address).contains(reply).contains(caseNo).contains("郭秀蘭")
                .contains("研究發展考核委員會").containsPattern("中華民國1\\d\\d年\\d{1,2}月\\d{1,2}日").contains("府授研字第");
        assertThat(PdfFiles.fontsNotEmbedded(pdf.body())).as("fonts without an embedded font file").isEmpty();
        List<String> poppler = PdfFiles.pdffontsNotEmbedded(pdf.body());
        if (poppler != null) {
            assertThat(poppler).as("pdffonts: fonts not embedded").isEmpty();
        }

        HttpResponse<byte[]> odt = postForm("rdec", "/cases/" + caseNo + "/letter", "format=ODT");
        assertThat(odt.statusCode()).isEqualTo(200);
        OdfTextDocument doc = OdfTextDocument.loadDocument(new ByteArrayInputStream(odt.body()));
        var paragraphs = doc.getContentDom().getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "p");
        StringBuilder odtText = new StringBuilder();
        for (int i = 0; i < paragraphs.getLength(); i++) {
            odtText.append(paragraphs.item(i).getTextContent()).append('\n');
        }
        doc.close();
        assertThat(odtText.toString()).contains(address).contains(reply).contains(caseNo);

        List<String> sent = jdbc.sql("select l.format || ' ' || l.sent_by from cases_letter l join cases_case c on c.id = l.case_id "
                + "where c.case_no = ? order by l.id").param(caseNo).query(String.class).list();
        assertThat(sent).containsExactly("PDF rdec", "ODT rdec");
        assertThat(jdbc.sql("select count(distinct l.letter_no) from cases_letter l join cases_case c on c.id = l.case_id where c.case_no = ?")
                .param(caseNo).query(Long.class).single()).as("a reprint is the same letter").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'cases.letter' and entity_id = ?")
                .param(caseNo).query(Long.class).single()).isEqualTo(2);
        String after = Http.as(port, "rdec").get("/cases/" + caseNo).body();
        assertThat(after).contains("id=\"letters\"").contains("府授研字第").contains("寄出書面答復");
        JsonNode listed = Json.parse(Http.as(port, "rdec").get("/api/cases/" + caseNo + "/letters").body());
        assertThat(listed.size()).isEqualTo(2);

        // the letter carries personal data: those who only read the case, or another agency, do not get it
        assertThat(postForm("reviewer", "/cases/" + caseNo + "/letter", "format=PDF").statusCode()).isEqualTo(403);
        assertThat(postForm("officer.social", "/cases/" + caseNo + "/letter", "format=PDF").statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "officer.social").post("/api/cases/" + caseNo + "/letters?format=PDF", "").statusCode()).isEqualTo(403);
        assertThat(Http.as(port, "reviewer").get("/cases/" + caseNo).body()).doesNotContain("id=\"replies\"").doesNotContain(address);
        assertThat(Http.as(port, "rdec").post("/api/cases/" + caseNo + "/letters?format=DOCX", "").statusCode()).isEqualTo(422);
    }

    @Test
    void noLetterForACitizenWhoAskedForAnEmailAndNothingIsRecorded() throws Exception {
        String json = CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT, CaseFixture.unique("路燈閃爍"));
        String caseNo = CaseFixture.create(port, "rdec", json).get("caseNo").asString();
        Http.as(port, "rdec").post("/api/cases/" + caseNo + "/close", "{\"reply\":\"已修復\",\"closingCategory\":\"RESOLVED\"}");
        HttpResponse<byte[]> r = postForm("rdec", "/cases/" + caseNo + "/letter", "format=PDF");
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElse("")).contains("/cases/" + caseNo);
        assertThat(Http.as(port, "rdec").get("/cases/" + caseNo).body()).contains("id=\"letter-problem\"").doesNotContain("id=\"letter-form\"");
        assertThat(jdbc.sql("select count(*) from cases_letter l join cases_case c on c.id = l.case_id where c.case_no = ?")
                .param(caseNo).query(Long.class).single()).isZero();
    }

    @Test
    void aReplyByPhoneShowsOnTheCaseWithItsOutcomeAndTheNumberMasked() throws Exception {
        String caseNo = caseAskingFor("PHONE", "臺中市西屯區市政路100號", "已電話說明處理情形。");
        HttpResponse<byte[]> first = postForm("officer.social", "/cases/" + caseNo + "/phone-replies", "outcome=NO_ANSWER");
        assertThat(first.statusCode()).as("another agency").isEqualTo(403);
        HttpResponse<byte[]> r = postForm("rdec", "/cases/" + caseNo + "/phone-replies", "outcome=NO_ANSWER&phone=&calledAt=&note="
                + URLEncoder.encode("響鈴十聲無人接聽", StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(302);
        HttpResponse<String> api = Http.as(port, "rdec").post("/api/cases/" + caseNo + "/phone-replies",
                "{\"outcome\":\"REACHED\",\"phone\":\"04-2222-3333\"}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(201);
        assertThat(Json.parse(api.body()).get("phone").asString()).isEqualTo("04-2*****333").doesNotContain("2222-3");
        HttpResponse<String> bad = Http.as(port, "rdec").post("/api/cases/" + caseNo + "/phone-replies",
                "{\"outcome\":\"MAYBE\",\"calledAt\":\"2099-01-01T10:00\"}");
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("outcome").contains("calledAt");

        String page = Http.as(port, "rdec").get("/cases/" + caseNo).body();
        String table = page.substring(page.indexOf("id=\"phone-replies\""), page.indexOf("</table>", page.indexOf("id=\"phone-replies\"")));
        assertThat(table).contains("無人接聽").contains("響鈴十聲無人接聽").contains("0933***789").contains("已聯繫答復")
                .contains("04-2*****333").doesNotContain("0933-456-789").contains("rdec");
        assertThat(page).contains("電話答復");
        JsonNode calls = Json.parse(Http.as(port, "rdec").get("/api/cases/" + caseNo + "/phone-replies").body());
        assertThat(calls.size()).isEqualTo(2);
        assertThat(calls.get(0).get("outcome").asString()).isEqualTo("NO_ANSWER");
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'cases.phone-reply'"
                + " and after_state->>'phone' = '04-2*****333'").query(Long.class).single()).isEqualTo(1);
    }
}
