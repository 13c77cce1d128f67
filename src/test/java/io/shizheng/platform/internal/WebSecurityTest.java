package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shizheng.IntegrationTest;
import io.shizheng.org.internal.Accounts;
import io.shizheng.platform.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Response headers, sessions and the metrics endpoint, as a browser, a crawler and a Prometheus scraper see them. */
@IntegrationTest
class WebSecurityTest {

    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void pagesSendConsistentFramingAndPrivacyHeaders() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(home.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("frame-ancestors 'none'");
        assertThat(home.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(home.headers().firstValue("Permissions-Policy").orElseThrow())
                .contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(home.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        // Over plain HTTP there is no HSTS (browsers would ignore it); the prod profile sends it behind TLS.
        assertThat(home.headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    /** Every page an anonymous visitor can reach from the home page, and the public APIs: none starts a session. */
    @Test
    void anonymousReadsStartNoSession() throws Exception {
        long sessionsBefore = jdbc.sql("select count(*) from spring_session").query(Long.class).single();
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of("/", "/plan/2018", "/opendata", "/cases/status", "/org/map"));
        List<String> withSession = new java.util.ArrayList<>();
        int pages = 0;
        while (!queue.isEmpty() && pages < 60) {
            String path = queue.poll();
            if (!seen.add(path) || path.startsWith("/login") || path.startsWith("/logout") || path.contains("export")
                    || path.contains("format=") || path.startsWith("/webjars") || path.startsWith("/css")
                    || path.startsWith("/js") || path.startsWith("/img")) {
                continue;
            }
            HttpResponse<String> page;
            try {
                page = get(path, "Accept", "text/html");
            } catch (java.io.IOException e) {
                throw new AssertionError("GET " + path + " broke off: " + e.getMessage(), e);
            }
            if (page.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("SESSION="))) {
                withSession.add(path);
            }
            if (page.statusCode() == 200 && page.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
                pages++;
                Matcher m = LINK.matcher(page.body());
                while (m.find()) {
                    queue.add(m.group(1).replace("&amp;", "&"));
                }
            }
        }
        for (String api : List.of("/api/plans/2018/scorecard", "/api/agencies", "/api/metrics", "/api/calendar/2018",
                "/open311/v2/services.json", "/api/3/action/package_search", "/v3/api-docs", "/actuator/health",
                "/api/cases", "/api/audit")) {
            HttpResponse<String> response = get(api, "Accept", "*/*");
            if (response.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("SESSION="))) {
                withSession.add(api);
            }
        }
        assertThat(pages).as("pages crawled").isGreaterThan(10);
        assertThat(withSession).as("anonymous reads that started a session").isEmpty();
        assertThat(jdbc.sql("select count(*) from spring_session").query(Long.class).single())
                .as("session rows").isLessThanOrEqualTo(sessionsBefore);
    }

    @Test
    void prometheusIsForAdministratorsAndTheMonitoringRoleOnly(@Autowired Accounts accounts,
                                                               @Autowired TransactionTemplate tx) throws Exception {
        tx.executeWithoutResult(s -> {
            if (jdbc.sql("select count(*) from org_user where username = 'prometheus.scraper'").query(Long.class)
                    .single() == 0) {
                accounts.create("prometheus.scraper", "Prometheus", null, "scraper-password-123", null,
                        EnumSet.of(Role.MONITORING), false);
            }
        });
        assertThat(get("/actuator/prometheus").statusCode()).as("anonymous").isEqualTo(401);
        assertThat(get("/actuator/prometheus", "Authorization", basic("officer", "demo1234")).statusCode())
                .as("an agency officer").isEqualTo(403);
        HttpResponse<String> admin = get("/actuator/prometheus", "Authorization", basic("admin", "demo1234"));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body()).contains("jvm_memory_used_bytes");
        HttpResponse<String> scraper = get("/actuator/prometheus", "Authorization",
                basic("prometheus.scraper", "scraper-password-123"));
        assertThat(scraper.statusCode()).isEqualTo(200);
        assertThat(scraper.body()).contains("jvm_memory_used_bytes");
        // The probes a load balancer calls stay public.
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}
