package io.shizheng.opendata.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test -Dtest=OpendataBenchmark}. (1) package_search over
 * 10,000 datasets through HTTP, p50/p95/p99, beside a SQL LIKE query on the same table and a static file from the
 * same server; (2) CSV → JSON conversion throughput on a 512 MB generated file (third of three runs, after JIT warm-up),
 * beside a plain file copy of it.
 * Prints a Markdown table and writes target/bench/opendata.md. Asserts nothing about time.
 */
@Tag("bench")
@IntegrationTest
class OpendataBenchmark {

    static final int DATASETS = 10_000;
    static final String[] WORDS = {"公車", "路線", "空氣品質", "監測站", "停車場", "圖書館", "資源回收", "醫療院所", "藥局",
            "學校", "幼兒園", "觀光景點", "旅宿", "消防栓", "監視器", "避難", "人口", "預算", "就業", "市場", "自行車", "抽水站"};
    static final String[] QUERIES = {"公車", "空氣品質", "停車場", "圖書館", "bus", "公車 路線", "", "醫療院所", "消防栓", "人口"};

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate template;
    @Autowired SearchIndex index;

    @Test
    void searchAndConversion() throws Exception {
        seed();
        StringBuilder out = new StringBuilder();
        long total = jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single();
        out.append("### package_search over ").append(total).append(" datasets\n\n")
                .append("| what | runs | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        HttpClient http = HttpClient.newHttpClient();
        int[] i = {0};
        row(out, "GET /api/3/action/package_search?q=…&rows=10 + 6 facets (HTTP, loopback)", 2000, () -> get(http,
                "/api/3/action/package_search?rows=10&facet.field=" + Ckan.enc("[\"organization\",\"groups\",\"tags\",\"res_format\",\"license_id\",\"quality_level\"]")
                        + "&q=" + Ckan.enc(QUERIES[i[0]++ % QUERIES.length])));
        row(out, "GET /api/3/action/package_search?q=…&rows=10, no facets", 2000, () -> get(http,
                "/api/3/action/package_search?rows=10&q=" + Ckan.enc(QUERIES[i[0]++ % QUERIES.length])));
        row(out, "baseline: SQL title ILIKE '%word%' count + first 10 (no facets, no ranking)", 2000, () -> {
            String w = "%" + WORDS[i[0]++ % WORDS.length] + "%";
            jdbc.sql("select count(*) from opendata_dataset where title ilike ? or notes ilike ?").params(w, w).query(Long.class).single();
            jdbc.sql("select * from opendata_dataset where title ilike ? or notes ilike ? order by modified_at desc limit 10")
                    .params(w, w).query().listOfRows();
        });
        row(out, "baseline: GET /css/shizheng.css, static file, same server", 2000, () -> get(http, "/css/shizheng.css"));

        Path dir = Files.createDirectories(Path.of("target", "bench"));
        Path csv = dir.resolve("generated.csv");
        long size = 512L << 20;
        try (InputStream in = new GeneratedCsv(size)) {
            Files.copy(in, csv, StandardCopyOption.REPLACE_EXISTING);
        }
        long bytes = Files.size(csv);
        out.append("\n### CSV → JSON on a ").append(bytes >> 20).append(" MB generated CSV (quoted commas, quoted newlines, Chinese)\n\n")
                .append("| what | seconds | MB/s (input) | heap used after, MB |\n|---|---|---|---|\n");
        for (int run = 0; run < 3; run++) {
            Path copy = dir.resolve("copy.csv");
            long t0 = System.nanoTime();
            Files.copy(csv, copy, StandardCopyOption.REPLACE_EXISTING);
            double copySeconds = (System.nanoTime() - t0) / 1e9;
            Path json = dir.resolve("generated.json");
            t0 = System.nanoTime();
            try (InputStream in = new BufferedInputStream(Files.newInputStream(csv), 1 << 16);
                 OutputStream o = new BufferedOutputStream(Files.newOutputStream(json), 1 << 16)) {
                Conversion.convert(in, "CSV", "JSON", o);
            }
            double convSeconds = (System.nanoTime() - t0) / 1e9;
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
            if (run == 2) {
                out.append(String.format("| baseline: Files.copy of the CSV | %.2f | %.0f | |%n", copySeconds, bytes / 1e6 / copySeconds));
                out.append(String.format("| Conversion.convert CSV → JSON (file to file, %d MB out) | %.2f | %.0f | %d |%n",
                        Files.size(json) >> 20, convSeconds, bytes / 1e6 / convSeconds, heap));
            }
            Files.deleteIfExists(copy);
            Files.deleteIfExists(json);
        }
        Files.deleteIfExists(csv);
        String env = "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, max heap " + (Runtime.getRuntime().maxMemory() >> 20) + " MB, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", load average at the end: "
                + Files.readString(Path.of("/proc/loadavg")).strip();
        out.append("\n").append(env).append("\n");
        System.out.println("\n" + out);
        Files.writeString(dir.resolve("opendata.md"), out.toString());
        jdbc.sql("delete from opendata_dataset where name like 'bench-%'").update();
        index.rebuild();
    }

    private void seed() {
        long existing = jdbc.sql("select count(*) from opendata_dataset").query(Long.class).single();
        int needed = (int) Math.max(0, DATASETS - existing);
        List<Long> agencies = jdbc.sql("select id from org_agency where kind = 'FIRST_LEVEL'").query(Long.class).list();
        Random random = new Random(10_000);
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < needed; k++) {
            String a = WORDS[random.nextInt(WORDS.length)];
            String b = WORDS[random.nextInt(WORDS.length)];
            rows.add(new Object[] {String.format("bench-%05d", k), "臺中市" + a + b + "資料（" + k + "）",
                    a + "與" + b + "的開放資料，bench dataset " + k, agencies.get(random.nextInt(agencies.size())),
                    random.nextInt(3) == 0 ? "silver" : "gold"});
        }
        template.batchUpdate("""
                insert into opendata_dataset (name, title, notes, agency_id, state, first_published_at, published_at,
                  quality_level, demo) values (?, ?, ?, ?, 'published', now(), now(), ?, false)""", rows);
        template.update("""
                insert into opendata_dataset_tag (dataset_id, tag) select id, substr(title, 4, 2) from opendata_dataset
                where name like 'bench-%' on conflict do nothing""");
        template.update("""
                insert into opendata_resource (dataset_id, name, kind, url, format, demo)
                select id, 'data.csv', 'url', 'http://127.0.0.1/data.csv', 'CSV', true from opendata_dataset where name like 'bench-%'""");
        index.rebuild();
    }

    private void get(HttpClient http, String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + r.statusCode() + new String(r.body(), StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void row(StringBuilder out, String what, int runs, Runnable work) {
        for (int w = 0; w < runs / 4; w++) {
            work.run();
        }
        long[] ns = new long[runs];
        for (int k = 0; k < runs; k++) {
            long t0 = System.nanoTime();
            work.run();
            ns[k] = System.nanoTime() - t0;
        }
        Arrays.sort(ns);
        double mean = Arrays.stream(ns).average().orElse(0) / 1e6;
        out.append(String.format("| %s | %d | %.2f | %.2f | %.2f | %.2f |%n", what, runs, mean, ns[runs / 2] / 1e6,
                ns[(int) (runs * 0.95)] / 1e6, ns[(int) (runs * 0.99)] / 1e6));
    }
}
