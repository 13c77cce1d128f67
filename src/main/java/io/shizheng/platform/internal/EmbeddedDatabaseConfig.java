package io.shizheng.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * With no SPRING_DATASOURCE_URL, start an embedded PostgreSQL 15 whose files live under
 * {@code <shizheng.data-dir>/pg} and survive restarts: one command runs everything on a fresh machine.
 * The server ends with the application however it ends, and a start after a crash stops a server left running.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);
    /** The file that zonky's EmbeddedPostgres locks while it runs a server on the directory. */
    private static final String LOCK_FILE = "epg-lock";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${shizheng.data-dir}") String dataDir,
                                      @Value("${shizheng.embedded-db.clean:false}") boolean clean) throws IOException {
        Path dir = Path.of(dataDir, "pg").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        stopServerLeftRunning(dir);
        if (clean) {
            // a throw-away database that a killed run left behind would make initdb fail
            FileSystemUtils.deleteRecursively(dir);
            Files.createDirectories(dir);
        }
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("timezone", "Asia/Taipei")
                .setServerConfig("max_connections", "50")
                // zonky's test defaults (-F, synchronous_commit=off) lose commits or the whole cluster on a power
                // cut; a kept data directory is a small installation's real database
                .setServerConfig("fsync", String.valueOf(!clean))
                .setServerConfig("synchronous_commit", clean ? "off" : "on")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .start();
        log.warn("""

                ***********************************************************************
                *  Shizheng runs on an EMBEDDED PostgreSQL {} (data in {}, port {}).
                *  It is meant for trying out and small installations. For production
                *  set SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD to a PostgreSQL server.
                ***********************************************************************""",
                "15", dir, pg.getPort());
        return pg;
    }

    /**
     * A server whose application was killed keeps running and holds the directory (the next start would give up
     * after 10 s). Nobody holds zonky's lock file then, as the OS dropped the dead JVM's lock: stop that server.
     */
    private static void stopServerLeftRunning(Path dir) throws IOException {
        Optional<Postmaster> left = Postmaster.of(dir).filter(p -> p.process().isPresent());
        if (left.isEmpty()) {
            return;
        }
        String inUse = "The data directory " + dir + " is in use by another running Shizheng (PostgreSQL process "
                + left.get().pid() + "); stop it first, or set SHIZHENG_DATA_DIR to another directory.";
        try (FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(inUse);
            }
            log.warn("A PostgreSQL server (process {}) was left running on {} by an application that ended without "
                    + "stopping it; stopping it before this start", left.get().pid(), dir);
            left.get().stop(Duration.ofMinutes(1));
        } catch (OverlappingFileLockException e) {
            throw new IllegalStateException(inUse, e);
        }
    }

    /** Destroyed before the server (it depends on it), so an orderly stop never races the watchdog. */
    @Bean(destroyMethod = "close")
    PostmasterWatchdog postmasterWatchdog(EmbeddedPostgres pg, @Value("${shizheng.data-dir}") String dataDir) {
        Path dir = Path.of(dataDir, "pg").toAbsolutePath().normalize();
        Postmaster server = Postmaster.of(dir).orElseThrow(() -> new IllegalStateException("no postmaster.pid in " + dir));
        return PostmasterWatchdog.watch(server).orElse(null);
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("shizheng-embedded");
        return new HikariDataSource(config);
    }

    @Bean
    EmbeddedDatabaseMarker embeddedDatabaseMarker() {
        return new EmbeddedDatabaseMarker();
    }

    /** Present only when the embedded database runs; the layout shows its banner then. */
    static final class EmbeddedDatabaseMarker {
    }
}
