package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;

import io.shizheng.ShizhengApplication;
import io.shizheng.org.internal.Accounts;
import io.shizheng.platform.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The prod profile behind a TLS-terminating proxy on this host (127.0.0.1, a trusted proxy address): the proxy's
 * X-Forwarded-Proto makes responses carry HSTS and a Secure session cookie, and its X-Forwarded-For is the client
 * address that sign-in throttling counts, so an attacker locks their own address, not their victim's account.
 */
class ProductionSecurityTest {

    private static final String ADMIN = "cityadmin";
    private static final String PASSWORD = "a-long-secret-123";

    @TempDir
    static Path dir;

    private static ConfigurableApplicationContext app;
    private static int port;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void boot() {
        // its own embedded PostgreSQL, also when CI points SPRING_DATASOURCE_URL at a server
        app = new SpringApplicationBuilder(ShizhengApplication.class).run("--spring.datasource.url=",
                "--shizheng.data-dir=" + dir, "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.profiles.active=prod", "--SHIZHENG_ADMIN_USERNAME=" + ADMIN,
                "--SHIZHENG_ADMIN_PASSWORD=" + PASSWORD);
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void close() {
        app.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A sign-in over HTTP Basic from a client address, as the proxy forwards it. */
    private int signIn(String user, String password, String clientAddress) throws Exception {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return get("/api/account", "Authorization", "Basic " + basic, "X-Forwarded-For", clientAddress,
                "X-Forwarded-Proto", "https").statusCode();
    }

    @Test
    void behindTheTlsProxyResponsesCarryHstsAndTheSessionCookieIsSecure() throws Exception {
        HttpResponse<String> home = get("/", "X-Forwarded-Proto", "https");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Strict-Transport-Security").orElse(""))
                .startsWith("max-age=31536000").contains("includeSubDomains");
        // The sign-in form needs a session (for its CSRF token): its cookie goes over TLS only.
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("SESSION=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax"));
    }

    @Test
    void anAttackerLocksTheirOwnAddressNotTheAdministrator() throws Exception {
        String attacker = "203.0.113.7";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(ADMIN, "guess-" + i, attacker)).isEqualTo(401);
        }
        assertThat(signIn(ADMIN, PASSWORD, attacker)).as("the attacker's address is locked for this account")
                .isEqualTo(401);
        assertThat(signIn(ADMIN, PASSWORD, "198.51.100.20")).as("the administrator at their own address")
                .isEqualTo(200);
    }

    @Test
    void oneAddressTryingManyAccountsIsLockedForAll() throws Exception {
        String sprayer = "203.0.113.8";
        for (int i = 0; i < 20; i++) {
            assertThat(signIn("clerk" + i, "guess", sprayer)).isEqualTo(401);
        }
        assertThat(signIn(ADMIN, PASSWORD, sprayer)).as("the spraying address, even with a right password")
                .isEqualTo(401);
        assertThat(signIn(ADMIN, PASSWORD, "198.51.100.21")).isEqualTo(200);
    }

    @Test
    void aDistributedAttackOnOneAccountIsStillSlowed() throws Exception {
        app.getBean(TransactionTemplate.class).executeWithoutResult(s -> app.getBean(Accounts.class).create(
                "target.officer", "被攻擊帳號", null, "target-password-123", null, EnumSet.of(Role.REVIEWER), false));
        assertThat(signIn("target.officer", "target-password-123", "198.51.100.30")).isEqualTo(200);
        // 50 addresses, one guess each: no address reaches its own limit, the account reaches its much higher one.
        for (int i = 0; i < 50; i++) {
            assertThat(signIn("target.officer", "guess", "192.0.2." + (i + 1))).isEqualTo(401);
        }
        assertThat(signIn("target.officer", "target-password-123", "198.51.100.31"))
                .as("the account is locked for a while after 50 failures from anywhere").isEqualTo(401);
    }
}
