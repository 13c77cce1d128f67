package io.shizheng.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test -Dtest=CasesOpen311Benchmark}. Stores 1,000,000 cases
 * (45 % of them public city reports, spread over the last year), then times {@code GET /open311/v2/requests.json}
 * sequentially and under an open-loop load of 200 requests per second (latency counted from the moment each
 * request was due, so a slow server cannot hide its queue), next to baselines from the same run: the same SQL
 * query straight on the database, and a static file from the same server at the same rate. Writes
 * target/bench/cases.md. Asserts nothing about time.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shizheng.data-dir=target/bench-cases", "shizheng.embedded-db.clean=true", "shizheng.demo.scale=0.02"})
class CasesOpen311Benchmark {

    private static final int CASES = 1_000_000;
    private static final int RATE = 200;
    private static final int LOAD_SECONDS = 30;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void open311RequestsAtOneMillionCases() throws Exception {
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into cases_case (id, case_no, verify_code, type, channel, category_code, description, lon, lat, address,
                  district_code, district_name, village_code, village_name, reply_by, agency_id, status, received_at, received_on,
                  due_on, closed_at, reply, closing_category, token, attributes, updated_at, demo)
                select nextval('cases_case_id_seq'), 'B' || lpad(g::text, 13, '0'), '000000',
                  case when g % 20 < 9 then 'REPORT' when g % 20 < 14 then 'PETITION' else 'ENQUIRY' end,
                  case when g % 3 = 0 then 'OPEN311' else 'PHONE' end,
                  (array['STREETLIGHT','POTHOLE','PARKING','NOISE','LITTER','DRAIN','SIGNAL','TREE'])[1 + g % 8],
                  '臺中市西屯區台灣大道' || (g % 800) || '號前路燈不亮，晚上很暗，請儘速修復。（基準測試資料 / benchmark row）',
                  120.55 + (g % 1000) * 0.0002, 24.10 + ((g / 1000) % 1000) * 0.0002, '臺中市西屯區台灣大道' || (g % 800) || '號',
                  '66000060', '西屯區', '6600006001', '某里', 'NONE', (select id from org_agency where code = 'CONST'),
                  case when g < 20000 then 'OPEN' else 'CLOSED' end,
                  now() - g * interval '31 seconds', (now() - g * interval '31 seconds')::date,
                  (now() - g * interval '31 seconds')::date + 8,
                  case when g < 20000 then null else now() - g * interval '31 seconds' + interval '3 days' end,
                  case when g < 20000 then null else '經派員查修，路燈已恢復正常照明。' end,
                  case when g < 20000 then null else 'RESOLVED' end,
                  'bench-' || g, '{}', now() - g * interval '31 seconds', true
                from generate_series(1, ?) g""").param(CASES).update();
        jdbc.sql("analyze cases_case").update();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long total = jdbc.sql("select count(*) from cases_case").query(Long.class).single();
        long window = jdbc.sql("select count(*) from cases_case where type = 'REPORT' and received_at >= now() - interval '90 days'")
                .query(Long.class).single();

        String sql = "select c.* from cases_case c where c.type = 'REPORT' and c.received_at >= now() - interval '90 days' "
                + "and c.received_at <= now() order by c.received_at desc, c.id desc limit ";
        StringBuilder out = new StringBuilder();
        out.append("Stored: %,d cases (%,d public reports in the default 90-day window), generated with one INSERT … SELECT in %.1f s.%n%n"
                .formatted(total, window, loadSeconds));
        out.append("### Sequential (one client, loopback)\n\n| what | runs | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        row(out, "baseline: the same SQL, 100 rows, JdbcClient", 300, 1000, () -> time(() -> jdbc.sql(sql + "100").query().listOfRows()));
        row(out, "GET /open311/v2/requests.json (default: 90 days, newest 100)", 300, 1000, () -> time(() -> get("/open311/v2/requests.json")));
        row(out, "baseline: the same SQL, 1000 rows", 100, 300, () -> time(() -> jdbc.sql(sql + "1000").query().listOfRows()));
        row(out, "GET /open311/v2/requests.json?page_size=1000", 100, 300, () -> time(() -> get("/open311/v2/requests.json?page_size=1000")));
        row(out, "GET /open311/v2/requests.xml (default)", 100, 500, () -> time(() -> get("/open311/v2/requests.xml")));
        row(out, "GET /open311/v2/requests.json?service_code=NOISE&status=open", 100, 500,
                () -> time(() -> get("/open311/v2/requests.json?service_code=NOISE&status=open")));
        row(out, "GET /open311/v2/requests/{id}.json", 100, 1000, () -> time(() -> get("/open311/v2/requests/B0000000004321.json")));
        row(out, "baseline: GET /css/shizheng.css (static file, same server)", 300, 1000, () -> time(() -> get("/css/shizheng.css")));

        out.append("\n### Open loop, %d requests per second for %d s (latency from the time each request was due)\n\n".formatted(RATE, LOAD_SECONDS));
        out.append("| what | requests | errors | mean ms | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|---|---|---|\n");
        load(out, "baseline: GET /css/shizheng.css", "/css/shizheng.css", LOAD_SECONDS);
        load(out, "GET /open311/v2/requests.json (default)", "/open311/v2/requests.json", LOAD_SECONDS);
        load(out, "GET /open311/v2/requests.json?page_size=1000 (10 s)", "/open311/v2/requests.json?page_size=1000", 10);

        String env = "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + ", embedded PostgreSQL 15, client and server in the same JVM";
        out.append("\n").append(env).append("; system load average (1 min) at the end: ")
                .append(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()).append("\n");
        System.out.println("\n" + out);
        Path file = Path.of("target/bench/cases.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private void load(StringBuilder out, String name, String path, int seconds) throws Exception {
        // warm up at the same rate for 5 s, then measure
        runAtRate(path, 5);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicInteger errors = new AtomicInteger();
        List<CompletableFuture<?>> pending = runAtRate(path, seconds, latencies, errors);
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(180, TimeUnit.SECONDS);
        long[] t = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = t.length;
        out.append("| %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f |%n".formatted(name, n, errors.get(),
                Arrays.stream(t).average().orElse(0) / 1e6, t[n / 2] / 1e6, t[(int) (n * 0.95)] / 1e6, t[(int) (n * 0.99)] / 1e6,
                t[n - 1] / 1e6));
    }

    private void runAtRate(String path, int seconds) throws Exception {
        List<CompletableFuture<?>> pending = runAtRate(path, seconds, new ConcurrentLinkedQueue<>(), new AtomicInteger());
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    private List<CompletableFuture<?>> runAtRate(String path, int seconds, ConcurrentLinkedQueue<Long> latencies, AtomicInteger errors)
            throws InterruptedException {
        int count = RATE * seconds;
        long interval = 1_000_000_000L / RATE;
        List<CompletableFuture<?>> pending = new java.util.concurrent.CopyOnWriteArrayList<>();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        AtomicInteger sent = new AtomicInteger();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30)).build();
        timer.scheduleAtFixedRate(() -> {
            int i = sent.getAndIncrement();
            if (i >= count) {
                return;
            }
            long due = start + i * interval;
            pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).handle((r, e) -> {
                if (e != null || r.statusCode() != 200) {
                    errors.incrementAndGet();
                } else {
                    latencies.add(System.nanoTime() - due);
                }
                return null;
            }));
        }, 0, interval, TimeUnit.NANOSECONDS);
        while (sent.get() < count) {
            Thread.sleep(50);
        }
        timer.shutdownNow();
        return pending;
    }

    private void get(String path) {
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

    private static void row(StringBuilder out, String name, int warmup, int runs, LongSupplier sample) {
        for (int i = 0; i < warmup; i++) {
            sample.getAsLong();
        }
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            t[i] = sample.getAsLong();
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        out.append("| %s | %d | %.2f | %.2f | %.2f | %.2f |%n".formatted(name, runs, mean, t[runs / 2] / 1e6,
                t[(int) (runs * 0.95)] / 1e6, t[(int) (runs * 0.99)] / 1e6));
    }
}
