package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The six-digit verification code cannot be guessed without limit: 10 wrong codes per client and 30 per case
 * within an hour, then 429 with Retry-After, on the API, the status page and its rating action. Clients are told
 * apart by the address the load balancer forwards (X-Forwarded-For from a trusted proxy, here localhost).
 */
@IntegrationTest
class VerificationCodeLimitTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheCounts() {
        jdbc.sql("delete from cases_code_attempt").update();
    }

    private HttpResponse<String> get(String client, String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-For", client).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String wrong(String code, int i) {
        String w = "%06d".formatted(i);
        return w.equals(code) ? "%06d".formatted(i + 500_000) : w;
    }

    @Test
    void wrongCodesAreLimitedPerClientFirstAndThenPerCaseUntilTheLockExpires() throws Exception {
        JsonNode c = CaseFixture.create(port, "agent", CaseFixture.streetlight(CaseFixture.LON, CaseFixture.LAT,
                CaseFixture.unique("猜碼測試")));
        String no = c.get("caseNo").asString();
        String code = c.get("verifyCode").asString();
        String api = "/api/cases/public/" + no + "?code=";

        // one client: ten wrong codes, then refused, even with the right one
        for (int i = 0; i < 10; i++) {
            assertThat(get("198.51.100.10", api + wrong(code, i)).statusCode()).as("wrong try %d", i + 1).isEqualTo(404);
        }
        HttpResponse<String> refused = get("198.51.100.10", api + code);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElse("0"))).isBetween(1L, 3600L);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Json.parse(refused.body()).get("status").asInt()).isEqualTo(429);

        // the citizen, elsewhere, still gets in: the per-client limit came first
        assertThat(get("203.0.113.20", api + code).statusCode()).isEqualTo(200);

        // two more clients bring the case to thirty wrong codes: the case is locked for everyone, on every door
        for (String other : new String[] {"198.51.100.11", "198.51.100.12"}) {
            for (int i = 0; i < 10; i++) {
                assertThat(get(other, api + wrong(code, 100 + i)).statusCode()).isEqualTo(404);
            }
        }
        HttpResponse<String> locked = get("203.0.113.20", api + code);
        assertThat(locked.statusCode()).isEqualTo(429);
        assertThat(locked.headers().firstValue("Retry-After")).isPresent();
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/cases/status?no=" + no + "&code=" + code)).header("X-Forwarded-For", "203.0.113.20").GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(429);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();
        assertThat(page.body()).contains("</html>").doesNotContain("id=\"case-status\"");
        HttpResponse<String> rating = CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/cases/public/" + no + "/rating")).header("X-Forwarded-For", "203.0.113.20")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code + "\",\"rating\":5}")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(rating.statusCode()).isEqualTo(429);

        // an hour later the lock is gone: an attacker cannot keep the citizen out for good
        jdbc.sql("update cases_code_attempt set window_start = window_start - interval '61 minutes'").update();
        assertThat(get("203.0.113.20", api + code).statusCode()).isEqualTo(200);
        assertThat(get("198.51.100.10", api + code).statusCode()).isEqualTo(200);
    }

    @Test
    void aMissingCodeIsNotAGuessAndAnUnknownCaseCountsForTheClient() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(get("198.51.100.30", "/api/cases/public/0000000000000").statusCode()).isEqualTo(404);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(get("198.51.100.30", "/api/cases/public/0000000000000?code=" + wrong("", i)).statusCode()).isEqualTo(404);
        }
        assertThat(get("198.51.100.30", "/api/cases/public/0000000000000?code=123456").statusCode()).isEqualTo(429);
    }
}
