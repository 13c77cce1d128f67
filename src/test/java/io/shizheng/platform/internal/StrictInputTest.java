package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad input found by EveryApiRefusesBadInputTest, answered with the field named and nothing stored, where it used
 * to be a 500 from PostgreSQL or the arithmetic: NUL characters, non-finite numbers, over-long text, an unreadable
 * multipart body, a plan without its lists, a page number past the int range.
 */
@IntegrationTest
class StrictInputTest {

    @LocalServerPort
    int port;

    @Test
    void aNulInAQueryParameterIsABadRequestNamingTheParameter() {
        HttpResponse<String> r = Http.as(port, "admin").get("/api/audit?username=a%00b");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactly("username");
    }

    @Test
    void aNonFiniteNumberInAQueryParameterIsABadRequestNamingTheParameter() {
        HttpResponse<String> r = Http.as(port, "admin").get("/api/cases/duplicates?category=x&lat=NaN&lon=120.6");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("lat");
    }

    @Test
    void aNulInAJsonStringIsABadRequestNamingTheField() {
        HttpResponse<String> r = Http.as(port, "admin").post("/api/meetings",
                "{\"title\":\"a\\u0000b\",\"date\":\"2018-05-01\",\"chair\":\"主委\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(fields(r)).containsExactly("title");
        assertThat(r.body()).contains("NUL");
    }

    @Test
    void erlangRefusesNotANumberForCallsNamingTheField() {
        HttpResponse<String> r = Http.as(port, "agent").post("/api/callcenter/staffing/erlang",
                "{\"calls\":[\"NaN\"],\"handlingSeconds\":180}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(fields(r)).containsExactly("calls[0]");
        assertThat(r.body()).doesNotContain("NaN,").contains("finite");
        HttpResponse<String> infinite = Http.as(port, "agent").post("/api/callcenter/staffing/erlang",
                "{\"calls\":[100],\"handlingSeconds\":\"Infinity\"}");
        assertThat(infinite.statusCode()).as(infinite.body()).isEqualTo(400);
        assertThat(fields(infinite)).containsExactly("handlingSeconds");
    }

    @Test
    void anOverLongMeetingTitleAndChairAreRefusedNamingBoth() {
        HttpResponse<String> r = Http.as(port, "admin").post("/api/meetings",
                "{\"title\":\"" + "x".repeat(201) + "\",\"date\":\"2018-05-01\",\"chair\":\"" + "x".repeat(101) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(fields(r)).containsExactly("title", "chair");
        assertThat(r.body()).contains("會議名稱須在 200 字內 / title must be at most 200 characters");
        HttpResponse<String> blank = Http.as(port, "admin").post("/api/meetings", "{\"title\":\" \"}");
        assertThat(fields(blank)).containsExactly("title", "date", "chair");
        assertThat(blank.body()).contains("請填會議名稱 / title is required");
    }

    @Test
    void anOverLongConsumerContactIsRefused() {
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/exchange/consumers",
                "{\"name\":\"crawler\",\"contact\":\"" + "x".repeat(201) + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(fields(r)).containsExactly("contact");
    }

    @Test
    void aPlanWithoutItsGoalsOrProgramsIsRefusedNamingThem() {
        HttpResponse<String> r = Http.as(port, "admin").put("/api/plans/2018",
                "{\"year\":2018,\"title\":\"x\",\"goals\":null,\"programs\":null}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(fields(r)).contains("goals", "programs");
    }

    @Test
    void aPageNumberPastTheIntRangeIsAnEmptyPage() {
        HttpResponse<String> r = Http.as(port, "admin").get("/api/documents/overdue?page=2147483647");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(Json.parse(r.body()).get("items")).isEmpty();
    }

    @Test
    void anUnreadableMultipartBodyIsABadRequest() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents/import"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:demo1234".getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString("--b\r\nContent-Disposition: form-data; name=\"file\"")).build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void requestParametersAndBodiesBreakingTheirAnnotationsAreRefusedWithTheirBilingualMessages() {
        HttpResponse<String> limit = Http.as(port, "rdec").get("/api/callcenter/imports?limit=0");
        assertThat(limit.statusCode()).as(limit.body()).isEqualTo(422);
        assertThat(fields(limit)).containsExactly("limit");
        assertThat(limit.body()).contains("須為 1 到 500 / must be 1–500");
        HttpResponse<String> days = Http.anonymous(port).get("/api/calendar/deadline?from=2018-03-01&workingDays=367");
        assertThat(days.statusCode()).as(days.body()).isEqualTo(422);
        assertThat(fields(days)).containsExactly("workingDays");
        assertThat(days.body()).contains("須為 0 至 366 / must be 0 to 366");
        HttpResponse<String> plan = Http.as(port, "rdec").post("/api/plans", "{}");
        assertThat(plan.statusCode()).as(plan.body()).isEqualTo(422);
        assertThat(fields(plan)).containsExactly("year");
        assertThat(plan.body()).contains("請填年度（西元） / year is required");
        HttpResponse<String> agenda = Http.as(port, "rdec").post("/api/meetings/1/agenda", "{}");
        assertThat(agenda.statusCode()).as(agenda.body()).isEqualTo(422);
        assertThat(fields(agenda)).containsExactly("projectId");
        HttpResponse<String> minutes = Http.as(port, "rdec").post("/api/meetings/1/held",
                "{\"minutes\":\"" + "x".repeat(20_001) + "\"}");
        assertThat(minutes.statusCode()).as(minutes.body()).isEqualTo(422);
        assertThat(fields(minutes)).containsExactly("minutes");
    }

    private static List<String> fields(HttpResponse<String> r) {
        List<String> out = new ArrayList<>();
        JsonNode body = Json.parse(r.body());
        body.path("errors").forEach(e -> out.add(e.get("field").asString()));
        return out;
    }
}
