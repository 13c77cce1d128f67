package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;

import io.shizheng.IntegrationTest;
import io.shizheng.org.internal.Accounts;
import io.shizheng.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

/** Repeated wrong passwords lock the account name for a while, even against the right password. */
@IntegrationTest
class LoginThrottleTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    TransactionTemplate tx;

    private int basic(String user, String password, String... headers) throws Exception {
        String auth = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account"))
                .header("Authorization", "Basic " + auth);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void fiveFailuresLockTheAccount() throws Exception {
        tx.executeWithoutResult(s -> accounts.create("throttled.user", "被鎖測試", null, "right-password-123", null,
                EnumSet.of(Role.REVIEWER), false));
        assertThat(basic("throttled.user", "right-password-123")).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            assertThat(basic("throttled.user", "wrong-" + i)).isEqualTo(401);
        }
        assertThat(basic("throttled.user", "right-password-123")).as("locked even with the right password").isEqualTo(401);
        // Other accounts are not affected.
        assertThat(basic("rdec", "demo1234")).isEqualTo(200);
    }

    /** Without a trusted proxy (the default profile), X-Forwarded-For is the client's own claim and changes nothing. */
    @Test
    void aForgedForwardedForDoesNotEscapeTheLock() throws Exception {
        tx.executeWithoutResult(s -> accounts.create("spoofing.user", "偽造來源測試", null, "right-password-123", null,
                EnumSet.of(Role.REVIEWER), false));
        for (int i = 0; i < 5; i++) {
            assertThat(basic("spoofing.user", "wrong-" + i, "X-Forwarded-For", "203.0.113." + (i + 1))).isEqualTo(401);
        }
        assertThat(basic("spoofing.user", "right-password-123", "X-Forwarded-For", "198.51.100.1"))
                .as("still locked from the real address").isEqualTo(401);
    }

    @Test
    void passwordsAreStoredAsModernHashes(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        String hash = jdbc.sql("select password_hash from org_user where username = 'rdec'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("demo1234");
    }
}
