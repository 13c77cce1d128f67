package io.shizheng.callcenter.internal;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.LongSupplier;

import javax.sql.DataSource;

import io.shizheng.IntegrationTest;
import io.shizheng.plan.MetricQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test (call ids rise with time, like a PBX's unique ids): {@code ./mvnw -Pbench test -Dtest=CallImportBenchmark}. Writes a CSV of 1,000,000
 * call records, then times, in the same run and on the same database: PostgreSQL's own COPY of that file (into
 * a plain table, and into one with the call table's primary key and index), the importer (parse, validate,
 * COPY to staging, INSERT … ON CONFLICT, roll-ups) called in the server and over HTTP, a re-import of the same
 * file, and the service-level month queries against a raw aggregate over the calls. Prints a Markdown table
 * and writes it to target/bench/callcenter.md. Asserts nothing about time.
 */
@Tag("bench")
@IntegrationTest
class CallImportBenchmark {

    private static final int ROWS = 1_000_000;

    @LocalServerPort
    int port;

    @Autowired
    CallImporter importer;

    @Autowired
    CallStatistics stats;

    @Autowired
    CallMetrics.AnswerRate answerRate;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void importAgainstCopy() throws Exception {
        Path file = Path.of("target/bench/calls-1m.csv");
        Files.createDirectories(file.getParent());
        writeCsv(file);
        long bytes = Files.size(file);
        StringBuilder out = new StringBuilder();
        out.append("File: ").append(ROWS).append(" call records, ").append(bytes / 1_000_000).append(" MB CSV (year 2030)\n\n");
        out.append("| round | what | seconds | rows/s |\n|---|---|---|---|\n");
        jdbc.sql("create table if not exists bench_copy_plain (call_id text, queue text, language text, offered_at timestamptz, "
                + "answered_at timestamptz, abandoned_at timestamptz, handled_seconds int, agent text, survey_score smallint)").update();
        jdbc.sql("create table if not exists bench_copy_indexed (call_id varchar(64) collate \"C\" primary key, queue varchar(40), language varchar(20), "
                + "offered_at timestamptz, answered_at timestamptz, abandoned_at timestamptz, handled_seconds int, agent varchar(40), "
                + "survey_score smallint)").update();
        jdbc.sql("create index if not exists bench_copy_indexed_offered on bench_copy_indexed (offered_at)").update();
        for (int round = 1; round <= 2; round++) {
            jdbc.sql("truncate bench_copy_plain, bench_copy_indexed").update();
            jdbc.sql("delete from callcenter_call where call_id like 'B-%'").update();
            jdbc.sql("delete from callcenter_hourly where day >= '2030-01-01'").update();
            jdbc.sql("delete from callcenter_daily where day >= '2030-01-01'").update();
            jdbc.sql("vacuum full analyze callcenter_call").update();
            double plain = seconds(() -> copy(file, "bench_copy_plain"));
            row(out, round, "baseline: PostgreSQL COPY of the file (FORMAT csv) into a plain table", plain);
            double indexed = seconds(() -> copy(file, "bench_copy_indexed"));
            row(out, round, "baseline: COPY of the file into a table with the same primary key and index", indexed);
            double imported;
            if (round == 1) {
                imported = seconds(() -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        importer.importCsv(in, "bench.csv");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
                row(out, round, "CallImporter.importCsv (server): parse, validate, COPY to staging, INSERT ON CONFLICT, roll-ups", imported);
            } else {
                imported = seconds(() -> post(file));
                row(out, round, "POST /api/callcenter/imports over HTTP (loopback), same work", imported);
            }
            out.append("| %d | **import / plain COPY speed** | %.2f | |%n".formatted(round, plain / imported));
            out.append("| %d | **import / indexed COPY speed** | %.2f | |%n".formatted(round, indexed / imported));
            double again = seconds(() -> post(file));
            row(out, round, "re-import of the same file over HTTP (adds nothing)", again);
        }
        long stored = jdbc.sql("select count(*) from callcenter_call where call_id like 'B-%'").query(Long.class).single();
        out.append("\nStored after both rounds: ").append(stored).append(" bench calls (each imported once).\n\n");

        out.append("| query | runs | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        LocalDate from = LocalDate.of(2030, 6, 1);
        LocalDate to = LocalDate.of(2030, 6, 30);
        timed(out, "service level of a month, total (roll-up)", () -> stats.total(from, to, null, null));
        timed(out, "service level of a month by day (roll-up)", () -> stats.by(CallStatistics.Grouping.DAY, from, to, null, null));
        timed(out, "service level of a month by hour (roll-up, 720 rows)", () -> stats.by(CallStatistics.Grouping.HOUR, from, to, null, null));
        timed(out, "service level of a year by month (roll-up)", () -> stats.by(CallStatistics.Grouping.MONTH,
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), null, null));
        timed(out, "metric 2.3 compute, year to date (scorecard call)", () -> answerRate.compute(new MetricQuery(
                LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), null)));
        timed(out, "baseline: the same month aggregated straight from the 1M call records", () -> jdbc.sql("""
                select count(*), count(*) filter (where answered_at is not null and wait_seconds <= 20),
                  count(*) filter (where abandoned_at is not null and wait_seconds < 5) from callcenter_call
                where offered_at >= '2030-06-01T00:00:00+08' and offered_at < '2030-07-01T00:00:00+08'""").query().singleRow());
        String env = "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", embedded PostgreSQL "
                + jdbc.sql("show server_version").query(String.class).single();
        out.append("\n").append(env).append("\n");
        System.out.println("\n" + out);
        Files.writeString(Path.of("target/bench/callcenter.md"), out.toString());
    }

    private static void writeCsv(Path file) throws Exception {
        DemoCalls calls = new DemoCalls(2030, ROWS + ROWS / 50, 120);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
        ZoneOffset taipei = ZoneOffset.ofHours(8);
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CallCsvFormat.HEADER);
            w.write('\n');
            long n = 0;
            while (calls.hasNext() && n < ROWS) {
                CallRecord r = calls.next();
                n++;
                // Like a PBX's unique id (offer time in seconds, then a sequence): rising, as telephone systems issue them.
                w.write("B-" + r.offered() + "." + n);
                w.write(',');
                w.write(r.queue());
                w.write(',');
                w.write(r.language());
                w.write(',');
                w.write(f.format(LocalDateTime.ofEpochSecond(r.offered(), 0, taipei)));
                w.write(',');
                if (r.isAnswered()) {
                    w.write(f.format(LocalDateTime.ofEpochSecond(r.answered(), 0, taipei)));
                    w.write(",,");
                    w.write(Integer.toString(r.handled()));
                    w.write(',');
                    w.write(r.agent());
                    w.write(',');
                    if (r.survey() > 0) {
                        w.write(Integer.toString(r.survey()));
                    }
                } else {
                    w.write(',');
                    w.write(f.format(LocalDateTime.ofEpochSecond(r.abandoned(), 0, taipei)));
                    w.write(",,,");
                }
                w.write('\n');
            }
        }
    }

    private void copy(Path file, String table) {
        try (Connection c = dataSource.getConnection(); InputStream in = Files.newInputStream(file)) {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + table
                    + " (call_id, queue, language, offered_at, answered_at, abandoned_at, handled_seconds, agent, survey_score)"
                    + " from stdin (format csv, header true)", in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void post(Path file) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                            + "/api/callcenter/imports?fileName=bench.csv"))
                    .header("Content-Type", "text/csv")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("rdec:demo1234".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.statusCode() + " " + r.body());
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static double seconds(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return (System.nanoTime() - t) / 1e9;
    }

    private static void row(StringBuilder out, int round, String what, double seconds) {
        out.append("| %d | %s | %.2f | %,.0f |%n".formatted(round, what, seconds, ROWS / seconds));
    }

    private static void timed(StringBuilder out, String name, Runnable r) {
        int warmup = 50;
        int runs = 300;
        for (int i = 0; i < warmup; i++) {
            r.run();
        }
        long[] t = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            r.run();
            t[i] = System.nanoTime() - s;
        }
        Arrays.sort(t);
        double mean = Arrays.stream(t).average().orElse(0) / 1e6;
        out.append("| %s | %d | %.2f | %.2f | %.2f | %.2f |%n".formatted(name, runs, mean, t[runs / 2] / 1e6,
                t[(int) (runs * 0.95)] / 1e6, t[(int) (runs * 0.99)] / 1e6));
    }
}
