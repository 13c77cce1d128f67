package io.shizheng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

import io.shizheng.IntegrationTest;
import io.shizheng.plan.internal.ScorecardService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test}. Times the FY107 scorecard (15 indicators, a year of
 * demo data) in the server and over HTTP, next to baselines measured in the same run: the one SQL query the
 * manual indicators need, and a static file served by the same server. Prints a Markdown table and writes it
 * to target/bench/scorecard.md. Asserts nothing about time.
 */
@Tag("bench")
@IntegrationTest
class ScorecardBenchmark {

    private static final int WARMUP = 300;
    private static final int RUNS = 1000;

    @LocalServerPort
    int port;

    @Autowired
    ScorecardService scorecards;

    @Autowired
    JdbcClient jdbc;

    @Test
    void scorecard() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        LongSupplier service = () -> time(() -> scorecards.compute(2018, null));
        LongSupplier serviceMonth = () -> time(() -> scorecards.compute(2018, 6));
        LongSupplier sql = () -> time(() -> jdbc.sql("""
                select i.code, extract(month from v.period_month)::int, v.value from plan_manual_value v
                join plan_indicator i on i.id = v.indicator_id join plan_plan p on p.id = i.plan_id
                where p.year = 2018 and v.status = 'APPROVED'""").query().listOfRows());
        LongSupplier httpScorecard = () -> time(() -> get(http, "/api/plans/2018/scorecard"));
        LongSupplier httpStatic = () -> time(() -> get(http, "/css/shizheng.css"));

        StringBuilder out = new StringBuilder();
        out.append("| what | runs | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        row(out, "ScorecardService.compute(2018) — 15 indicators, full year (server time)", service);
        row(out, "ScorecardService.compute(2018, month 6)", serviceMonth);
        row(out, "baseline: the one SQL query of approved manual values", sql);
        row(out, "GET /api/plans/2018/scorecard over HTTP (loopback)", httpScorecard);
        row(out, "baseline: GET /css/shizheng.css, static file, same server", httpStatic);
        String env = "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
        out.append("\n").append(env).append("\n");
        System.out.println("\n" + out);
        Path file = Path.of("target/bench/scorecard.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private void get(HttpClient http, String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static void row(StringBuilder out, String name, LongSupplier sample) {
        for (int i = 0; i < WARMUP; i++) {
            sample.getAsLong();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            t[i] = sample.getAsLong();
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        out.append("| %s | %d | %.2f | %.2f | %.2f | %.2f |%n".formatted(name, RUNS, mean, t[RUNS / 2] / 1e6,
                t[(int) (RUNS * 0.95)] / 1e6, t[(int) (RUNS * 0.99)] / 1e6));
    }
}
