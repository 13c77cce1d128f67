package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.shizheng.support.ChildApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * After the application is killed (kill -9, the OOM killer), its embedded PostgreSQL must not outlive it and hold
 * the data directory: the next start works the first time, with every committed write still there. Each start is
 * a real application in a JVM of its own on one data directory.
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+", disabledReason = "it is about the "
        + "embedded PostgreSQL and starts one of its own (without the server's URL); it runs in CI's embedded half")
class EmbeddedDatabaseCrashTest {

    private static final Path DATA = Path.of("target/test-data-crash").toAbsolutePath();
    private static final Path LOG = Path.of("target/test-data-crash.log").toAbsolutePath();
    private static final String ADMIN = "crash.admin";
    private static final String PASSWORD = "crash-test-password";
    private static final String[] ARGS = {"--shizheng.data-dir=" + DATA, "--shizheng.demo.enabled=false",
            "--SHIZHENG_ADMIN_USERNAME=" + ADMIN, "--SHIZHENG_ADMIN_PASSWORD=" + PASSWORD};

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void noServerLeftBehind() throws Exception {
        Optional<ProcessHandle> left = postmaster();
        if (left.isPresent()) {
            left.get().destroy();
            left.get().onExit().get(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    @Test
    void theNextStartAfterAKillWorksTheFirstTimeWithTheDataIntact() throws Exception {
        deleteRecursively(DATA);
        Files.deleteIfExists(LOG);
        String plan;
        try (ChildApplication first = ChildApplication.start(LOG, Map.of(), ARGS).awaitHealthy()) {
            assertThat(send(first, HttpRequest.newBuilder(first.uri("/api/calendar/days/2026-09-28"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"kind\":\"TYPHOON\",\"name\":\"颱風停班（當機測試）\"}")))
                    .statusCode()).isEqualTo(201);
            plan = get(first, "/api/plans/2018");
            first.kill();
        }
        assertThat(awaitNoPostmaster()).as("the embedded PostgreSQL ends when the killed application does").isEmpty();

        try (ChildApplication second = ChildApplication.start(LOG, Map.of(), ARGS).awaitHealthy()) {
            assertThat(get(second, "/api/calendar/2026")).contains("颱風停班（當機測試）");
            assertThat(get(second, "/api/plans/2018")).isEqualTo(plan);
            // Killed together with every process it started, its database server has nobody left to end it.
            second.handle().descendants().forEach(ProcessHandle::destroyForcibly);
            second.kill();
        }
        Optional<ProcessHandle> orphan = postmaster();
        assertThat(orphan).as("a PostgreSQL server left running on the data directory").isPresent();

        try (ChildApplication third = ChildApplication.start(LOG, Map.of(), ARGS).awaitHealthy()) {
            assertThat(orphan.get().isAlive()).as("the orphaned server was stopped").isFalse();
            assertThat(get(third, "/api/calendar/2026")).contains("颱風停班（當機測試）");
            assertThat(get(third, "/api/plans/2018")).isEqualTo(plan);
            awaitSealed(third);
            third.stop();
        }
        assertThat(postmaster()).as("a normal stop stops the server too").isEmpty();

        // The audit trail came through the crashes unbroken, as the auditor's command shows.
        Path report = DATA.resolveSibling("test-data-crash-verify.log");
        Files.deleteIfExists(report);
        int status = ChildApplication.start(report, Map.of(), "--shizheng.data-dir=" + DATA, "--verify-audit")
                .awaitExit();
        String output = Files.readString(report);
        assertThat(status).as(output).isZero();
        assertThat(output).contains("Audit chain intact").doesNotContain(": 0 entries sealed");
    }

    /** The audit sealer runs every few seconds: wait until it has sealed every entry, up to a minute. */
    private void awaitSealed(ChildApplication app) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!get(app, "/api/audit/verification").contains("\"unsealed\":0") && System.nanoTime() < deadline) {
            ChildApplication.sleep(Duration.ofMillis(500));
        }
    }

    private String get(ChildApplication app, String path) throws Exception {
        HttpResponse<String> response = send(app, HttpRequest.newBuilder(app.uri(path)));
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> send(ChildApplication app, HttpRequest.Builder request) throws Exception {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return http.send(request.header("Authorization", "Basic " + basic).header("Accept", "application/json").build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The live process that the data directory's postmaster.pid names, if any. */
    private static Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = DATA.resolve("pg/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        try (Stream<String> lines = Files.lines(pidFile)) {
            return lines.findFirst().map(String::trim).map(Long::parseLong)
                    .flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        }
    }

    /** A server that is shutting down takes a moment to end: wait for it, up to half a minute. */
    private static Optional<ProcessHandle> awaitNoPostmaster() throws IOException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Optional<ProcessHandle> left = postmaster();
        while (left.isPresent() && System.nanoTime() < deadline) {
            ChildApplication.sleep(Duration.ofMillis(200));
            left = postmaster();
        }
        return left;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
