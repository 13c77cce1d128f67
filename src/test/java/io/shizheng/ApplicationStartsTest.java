package io.shizheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class ApplicationStartsTest {

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsUpAndPrometheusServesMetrics() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        // Metrics are for administrators and the monitoring role (WebSecurityTest), not the public.
        HttpResponse<String> prom = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:demo1234".getBytes()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(prom.statusCode()).isEqualTo(200);
        assertThat(prom.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void homePageShowsDemoBanner() throws Exception {
        HttpResponse<String> home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("示範資料");
    }
}
