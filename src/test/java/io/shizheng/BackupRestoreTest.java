package io.shizheng;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.shizheng.support.ChildApplication;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import io.shizheng.support.ServerDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The backup procedure of docs/operations.md, end to end: pg_dump of the running installation's database,
 * pg_restore into a new database, the application started on it, and what people see is the same: the scorecard,
 * the plan, a sample of records, the row count of every table, an intact audit chain. On the server of CI's second
 * half, and on the embedded PostgreSQL with the machine's PostgreSQL client (skipped, saying so, without one).
 */
@IntegrationTest
class BackupRestoreTest {

    private static final String RESTORED = "shizheng_restored";
    private static final Path WORK = Path.of("target/backup-restore").toAbsolutePath();
    /** What an anonymous visitor and an administrator read, compared byte for byte. */
    private static final List<String> PUBLIC = List.of("/api/plans/2018/scorecard", "/api/plans/2018",
            "/api/plans/2018/indicators/2.3/series?granularity=month", "/api/agencies", "/api/calendar/2018",
            "/open311/v2/requests.json?start_date=2018-03-01T00:00:00Z&end_date=2018-05-15T00:00:00Z",
            "/api/3/action/package_search?rows=20&sort=name%20asc");
    private static final List<String> ADMIN = List.of("/api/audit?size=50&entityType=plan.value",
            "/api/projects?year=2018", "/api/callcenter/service-level?from=2018-03-01&to=2018-03-31&by=day");

    @LocalServerPort
    int port;

    @Autowired
    HikariDataSource dataSource;

    @Test
    void aDumpRestoredIntoANewDatabaseShowsTheSameInstallation() throws Exception {
        assumeThat(available("pg_dump") && available("pg_restore"))
                .as("pg_dump and pg_restore (PostgreSQL client 15 or later) are not on the PATH; skipping").isTrue();
        ServerDatabase server = ServerDatabase.of(dataSource.getJdbcUrl(), dataSource.getUsername(),
                dataSource.getPassword());
        String source = ServerDatabase.databaseOf(dataSource.getJdbcUrl());
        Files.createDirectories(WORK);
        Path dump = WORK.resolve("shizheng.dump");
        Files.deleteIfExists(dump);

        Map<String, String> before = new TreeMap<>();
        PUBLIC.forEach(p -> before.put(p, read(Http.anonymous(port), p)));
        ADMIN.forEach(p -> before.put(p, read(Http.as(port, "admin"), p)));
        run(server, "pg_dump", "--format=custom", "--file=" + dump, "--dbname=" + source);
        Map<String, Long> rowsBefore = rowCounts(server, source);

        server.recreate(RESTORED);
        try {
            run(server, "pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + RESTORED, dump.toString());
            assertThat(rowCounts(server, RESTORED)).as("rows per table").isEqualTo(rowsBefore);

            Path log = WORK.resolve("restored.log");
            Files.deleteIfExists(log);
            try (ChildApplication restored = ChildApplication.start(log, server.environment(RESTORED),
                    "--shizheng.demo.scale=0.02").awaitHealthy()) {
                Map<String, String> after = new TreeMap<>();
                PUBLIC.forEach(p -> after.put(p, read(Http.anonymous(restored.port()), p)));
                ADMIN.forEach(p -> after.put(p, read(Http.as(restored.port(), "admin"), p)));
                before.forEach((path, body) -> assertThat(comparable(after.get(path), restored.port())).as(path)
                        .isEqualTo(comparable(body, port)));
                assertThat(read(Http.as(restored.port(), "admin"), "/api/audit/verification"))
                        .contains("\"intact\":true");
            }
        } finally {
            server.drop(RESTORED);
        }
    }

    /** As JSON (key order may differ between JVMs), links to either's own port alike, without the time of reading. */
    private static JsonNode comparable(String body, int port) {
        JsonNode json = Json.parse(body.replace("localhost:" + port + "/", "localhost:PORT/"));
        if (json instanceof ObjectNode object) {
            object.remove("computedAt");
        }
        return json;
    }

    private static String read(Http http, String path) {
        var response = http.get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    /** Every table of the schema with its number of rows; job locks and sessions are not the installation's data. */
    private static Map<String, Long> rowCounts(ServerDatabase server, String database) throws Exception {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = server.connect(database); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select table_name from information_schema.tables "
                    + "where table_schema = 'public' and table_type = 'BASE TABLE' "
                    + "and table_name not in ('shedlock', 'spring_session', 'spring_session_attributes')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static void run(ServerDatabase server, String tool, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(tool, "--host=" + server.host(), "--port=" + server.port(),
                "--username=" + server.user(), "--no-password"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(WORK.resolve(tool + ".log").toFile());
        builder.environment().put("PGPASSWORD", server.password());
        Process p = builder.start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(tool + " finished").isTrue();
        assertThat(p.exitValue()).as(tool + ": " + Files.readString(WORK.resolve(tool + ".log"))).isZero();
    }

    private static boolean available(String tool) {
        try {
            return new ProcessBuilder(tool, "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
