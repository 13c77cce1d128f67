package io.shizheng.documents.internal;

import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.shizheng.IntegrationTest;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.plan.MetricQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test -Dtest=DocumentsBenchmark}. On a database seeded with the
 * realistic demo year (1,500,000 documents, scale 1.0), it imports a 2,000,000-row CSV export over HTTP and again
 * unchanged, beside a plain COPY of the same file into a bare table; then times the city-wide monthly timeliness
 * report (service and HTTP) beside raw SQL of the same aggregate over the documents. Writes target/bench/documents.md.
 */
@Tag("bench")
@IntegrationTest
@TestPropertySource(properties = {"shizheng.demo.scale=${bench.documents.scale:1.0}",
        "logging.level.io.shizheng.documents.internal.DocumentImport=DEBUG"})
class DocumentsBenchmark {

    private static final int ROWS = Integer.getInteger("bench.documents.rows", 2_000_000);
    private static final int WARMUP = 50;
    private static final int RUNS = 200;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    AgencyDirectory agencies;

    @Autowired
    TimelinessReport report;

    @Autowired
    TimelinessMetric metric;

    private String bearer;

    @org.springframework.beans.factory.annotation.Value("${shizheng.demo.scale}")
    double scale;

    @Test
    void importAndReport() throws Exception {
        StringBuilder out = new StringBuilder();
        long seeded = jdbc.sql("select count(*) from documents_document where demo").query(Long.class).single();
        out.append("Database before the run: ").append(seeded).append(" demo documents (demo scale " + scale + ", generated at start-up with COPY).\n\n");

        Path file = Path.of("target/bench/documents-2m.csv");
        Files.createDirectories(file.getParent());
        long t0 = System.nanoTime();
        writeExport(file);
        long writeMs = (System.nanoTime() - t0) / 1_000_000;
        out.append("| step | rows | ms | rows/s |\n|---|---|---|---|\n");
        out.append(row("write the 2,000,000-row CSV export (test setup)", ROWS, writeMs));

        jdbc.sql("drop table if exists bench_copy").update();
        jdbc.sql("""
                create table bench_copy (doc_no text, agency text, unit text, type text, priority text, subject text,
                  received date, deadline date, closed date, extensions text, project_control text, overdue_reason text)""").update();
        t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin with (format csv, header true)", r);
        }
        long copyMs = (System.nanoTime() - t0) / 1_000_000;
        out.append(row("baseline: plain COPY of the file into a bare table (no checks, no indexes)", ROWS, copyMs));
        jdbc.sql("drop table bench_copy").update();

        t0 = System.nanoTime();
        String first = upload(file);
        long importMs = (System.nanoTime() - t0) / 1_000_000;
        out.append(row("POST /api/documents/import (text/csv body): check every row, deadlines, COPY to staging, upsert, extension log, daily counts", ROWS, importMs));
        t0 = System.nanoTime();
        String second = upload(file);
        long againMs = (System.nanoTime() - t0) / 1_000_000;
        out.append(row("the same file again (nightly re-push: every row unchanged)", ROWS, againMs));
        out.append("\nFirst import answered: `").append(first).append("`  \nSecond: `").append(second).append("`\n\n");

        long total = jdbc.sql("select count(*) from documents_document").query(Long.class).single();
        long march = jdbc.sql("select count(*) from documents_document where closed_on between '2018-03-01' and '2018-03-31'").query(Long.class).single();
        out.append("Documents after import: ").append(total).append("; closed in March 2018: ").append(march).append(".\n\n");

        // A personal API token, as a reporting script would use: no password hash per request.
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> issued = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rdec:demo1234".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        bearer = "Bearer " + io.shizheng.support.Json.parse(issued.body()).get("token").asString();
        YearMonth month = YearMonth.of(2018, 3);
        out.append("| city-wide monthly timeliness report, March 2018 | runs | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        out.append(timed("TimelinessReport.build (service: daily closure counts, per agency)", () -> report.build(month, io.shizheng.org.AgencyScope.city())));
        out.append(timed("GET /api/documents/reports/monthly?year=2018&month=3 over HTTP (JSON)", () -> get(http, "/api/documents/reports/monthly?year=2018&month=3")));
        out.append(timed("GET ...&format=ods over HTTP (the ODS file)", () -> get(http, "/api/documents/reports/monthly?year=2018&month=3&format=ods")));
        out.append(timed("baseline: raw SQL of the same aggregate over documents_document", () -> jdbc.sql("""
                select agency_id, count(*), count(*) filter (where on_time) from documents_document
                where closed_on between '2018-03-01' and '2018-03-31' and not project_control group by agency_id""").query().listOfRows()));
        out.append(timed("metric 1.3 compute, whole year 2018 (called 13 times per scorecard)",
                () -> metric.compute(new MetricQuery(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null))));
        out.append(timed("baseline: raw SQL of the year's on-time rate over documents_document", () -> jdbc.sql("""
                select count(*), count(*) filter (where on_time) from documents_document
                where closed_on between '2018-01-01' and '2018-12-31' and not project_control""").query().listOfRows()));
        out.append(timed("GET /api/plans/2018/scorecard over HTTP (indicator 1.3 from this module)", () -> get(http, "/api/plans/2018/scorecard")));

        String env = "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", embedded PostgreSQL 15";
        out.append("\n").append(env).append("\n");
        System.out.println("\n" + out);
        Path md = Path.of("target/bench/documents.md");
        Files.writeString(md, out.toString());
        Files.deleteIfExists(file);
    }

    private void writeExport(Path file) throws Exception {
        List<Agency> targets = agencies.all().stream().filter(a -> a.active()
                && (a.kind() == AgencyKind.FIRST_LEVEL || a.kind() == AgencyKind.DISTRICT_OFFICE)).toList();
        String[] units = {"秘書室", "綜合企劃科", "業務一科", "業務二科", "業務三科", "行政課", "民政課", "社會課"};
        String[] types = {"INCOMING", "INCOMING", "INCOMING", "OUTGOING", "OUTGOING", "PETITION", "APPLICATION"};
        String[] priorities = {"ORDINARY", "ORDINARY", "ORDINARY", "ORDINARY", "ORDINARY", "ORDINARY", "URGENT", "URGENT", "MOST_URGENT"};
        Random random = new Random(2_000_000);
        LocalDate start = LocalDate.of(2018, 1, 2);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(DocumentImportTest.HEADER);
            StringBuilder b = new StringBuilder(256);
            for (int i = 0; i < ROWS; i++) {
                Agency a = targets.get(random.nextInt(targets.size()));
                LocalDate received = start.plusDays(random.nextInt(355));
                LocalDate closed = received.plusDays(random.nextInt(100) < 3 ? 10 + random.nextInt(10) : random.nextInt(8));
                b.setLength(0);
                b.append("DMS-").append(a.code()).append('-').append(1_0700_00000L + i).append(',').append(a.code()).append(',')
                        .append(units[random.nextInt(units.length)]).append(',').append(types[random.nextInt(types.length)]).append(',')
                        .append(priorities[random.nextInt(priorities.length)]).append(",公文管理系統匯出,").append(received).append(',')
                        .append(random.nextInt(100) < 8 ? received.plusDays(7).toString() : "").append(',').append(closed).append(',')
                        .append(random.nextInt(100) < 3 ? "5;5" : "").append(",N,").append('\n');
                w.write(b.toString());
            }
        }
    }

    private String upload(Path file) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/documents/import?format=csv&name=dms-export-2m.csv"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rdec:demo1234".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("import answered " + r.statusCode() + ": " + r.body().substring(0, Math.min(2000, r.body().length())));
        }
        return r.body();
    }

    private void get(HttpClient http, String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Authorization", bearer).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String row(String what, long rows, long ms) {
        return "| %s | %,d | %,d | %,d |%n".formatted(what, rows, ms, ms == 0 ? 0 : rows * 1000 / ms);
    }

    private static String timed(String name, Runnable r) {
        LongSupplier sample = () -> {
            long t = System.nanoTime();
            r.run();
            return System.nanoTime() - t;
        };
        for (int i = 0; i < WARMUP; i++) {
            sample.getAsLong();
        }
        long[] t = new long[RUNS];
        for (int i = 0; i < RUNS; i++) {
            t[i] = sample.getAsLong();
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        return "| %s | %d | %.2f | %.2f | %.2f | %.2f |%n".formatted(name, RUNS, mean, t[RUNS / 2] / 1e6,
                t[(int) (RUNS * 0.95)] / 1e6, t[(int) (RUNS * 0.99)] / 1e6);
    }
}
