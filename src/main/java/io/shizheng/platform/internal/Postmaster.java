package io.shizheng.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The PostgreSQL server that a data directory's {@code postmaster.pid} names (line 1: its process id). When the
 * application is killed, the embedded server it started keeps running and holds the directory; this finds it and
 * stops it through the signals PostgreSQL documents: SIGINT (fast shutdown), then SIGQUIT (immediate shutdown).
 */
record Postmaster(long pid, Path dataDirectory) {

    static final String PID_FILE = "postmaster.pid";

    /** The server the directory's pid file names, if there is a pid file. */
    static Optional<Postmaster> of(Path dataDirectory) {
        Path file = dataDirectory.resolve(PID_FILE);
        try {
            List<String> lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
            if (lines.isEmpty() || !lines.get(0).trim().matches("\\d+")) {
                return Optional.empty();
            }
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), dataDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live postgres process; none when the pid file is stale (a PID from before a reboot may name anything). */
    Optional<ProcessHandle> process() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> Path.of(c).getFileName().toString())
                        .filter(name -> name.equals("postgres") || name.equals("postgres.exe")).isPresent());
    }

    /** Stops the server and waits until it is gone; a server that will not stop is an error a person must see. */
    void stop(Duration patience) {
        Optional<ProcessHandle> server = process();
        if (server.isEmpty()) {
            return;
        }
        // Fast shutdown ends the sessions and writes a checkpoint; immediate shutdown leaves recovery to the next start.
        if (signal("INT") && ended(server.get(), patience)) {
            return;
        }
        if (signal("QUIT") && ended(server.get(), Duration.ofSeconds(15))) {
            return;
        }
        throw new IllegalStateException("The PostgreSQL server " + pid + " left running on " + dataDirectory
                + " did not stop; stop it (kill " + pid + ") and start again.");
    }

    private boolean signal(String name) {
        try {
            return new ProcessBuilder("kill", "-" + name, String.valueOf(pid)).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean ended(ProcessHandle server, Duration patience) {
        try {
            server.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
