package io.shizheng.platform.internal;

import java.io.IOException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the embedded PostgreSQL when the application ends in a way no shutdown hook sees (kill -9, the OOM killer, a
 * JVM crash). pg_ctl detaches the server from the JVM, so nothing else would: a small shell process waits on a pipe
 * from the JVM, which the kernel closes when the JVM dies, and then sends the server SIGINT (fast shutdown) if the
 * data directory still names it.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);

    // $1 data directory, $2 server pid; a server that has already stopped removed its pid file, so nothing is signalled.
    private static final String SCRIPT =
            "read -r _; [ \"$(head -n 1 \"$1/" + Postmaster.PID_FILE + "\" 2>/dev/null)\" = \"$2\" ] && kill -INT \"$2\"";

    private final Process process;

    private PostmasterWatchdog(Process process) {
        this.process = process;
    }

    /** Watches the server; none where there is no POSIX shell (Windows), where the next start stops it instead. */
    static Optional<PostmasterWatchdog> watch(Postmaster server) {
        try {
            Process p = new ProcessBuilder("/bin/sh", "-c", SCRIPT, "shizheng-postgres-watchdog",
                    server.dataDirectory().toString(), String.valueOf(server.pid()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return Optional.of(new PostmasterWatchdog(p));
        } catch (IOException e) {
            log.info("No watchdog for the embedded PostgreSQL ({}); a server left running is stopped at the next start",
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** An orderly shutdown stops the server itself: end the watchdog without letting it signal. */
    @Override
    public void close() {
        process.destroy();
    }
}
