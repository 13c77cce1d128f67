package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A citizen's personal data in full only for the handling agency and RDEC; masked elsewhere; never public. */
@IntegrationTest
class MaskingTest {

    @LocalServerPort
    int port;

    String caseNo;
    String code;

    @BeforeEach
    void aCallerReportsAStreetLightInXitun() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT,
                CaseFixture.unique("市政路路燈不亮")));
        caseNo = c.get("caseNo").asString();
        code = c.get("verifyCode").asString();
        assertThat(c.get("agencyName").asString()).isEqualTo("臺中市政府建設局");
    }

    private JsonNode as(String user) {
        HttpResponse<String> r = Http.as(port, user).get("/api/cases/" + caseNo);
        assertThat(r.statusCode()).as(user + ": " + r.body()).isEqualTo(200);
        return Json.parse(r.body());
    }

    @Test
    void rdecTheAgentAndTheHandlingAgencySeeEverything() {
        for (String user : new String[] {"rdec", "agent", "officer", "admin"}) {
            JsonNode c = as(user);
            assertThat(c.get("personalDataMasked").asBoolean()).as(user).isFalse();
            JsonNode z = c.get("citizen");
            assertThat(z.get("name").asString()).as(user).isEqualTo("林美玲");
            assertThat(z.get("phone").asString()).isEqualTo("0922333444");
            assertThat(z.get("email").asString()).isEqualTo("lin.meiling@example.invalid");
            assertThat(z.get("idNumber").asString()).isEqualTo("B223456789");
            assertThat(z.get("address").asString()).isEqualTo("臺中市西屯區市政路100號");
        }
    }

    @Test
    void theVillageChiefAndAReviewerSeeItMasked() {
        for (String user : new String[] {"chief", "reviewer"}) {
            JsonNode c = as(user);
            assertThat(c.get("personalDataMasked").asBoolean()).as(user).isTrue();
            JsonNode z = c.get("citizen");
            assertThat(z.get("name").asString()).isEqualTo("林○○");
            assertThat(z.get("phone").asString()).isEqualTo("0922***444");
            assertThat(z.get("email").asString()).isEqualTo("l***@example.invalid");
            assertThat(z.get("idNumber").asString()).isEqualTo("B*******89");
            assertThat(z.get("address").asString()).isEqualTo("臺中市西屯區***");
            assertThat(c.get("verifyCode").isNull()).isTrue();
            assertThat(c.toString()).doesNotContain("林美玲").doesNotContain("0922333444").doesNotContain("lin.meiling");
        }
    }

    @Test
    void whatTheCitizenTypedIsMaskedInTheDescriptionForThoseWhoOnlyReadTheCase() {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT,
                CaseFixture.unique("路燈不亮，林美玲請回電 0922-333-444，或寄 lin.meiling@example.invalid")));
        String no = c.get("caseNo").asString();
        for (String user : new String[] {"chief", "reviewer"}) {
            String description = Json.parse(Http.as(port, user).get("/api/cases/" + no).body()).get("description").asString();
            assertThat(description).as(user).startsWith("路燈不亮，林○○請回電 ****-***-***，或寄 ***@***")
                    .doesNotContain("0922-333-444").doesNotContain("lin.meiling").doesNotContain("林美玲");
        }
        String handled = Json.parse(Http.as(port, "officer").get("/api/cases/" + no).body()).get("description").asString();
        assertThat(handled).contains("林美玲請回電 0922-333-444").contains("lin.meiling@example.invalid");
    }

    @Test
    void anotherAgencysOfficerCannotOpenTheCaseAtAll() {
        assertThat(Http.as(port, "officer.epb").get("/api/cases/" + caseNo).statusCode()).isEqualTo(403);
        JsonNode inbox = Json.parse(Http.as(port, "officer.epb").get("/api/cases?q=" + caseNo).body());
        assertThat(inbox.get("total").asLong()).isZero();
        assertThat(Http.anonymous(port).get("/api/cases/" + caseNo).statusCode()).isEqualTo(401);
    }

    @Test
    void thePublicStatusPageShowsProgressButNoPersonalData() {
        HttpResponse<String> r = Http.anonymous(port).get("/api/cases/public/" + caseNo + "?code=" + code);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode s = Json.parse(r.body());
        assertThat(s.get("status").asString()).isEqualTo("OPEN");
        assertThat(s.get("agency").asString()).isEqualTo("臺中市政府建設局");
        assertThat(r.body()).doesNotContain("林").doesNotContain("0922").doesNotContain("lin.meiling").doesNotContain("B2234");
        assertThat(Http.anonymous(port).get("/api/cases/public/" + caseNo + "?code=000000x").statusCode()).isEqualTo(404);
        assertThat(Http.anonymous(port).get("/api/cases/public/" + caseNo).statusCode()).isEqualTo(404);
        String page = Http.anonymous(port).get("/cases/status?no=" + caseNo + "&code=" + code).body();
        assertThat(page).contains(caseNo).doesNotContain("林美玲").doesNotContain("0922333444");
    }
}
