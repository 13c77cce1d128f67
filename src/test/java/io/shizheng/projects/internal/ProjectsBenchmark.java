package io.shizheng.projects.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.function.LongSupplier;

import io.shizheng.IntegrationTest;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.MetricQuery;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test -Dtest=ProjectsBenchmark}. Loads 10,000 projects with 60
 * monthly plan points and 60 reports each (600,000 reports) next to the demo data, then times the portfolio
 * dashboard (both tallies), the indicator 1.1 metric (year, one month, one agency) and the dashboard over HTTP,
 * each beside the same aggregate as one raw SQL query in the same run. Writes target/bench/projects.md.
 */
@Tag("bench")
@IntegrationTest
class ProjectsBenchmark {

    private static final int PROJECTS = 10_000;
    private static final int WARMUP = 200;
    private static final int RUNS = 500;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Portfolio portfolio;

    @Autowired
    OnTimeClosureMetric metric;

    @Autowired
    AgencyDirectory agencies;

    @Test
    void portfolioAndMetric() throws Exception {
        long load = System.nanoTime();
        Long[] agencyIds = agencies.firstLevel().stream().map(a -> a.id()).toArray(Long[]::new);
        jdbc.sql("""
                insert into projects_project (code, name, agency_id, control_level, category, district_code, district_name,
                  start_date, planned_end, due_date, total_budget, annual_budget, status, closed_on, light, planned_pct, actual_pct,
                  spending, allocation, last_month)
                select 'BENCH-' || g, '效能測試案件 ' || g, (?::bigint[])[1 + g % array_length(?::bigint[], 1)],
                  (array['EXECUTIVE_YUAN','MINISTRY','CITY','SELF'])[1 + g % 4], 'CONSTRUCTION', 'D' || (g % 29), '第' || (g % 29) || '區',
                  date '2014-01-01' + (g % 365), date '2018-12-31' - (g % 700), date '2018-12-31' - (g % 700) + (g % 3) * 30,
                  1000 + g * 7, 500 + g * 3, case when g % 10 < 7 then 'CLOSED' else 'ACTIVE' end,
                  case when g % 10 < 7 then date '2018-12-31' - (g % 700) - 20 + (g % 5) * 10 end,
                  (array['GREEN','GREEN','GREEN','YELLOW','RED'])[1 + g % 5], 80, 75, 900, 1000, date '2018-12-01'
                from generate_series(1, ?) g""")
                .params(agencyIds, agencyIds, PROJECTS).update();
        jdbc.sql("""
                insert into projects_plan_month (project_id, month, planned_pct, allocation)
                select p.id, date '2014-01-01' + make_interval(months => m), least(100, m * 100.0 / 59), p.total_budget * least(1, m / 59.0)
                from projects_project p, generate_series(0, 59) m where p.code like 'BENCH-%'""").update();
        jdbc.sql("""
                insert into projects_report (project_id, month, actual_pct, spending, status, submitted_by, submitted_at)
                select p.id, date '2014-01-01' + make_interval(months => m), least(100, m * 98.0 / 59), p.total_budget * least(1, m / 62.0),
                  'ACCEPTED', 'bench', now()
                from projects_project p, generate_series(0, 59) m where p.code like 'BENCH-%'""").update();
        jdbc.sql("analyze").update();
        double loadSeconds = (System.nanoTime() - load) / 1e9;
        long reports = jdbc.sql("select count(*) from projects_report").query(Long.class).single();
        long projects = jdbc.sql("select count(*) from projects_project").query(Long.class).single();

        ShizhengUser rdec = new ShizhengUser(0, "bench", "bench", null, null, java.util.Set.of(Role.RDEC_STAFF), true, false);
        ProjectStore.Filter year = portfolio.filter(rdec, 2018, null, null, null, null, null);
        long construction = agencies.findByCode("CONST").orElseThrow().id();
        MetricQuery fy = new MetricQuery(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), null);
        MetricQuery june = new MetricQuery(LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 30), null);
        MetricQuery agency = new MetricQuery(LocalDate.of(2018, 1, 1), LocalDate.of(2018, 12, 31), construction);
        HttpClient http = HttpClient.newHttpClient();
        // an API token, as a script would use: Basic auth would time BCrypt on every request, not the dashboard
        String token = io.shizheng.support.Json.parse(io.shizheng.support.Http.as(port, "rdec")
                .post("/api/account/tokens", "{\"name\":\"bench\"}").body()).get("token").asString();
        String auth = "Bearer " + token;

        StringBuilder out = new StringBuilder();
        out.append("Data: ").append(projects).append(" projects (").append(PROJECTS).append(" generated + demo), ")
                .append(reports).append(" monthly reports; loaded in ").append("%.1f".formatted(loadSeconds)).append(" s.\n\n");
        out.append("| what | runs | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|---|\n");
        row(out, "Portfolio.dashboard(year 2018): counts by light, by agency and by district (2 queries + mapping)",
                () -> time(() -> portfolio.dashboard(year)));
        row(out, "baseline: the by-agency tally as one raw SQL query", () -> time(() -> jdbc.sql("""
                select agency_id, count(*) filter (where status = 'ACTIVE' and light = 'GREEN'),
                  count(*) filter (where status = 'ACTIVE' and light = 'YELLOW'), count(*) filter (where status = 'ACTIVE' and light = 'RED'),
                  count(*) filter (where status = 'CLOSED'), sum(total_budget)
                from projects_project where start_date <= date '2018-12-31' and (closed_on is null or closed_on >= date '2018-01-01')
                group by agency_id""").query().listOfRows()));
        row(out, "baseline: the same tally recomputed from the latest report of each project (no denormalised columns)",
                () -> time(() -> jdbc.sql("""
                select p.agency_id, count(*) filter (where r.actual_pct < 90), count(*)
                from projects_project p join lateral (select actual_pct from projects_report r where r.project_id = p.id
                  order by month desc limit 1) r on true
                where p.start_date <= date '2018-12-31' and (p.closed_on is null or p.closed_on >= date '2018-01-01')
                group by p.agency_id""").query().listOfRows()));
        row(out, "OnTimeClosureMetric.compute(FY 2018, city-wide)", () -> time(() -> metric.compute(fy)));
        row(out, "OnTimeClosureMetric.compute(June 2018, city-wide)", () -> time(() -> metric.compute(june)));
        row(out, "OnTimeClosureMetric.compute(FY 2018, 建設局)", () -> time(() -> metric.compute(agency)));
        row(out, "baseline: the metric's aggregate as one raw SQL query (FY 2018)", () -> time(() -> jdbc.sql("""
                select count(*) filter (where closed_on <= due_date), count(*) from projects_project
                where due_date between date '2018-01-01' and date '2018-12-31'""").query().singleRow()));
        row(out, "OnTimeClosureMetric.evidence(FY 2018): the drill-down rows", () -> time(() -> metric.evidence(fy)));
        row(out, "GET /api/projects/dashboard?year=2018 over HTTP (loopback, API token)", () -> time(() -> get(http, auth,
                "/api/projects/dashboard?year=2018")));
        row(out, "GET /api/projects?year=2018&light=RED&size=50 over HTTP", () -> time(() -> get(http, auth,
                "/api/projects?year=2018&light=RED&size=50")));
        String env = "Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", embedded PostgreSQL 15";
        out.append("\n").append(env).append("\n");
        System.out.println("\n" + out);
        Path file = Path.of("target/bench/projects.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private void get(HttpClient http, String auth, String path) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", auth).header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofByteArray());
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
