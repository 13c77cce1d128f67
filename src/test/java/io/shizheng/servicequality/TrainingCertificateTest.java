package io.shizheng.servicequality;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import io.shizheng.support.PdfFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A training certificate is a PDF with its verification code (and a QR code to the check) in embedded fonts; anyone can
 * check the code on a public page, which shows the holder's name masked; an unknown code is refused with a 404.
 */
@IntegrationTest
class TrainingCertificateTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private long attendedRegistration(String person) {
        Http rdec = Http.as(port, "rdec");
        String code = "CERT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        long course = Json.parse(rdec.post("/api/servicequality/training/courses", Json.write(Map.of("code", code,
                "name", "陳情案件處理實務（測試）", "category", "PETITION", "hours", 3.5))).body()).get("id").asLong();
        long session = Json.parse(rdec.post("/api/servicequality/training/sessions", Json.write(Map.of("courseId", course,
                "startsAt", "2022-04-12T09:30:00", "place", "市政大樓", "capacity", 5))).body()).get("id").asLong();
        long id = Json.parse(Http.as(port, "officer").post("/api/servicequality/training/sessions/" + session + "/registrations",
                Json.write(Map.of("personName", person))).body()).get("id").asLong();
        assertThat(rdec.post("/api/servicequality/training/registrations/" + id + "/attendance", "").statusCode()).isEqualTo(200);
        return id;
    }

    @Test
    void theCertificatePdfCarriesItsCodeInEmbeddedFontsAndThePublicPageChecksIt() throws Exception {
        String person = "歐陽" + "靜" + (char) ('甲' + (int) (Math.random() * 9)) + "芸";
        long id = attendedRegistration(person);
        String pdfPath = "/servicequality/training/registrations/" + id + "/certificate.pdf";
        assertThat(Http.as(port, "officer.social").getBytes(pdfPath).statusCode()).as("another agency's staff").isEqualTo(403);

        HttpResponse<byte[]> pdf = Http.as(port, "officer").getBytes(pdfPath);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String code = jdbc.sql("select code from servicequality_certificate where registration_id = ?").param(id)
                .query(String.class).single();
        assertThat(code).hasSize(16).matches("[A-Z2-7]{16}");
        String shown = code.replaceAll("(.{4})(?!$)", "$1-");
        String text = PdfFiles.text(pdf.body()).replaceAll("\\s", "");
        assertThat(text).contains(shown).contains(person).contains("陳情案件處理實務（測試）").contains("/verify/certificate/" + shown)
                .contains("研究發展考核委員會");
        assertThat(PdfFiles.fontsNotEmbedded(pdf.body())).as("fonts without an embedded font file").isEmpty();
        List<String> poppler = PdfFiles.pdffontsNotEmbedded(pdf.body());
        if (poppler != null) {
            assertThat(poppler).as("pdffonts: fonts not embedded").isEmpty();
        }
        // printed again, it is the same certificate
        Http.as(port, "officer").getBytes(pdfPath);
        assertThat(jdbc.sql("select count(*) from servicequality_certificate where registration_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'servicequality.certificate' "
                + "and after_state->>'code' = ?").param(code).query(Long.class).single()).isEqualTo(1);
        assertThat(Http.as(port, "officer").get("/servicequality/training/registrations/" + id + "/certificate").body())
                .contains(shown).contains("certificate.pdf");

        // anyone checks it, typed or followed from the QR code; the name shows masked
        HttpResponse<String> check = Http.anonymous(port).get("/verify/certificate/" + shown);
        assertThat(check.statusCode()).isEqualTo(200);
        assertThat(check.body()).contains("id=\"verify-valid\"").contains("陳情案件處理實務（測試）").contains("3.5")
                .contains("研究發展考核委員會").contains("歐○○○").doesNotContain(person).doesNotContain(person.substring(1));
        HttpResponse<String> typed = Http.anonymous(port).get("/verify/certificate?code=" + code.toLowerCase());
        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.body()).contains("id=\"verify-valid\"");
        assertThat(Http.anonymous(port).get("/verify/certificate?lang=en").body()).contains("Check a training certificate");

        // unknown and malformed codes are not found (a page, not an error)
        for (String wrong : List.of("AAAA-BBBB-CCCC-DDDD", code.substring(0, 15) + (code.charAt(15) == 'A' ? 'B' : 'A'), "x'; drop")) {
            HttpResponse<String> r = Http.anonymous(port).get("/verify/certificate?code="
                    + java.net.URLEncoder.encode(wrong, StandardCharsets.UTF_8));
            assertThat(r.statusCode()).as(wrong).isEqualTo(404);
            assertThat(r.body()).contains("id=\"verify-unknown\"").doesNotContain("id=\"verify-result\"").contains("</html>");
        }
        assertThat(Http.anonymous(port).get("/verify/certificate/ZZZZ-ZZZZ-ZZZZ-ZZZZ").statusCode()).isEqualTo(404);

        // RDEC revokes it; the public page then says so
        HttpResponse<String> refused = form("officer", "/servicequality/training/registrations/" + id + "/certificate/revoke",
                "reason=x");
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> revoked = form("rdec", "/servicequality/training/registrations/" + id + "/certificate/revoke",
                "reason=" + java.net.URLEncoder.encode("報到紀錄有誤", StandardCharsets.UTF_8));
        assertThat(revoked.statusCode()).isEqualTo(302);
        HttpResponse<String> after = Http.anonymous(port).get("/verify/certificate/" + shown);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("id=\"verify-revoked\"").doesNotContain("id=\"verify-valid\"");
    }

    @Test
    void noCertificateBeforeAttendance() {
        Http rdec = Http.as(port, "rdec");
        long registration = jdbc.sql("select id from servicequality_registration where attended_at is null order by id limit 1")
                .query(Long.class).single();
        assertThat(rdec.getBytes("/servicequality/training/registrations/" + registration + "/certificate.pdf").statusCode())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from servicequality_certificate where registration_id = ?").param(registration)
                .query(Long.class).single()).isZero();
    }

    private HttpResponse<String> form(String user, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
