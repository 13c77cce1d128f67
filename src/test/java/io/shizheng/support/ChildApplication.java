package io.shizheng.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own, started from the test classpath as {@code java -jar} would start it, so that
 * a test can kill it (SIGKILL) or run several instances side by side. Its output goes to a log file.
 */
public final class ChildApplication implements AutoCloseable {

    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(4);

    private final Process process;
    private final int port;
    private final Path log;

    private ChildApplication(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the application with these environment variables and arguments (e.g. --shizheng.data-dir=...). */
    public static ChildApplication start(Path log, Map<String, String> environment, String... args) {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-Xmx1g", "-cp", classpath(),
                "io.shizheng.ShizhengApplication", "--server.port=" + port, "--spring.main.banner-mode=off"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().remove("SPRING_DATASOURCE_URL");
        builder.environment().putAll(environment);
        try {
            Files.createDirectories(log.getParent());
            return new ChildApplication(builder.start(), port, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Surefire puts the real test classpath here (java.class.path may be a manifest-only booter jar). */
    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a one-shot command of the application (e.g. --verify-audit) to its end; its exit status. */
    public int awaitExit() {
        try {
            if (!process.waitFor(HEALTHY_WITHIN.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("the command did not end within " + HEALTHY_WITHIN + ":\n" + logTail());
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until /actuator/health is UP; fails with the end of the log when the process exits first. */
    public ChildApplication awaitHealthy() {
        long deadline = System.nanoTime() + HEALTHY_WITHIN.toNanos();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the application exited with " + process.exitValue() + " before it was healthy:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(uri("/actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(Duration.ofMillis(250));
        }
        throw new AssertionError("the application was not healthy within " + HEALTHY_WITHIN + ":\n" + logTail());
    }

    public int port() {
        return port;
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    public long pid() {
        return process.pid();
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, as the OOM killer or kill -9 ends a process: no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM, as systemd or Ctrl-C ends it: the application shuts down in order. */
    public void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            stop();
        }
    }
}
