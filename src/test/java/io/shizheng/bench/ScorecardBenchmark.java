package io.shizheng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.LongSupplier;

import io.shizheng.plan.internal.ScorecardService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test -Dtest=ScorecardBenchmark}. Times the FY107 scorecard
 * (15 indicators, nine of them computed from a full-scale year of demo data: 765,000 calls, 1.7 million
 * documents, 300 projects ...) in the server and over HTTP, next to baselines measured in the same run: the one SQL query the
 * manual indicators need, and a static file served by the same server. Prints a Markdown table and writes it
 * to target/bench/scorecard.md. Asserts nothing about time.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shizheng.data-dir=target/bench-data", "shizheng.embedded-db.clean=true", "shizheng.demo.scale=1.0"})
class ScorecardBenchmark {

    private static final int WARMUP = Integer.getInteger("bench.warmup", 300);
    private static final int RUNS = Integer.getInteger("bench.runs", 1000);

    @LocalServerPort
    int port;

    @Autowired
    ScorecardService scorecards;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.util.List<io.shizheng.plan.MetricSource> metrics;

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
        for (io.shizheng.plan.MetricSource m : metrics) {
            // What one metric costs the scorecard: the year to date and twelve months, as the scorecard asks.
            row(out, "metric " + m.name() + " × 13 (year to date + 12 months)", () -> time(() -> {
                m.compute(new io.shizheng.plan.MetricQuery(java.time.LocalDate.of(2018, 1, 1), java.time.LocalDate.of(2018, 12, 31), null));
                for (int month = 1; month <= 12; month++) {
                    java.time.LocalDate from = java.time.LocalDate.of(2018, month, 1);
                    m.compute(new io.shizheng.plan.MetricQuery(from, from.plusMonths(1).minusDays(1), null));
                }
            }));
        }
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
