package io.shizheng.cases;

import static org.assertj.core.api.Assertions.assertThat;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Json;
import io.shizheng.support.LoopbackClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The six-digit verification code cannot be guessed without limit: 10 wrong codes per client and 30 per case
 * within an hour, then 429 with Retry-After, on the API, the status page and its rating action. Each client calls
 * from a loopback address of its own (127.0.0.n), as different machines would; no forwarded header is trusted.
 */
@IntegrationTest
class VerificationCodeLimitTest {

    private static final int ATTACKER = 10;
    private static final int ACCOMPLICE = 11;
    private static final int CITIZEN = 20;
    private static final int PROBER = 30;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forgetTheCounts() {
        jdbc.sql("delete from cases_code_attempt").update();
    }

    private LoopbackClient.Answer get(int client, String path) throws Exception {
        return new LoopbackClient(client, port).get(path, "Accept", "application/json");
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
            assertThat(get(ATTACKER, api + wrong(code, i)).status()).as("wrong try %d", i + 1).isEqualTo(404);
        }
        LoopbackClient.Answer refused = get(ATTACKER, api + code);
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Json.parse(refused.body()).get("status").asInt()).isEqualTo(429);

        // the citizen, elsewhere, still gets in: the per-client limit came first
        assertThat(get(CITIZEN, api + code).status()).isEqualTo(200);

        // two more clients bring the case to thirty wrong codes: the case is locked for everyone, on every door
        for (int other : new int[] {ACCOMPLICE, ACCOMPLICE + 1}) {
            for (int i = 0; i < 10; i++) {
                assertThat(get(other, api + wrong(code, 100 + i)).status()).isEqualTo(404);
            }
        }
        LoopbackClient citizen = new LoopbackClient(CITIZEN, port);
        LoopbackClient.Answer locked = get(CITIZEN, api + code);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotBlank();
        LoopbackClient.Answer page = citizen.get("/cases/status?no=" + no + "&code=" + code);
        assertThat(page.status()).isEqualTo(429);
        assertThat(page.header("Retry-After")).isNotBlank();
        assertThat(page.body()).contains("</html>").doesNotContain("id=\"case-status\"");
        LoopbackClient.Answer rating = citizen.post("/api/cases/public/" + no + "/rating", "application/json",
                "{\"code\":\"" + code + "\",\"rating\":5}");
        assertThat(rating.status()).isEqualTo(429);

        // an hour later the lock is gone: an attacker cannot keep the citizen out for good
        jdbc.sql("update cases_code_attempt set window_start = window_start - interval '61 minutes'").update();
        assertThat(get(CITIZEN, api + code).status()).isEqualTo(200);
        assertThat(get(ATTACKER, api + code).status()).isEqualTo(200);
    }

    @Test
    void aMissingCodeIsNotAGuessAndAnUnknownCaseCountsForTheClient() throws Exception {
        for (int i = 0; i < 12; i++) {
            assertThat(get(PROBER, "/api/cases/public/0000000000000").status()).isEqualTo(404);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(get(PROBER, "/api/cases/public/0000000000000?code=" + wrong("", i)).status()).isEqualTo(404);
        }
        assertThat(get(PROBER, "/api/cases/public/0000000000000?code=123456").status()).isEqualTo(429);
    }
}
