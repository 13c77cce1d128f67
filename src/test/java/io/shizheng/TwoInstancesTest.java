package io.shizheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.shizheng.support.ChildApplication;
import io.shizheng.support.Json;
import io.shizheng.support.ServerDatabase;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Two application instances on one fresh PostgreSQL database, as behind a load balancer: they migrate and seed it
 * once although they start together, a session made on one is valid on the other, an Idempotency-Key holds across
 * them, and every scheduled job runs once per period although instance B's clock runs 3 s behind A's. Runs in
 * CI's server half (SPRING_DATASOURCE_URL set), where a server can hold a database of its own.
 */
@EnabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+")
class TwoInstancesTest {

    private static final String DB = "shizheng_two_instances";
    private static final Path LOGS = Path.of("target/two-instances").toAbsolutePath();
    /** Each cron job's schedule property; in this test they fire every 10 s. */
    private static final Map<String, String> CRON_JOBS = Map.of(
            "projects.reminders", "shizheng.projects.reminder-cron",
            "cases.overdue-escalation", "shizheng.cases.escalation.cron",
            "opendata.quality", "shizheng.opendata.quality-cron",
            "platform.login-throttle-prune", "shizheng.security.login.prune-cron",
            "servicequality.monthly-round", "shizheng.servicequality.monthly-round.cron");
    /** Each fixed-delay job's interval property; in this test every 2 s (the harvest after 1 s, not 2 min). */
    private static final Map<String, String> FIXED_DELAY_JOBS = Map.of(
            "platform.outbox", "shizheng.mail.dispatch-interval",
            "platform.audit-seal", "shizheng.audit.seal-interval",
            "opendata.harvest", "shizheng.opendata.harvest.interval",
            "platform.event-publications", "shizheng.events.retry-every",
            "platform.interrupted-runs", "shizheng.imports.sweep-every");
    private static final Duration OBSERVED = Duration.ofSeconds(40);
    private static final Pattern LOCK_LINE = Pattern.compile(
            "^(\\S+)\\s+DEBUG .*DefaultLockingTaskExecutor\\s*: (Locked|Task finished, lock) '([^']+)'.*");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void twoInstancesOnOneDatabaseBehaveAsOne() throws Exception {
        assertThat(scheduledJobs()).as("every scheduled job has its schedule set in this test")
                .isEqualTo(union(CRON_JOBS.keySet(), FIXED_DELAY_JOBS.keySet()));
        ServerDatabase server = ServerDatabase.fromEnvironment().orElseThrow();
        server.recreate(DB);
        Files.createDirectories(LOGS);
        Path logA = LOGS.resolve("a.log");
        Path logB = LOGS.resolve("b.log");
        Files.deleteIfExists(logA);
        Files.deleteIfExists(logB);
        try (ChildApplication a = ChildApplication.start(logA, server.environment(DB), args("*/10 * * * * *"));
             ChildApplication b = ChildApplication.start(logB, server.environment(DB), args("3/10 * * * * *"))) {
            a.awaitHealthy();
            b.awaitHealthy();
            Instant bothUp = Instant.now();

            migratedAndSeededOnce(server, logA, logB);
            aSessionFromOneIsValidOnTheOther(a, b);
            anIdempotencyKeyHoldsAcrossThem(server, a, b);

            ChildApplication.sleep(Duration.between(Instant.now(), bothUp.plus(OBSERVED)));
            Instant end = Instant.now();
            eachJobRanOncePerPeriod(bothUp, end, logA, logB);
            theMonthsTestRoundWasPlannedOnce(server);
        } finally {
            server.drop(DB);
        }
    }

    private static String[] args(String cron) {
        List<String> args = new ArrayList<>(List.of("--shizheng.demo.scale=0.02",
                "--shizheng.scheduling.lock-at-least-for=PT6S", "--shizheng.opendata.harvest.initial-delay=PT1S",
                "--shizheng.events.retry-initial-delay=PT1S",
                "--logging.level.net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor=DEBUG"));
        CRON_JOBS.values().forEach(p -> args.add("--" + p + "=" + cron));
        FIXED_DELAY_JOBS.values().forEach(p -> args.add("--" + p + "=PT2S"));
        return args.toArray(String[]::new);
    }

    private void migratedAndSeededOnce(ServerDatabase server, Path logA, Path logB) throws Exception {
        try (Connection c = server.connect(DB); Statement s = c.createStatement()) {
            assertThat(rows(s, "select version from flyway_schema_history where version is not null "
                    + "group by version having count(*) > 1 or bool_or(not success)")).as("migrations applied twice or failed")
                    .isEmpty();
            assertThat(rows(s, "select username from org_user group by username having count(*) > 1")).isEmpty();
            assertThat(rows(s, "select count(*) from plan_indicator")).containsExactly("15");
        }
        // Each demo seeder logs "Seeded ..." when it seeds; it must have seeded on one instance only.
        Set<String> seededByA = seeders(logA);
        Set<String> seededByB = seeders(logB);
        assertThat(union(seededByA, seededByB)).as("demo seeders that ran").hasSizeGreaterThan(5);
        Set<String> onBoth = new HashSet<>(seededByA);
        onBoth.retainAll(seededByB);
        assertThat(onBoth).as("seeders that ran on both instances (A: %s, B: %s)", seededByA, seededByB).isEmpty();
    }

    private static Set<String> seeders(Path log) throws Exception {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.contains(" : Seeded ")).map(l -> l.substring(0, l.indexOf(" : Seeded ")).trim())
                    .map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
        }
    }

    private void aSessionFromOneIsValidOnTheOther(ChildApplication a, ChildApplication b) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(a.uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
        String body = "username=admin&password=demo1234&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(a.uri("/login"))
                .header("Cookie", session(form)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("error");
        HttpResponse<String> onB = http.send(HttpRequest.newBuilder(b.uri("/api/account"))
                .header("Cookie", session(signedIn)).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(onB.statusCode()).as("instance B knows instance A's session").isEqualTo(200);
        assertThat(onB.body()).contains("\"admin\"");
    }

    private static String session(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    /** The same key sent to both instances at the same moment, as a client retrying through the load balancer. */
    private void anIdempotencyKeyHoldsAcrossThem(ServerDatabase server, ChildApplication a, ChildApplication b)
            throws Exception {
        String key = UUID.randomUUID().toString();
        String description = "兩台主機重送測試 " + key;
        String form = "api_key=demo-open311-key&service_code=STREETLIGHT&lat=24.1617&long=120.6469"
                + "&attribute%5Blight_state%5D=off&description=" + URLEncoder.encode(description, StandardCharsets.UTF_8);
        List<HttpResponse<String>> reports = both(a, b, app -> HttpRequest.newBuilder(app.uri("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(reports).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isIn(200, 201));
        assertThat(reports.stream().map(r -> Json.parse(r.body()).get(0).get("service_request_id").asString())
                .distinct()).hasSize(1);

        String token = Json.parse(http.send(HttpRequest.newBuilder(a.uri("/api/account/tokens"))
                .header("Authorization", basic("officer.trans")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"two instances\"}")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("token").asString();
        String name = "two-instances-" + key.substring(0, 8);
        List<HttpResponse<String>> created = both(a, b, app -> HttpRequest.newBuilder(app.uri("/api/action/package_create"))
                .header("Authorization", token).header("Idempotency-Key", key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\",\"owner_org\":\"trans\"}")).build());
        assertThat(created).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(created.stream().map(r -> Json.parse(r.body()).path("result").path("id").asString()).distinct())
                .hasSize(1);
        try (Connection c = server.connect(DB); Statement s = c.createStatement()) {
            assertThat(rows(s, "select count(*) from cases_case where description = '" + description + "'"))
                    .containsExactly("1");
            assertThat(rows(s, "select count(*) from opendata_dataset where name = '" + name + "'")).containsExactly("1");
        }
    }

    private List<HttpResponse<String>> both(ChildApplication a, ChildApplication b,
                                            java.util.function.Function<ChildApplication, HttpRequest> request) {
        CompletableFuture<HttpResponse<String>> onA = http.sendAsync(request.apply(a), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> onB = http.sendAsync(request.apply(b), HttpResponse.BodyHandlers.ofString());
        return List.of(onA.join(), onB.join());
    }

    /**
     * From both logs, ShedLock's record of every run (lock taken, task finished): a cron job never runs twice in one
     * 10 s period (runs at least 6 s apart, the lock's minimum hold), and no job ever runs on both instances at once.
     */
    private void eachJobRanOncePerPeriod(Instant from, Instant to, Path logA, Path logB) throws Exception {
        Map<String, List<Instant[]>> runs = new TreeMap<>();
        for (Path log : List.of(logA, logB)) {
            Map<String, Instant> started = new HashMap<>();
            for (String line : Files.readAllLines(log)) {
                Matcher m = LOCK_LINE.matcher(line);
                if (!m.matches()) {
                    continue;
                }
                Instant at = OffsetDateTime.parse(m.group(1)).toInstant();
                if (m.group(2).equals("Locked")) {
                    started.put(m.group(3), at);
                } else if (started.containsKey(m.group(3))) {
                    runs.computeIfAbsent(m.group(3), k -> new ArrayList<>()).add(new Instant[] {started.remove(m.group(3)), at});
                }
            }
        }
        for (String job : CRON_JOBS.keySet()) {
            List<Instant> starts = runs.getOrDefault(job, List.of()).stream().map(r -> r[0])
                    .filter(t -> t.isAfter(from) && t.isBefore(to)).sorted().toList();
            assertThat(starts).as(job + " ran in the %s observed", OBSERVED).hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < starts.size(); i++) {
                assertThat(Duration.between(starts.get(i - 1), starts.get(i)))
                        .as("%s ran twice in one period: at %s and %s", job, starts.get(i - 1), starts.get(i))
                        .isGreaterThan(Duration.ofSeconds(5));
            }
        }
        for (String job : union(CRON_JOBS.keySet(), FIXED_DELAY_JOBS.keySet())) {
            List<Instant[]> intervals = runs.getOrDefault(job, List.of()).stream()
                    .sorted((x, y) -> x[0].compareTo(y[0])).toList();
            assertThat(intervals).as(job + " ran").isNotEmpty();
            for (int i = 1; i < intervals.size(); i++) {
                assertThat(intervals.get(i)[0]).as("%s started while its previous run was going on", job)
                        .isAfterOrEqualTo(intervals.get(i - 1)[1]);
            }
        }
    }

    /** The monthly phone-test job ran every 10 s on both instances; the month has one automatic round. */
    private void theMonthsTestRoundWasPlannedOnce(ServerDatabase server) throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Taipei"));
        java.time.YearMonth month = java.time.YearMonth.from(today);
        // on the last days of a month that has no weekday left there is nothing to plan
        boolean weekdayLeft = today.datesUntil(month.atEndOfMonth().plusDays(1))
                .anyMatch(d -> d.getDayOfWeek().getValue() <= 5);
        String once = weekdayLeft ? "1" : "0";
        try (Connection c = server.connect(DB); Statement s = c.createStatement()) {
            assertThat(rows(s, "select count(*) from servicequality_round where automatic and year = " + month.getYear()
                    + " and month = " + month.getMonthValue())).as("automatic rounds of %s", month).containsExactly(once);
            assertThat(rows(s, "select count(*) from platform_audit_log where entity_type = 'servicequality.round'"
                    + " and after_state ->> 'month' = '" + month + "'")).containsExactly(once);
        }
    }

    /** The ShedLock names of every @SchedulerLock method of the application. */
    private static Set<String> scheduledJobs() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<String> names = new HashSet<>();
        for (BeanDefinition bean : scanner.findCandidateComponents("io.shizheng")) {
            for (Method m : Class.forName(bean.getBeanClassName()).getDeclaredMethods()) {
                SchedulerLock lock = m.getAnnotation(SchedulerLock.class);
                if (lock != null && m.isAnnotationPresent(Scheduled.class)) {
                    names.add(lock.name());
                }
            }
        }
        return names;
    }

    private static List<String> rows(Statement s, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8));
    }

    private static Set<String> union(Set<String> x, Set<String> y) {
        Set<String> all = new HashSet<>(x);
        all.addAll(y);
        return all;
    }
}
