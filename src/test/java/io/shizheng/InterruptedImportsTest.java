package io.shizheng;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import io.shizheng.support.ChildApplication;
import io.shizheng.support.Json;
import io.shizheng.support.ServerDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The application is killed (SIGKILL) while it imports call records, takes a document-system import and stores an
 * open-data upload; started again on the same data directory it shows each of the three as interrupted in its
 * history, none of their rows, and the repeated imports store exactly one import's worth. The call and document
 * files are streamed and held half-sent, so the kill always falls inside the import; the upload is large enough to
 * be seen running. Embedded database by default; on CI's server half, a database of its own on the server.
 */
class InterruptedImportsTest {

    private static final Path DATA = Path.of("target/test-data-interrupted").toAbsolutePath();
    private static final Path LOG = Path.of("target/test-data-interrupted.log").toAbsolutePath();
    private static final String DB = "shizheng_interrupted";
    private static final String ADMIN = "crash.admin";
    private static final String PASSWORD = "crash-test-password";
    private static final String[] ARGS = {"--shizheng.data-dir=" + DATA, "--shizheng.demo.enabled=false",
            "--SHIZHENG_ADMIN_USERNAME=" + ADMIN, "--SHIZHENG_ADMIN_PASSWORD=" + PASSWORD};
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static final int CALLS = 20_000;
    private static final int DOCUMENTS = 20_000;
    /** Rows sent before the stream is held until the kill. */
    private static final int SENT_BEFORE_KILL = 4_000;
    private static final int UPLOAD_ROWS = 2_500_000;
    private static final String DATASET = "interrupted-upload";

    private final HttpClient http = HttpClient.newHttpClient();
    private final Optional<ServerDatabase> server = ServerDatabase.fromEnvironment();

    @AfterEach
    void dropServerDatabase() throws SQLException {
        if (server.isPresent()) {
            server.get().drop(DB);
        }
    }

    @Test
    void importsCutOffByAKillAreMarkedInterruptedAndLeaveNothingBehind() throws Exception {
        deleteRecursively(DATA);
        Files.deleteIfExists(LOG);
        Map<String, String> env = new HashMap<>();
        if (server.isPresent()) {
            server.get().recreate(DB);
            env.putAll(server.get().environment(DB));
        }
        Path upload = DATA.resolveSibling("test-data-interrupted-upload.csv");
        writeUploadFile(upload);

        CountDownLatch killed = new CountDownLatch(1);
        try (ChildApplication first = ChildApplication.start(LOG, env, ARGS).awaitHealthy()) {
            createDataset(first);
            CompletableFuture<HttpResponse<String>> calls = sendAsync(callImport(first,
                    new Rows(CallRows.HEADER, CALLS, CallRows::row, killed)));
            CompletableFuture<HttpResponse<String>> documents = sendAsync(documentImport(first,
                    new Rows(DocumentRows.HEADER, DOCUMENTS, DocumentRows::row, killed)));
            awaitState(first, "call import", () -> callRun(first), "RUNNING");
            awaitState(first, "document import", () -> documentRun(first), "RUNNING");
            CompletableFuture<HttpResponse<String>> uploaded = sendAsync(upload(first, upload));
            awaitState(first, "open-data upload", () -> uploadRun(first), "RUNNING");
            first.kill();
            killed.countDown();
            assertThat(calls.isDone() && !calls.isCompletedExceptionally()).as("the call import was cut off").isFalse();
            assertThat(documents.isDone() && !documents.isCompletedExceptionally()).as("the document import was cut off").isFalse();
            assertThat(uploaded.isDone() && !uploaded.isCompletedExceptionally()).as("the upload was cut off").isFalse();
        }

        try (ChildApplication second = ChildApplication.start(LOG, env, ARGS).awaitHealthy()) {
            JsonNode callRun = awaitState(second, "call import", () -> callRun(second), "INTERRUPTED");
            JsonNode documentRun = awaitState(second, "document import", () -> documentRun(second), "INTERRUPTED");
            JsonNode uploadRun = awaitState(second, "open-data upload", () -> uploadRun(second), "INTERRUPTED");
            assertThat(callRun.get("finishedAt").isNull()).isFalse();
            assertThat(page(second, "/callcenter/import")).contains("已中斷");
            assertThat(page(second, "/documents/import?lang=en")).contains("Interrupted");
            assertThat(page(second, "/opendata/datasets/" + DATASET)).contains("已中斷");
            try (Connection db = connect()) {
                assertThat(count(db, "select count(*) from callcenter_call where call_id like 'CRASH-%'"))
                        .as("calls of the interrupted import").isZero();
                assertThat(count(db, "select count(*) from documents_document where doc_no like 'CRASH-%'"))
                        .as("documents of the interrupted import").isZero();
                assertThat(count(db, "select count(*) from opendata_resource r join opendata_dataset d on d.id = r.dataset_id"
                        + " where d.name = '" + DATASET + "'")).as("resources of the interrupted upload").isZero();
                assertThat(count(db, "select count(*) from callcenter_import where status = 'RUNNING'")).isZero();
            }

            HttpResponse<String> calls = send(callImport(second, new Rows(CallRows.HEADER, CALLS, CallRows::row, null)));
            assertThat(calls.statusCode()).as(calls.body()).isEqualTo(201);
            assertThat(Json.parse(calls.body()).get("rowsAdded").asLong()).isEqualTo(CALLS);
            HttpResponse<String> documents = send(documentImport(second,
                    new Rows(DocumentRows.HEADER, DOCUMENTS, DocumentRows::row, null)));
            assertThat(documents.statusCode()).as(documents.body()).isEqualTo(200);
            assertThat(Json.parse(documents.body()).get("inserted").asInt()).isEqualTo(DOCUMENTS);
            HttpResponse<String> uploaded = send(upload(second, upload));
            assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
            // The same file again adds nothing: records already stored are skipped, documents upserted.
            HttpResponse<String> again = send(callImport(second, new Rows(CallRows.HEADER, CALLS, CallRows::row, null)));
            assertThat(Json.parse(again.body()).get("rowsAdded").asLong()).isZero();

            try (Connection db = connect()) {
                assertThat(count(db, "select count(*) from callcenter_call where call_id like 'CRASH-%'")).isEqualTo(CALLS);
                assertThat(count(db, "select count(*) from documents_document where doc_no like 'CRASH-%'")).isEqualTo(DOCUMENTS);
                assertThat(count(db, "select count(*) from opendata_resource_file f join opendata_resource r on r.id = f.resource_id"
                        + " join opendata_dataset d on d.id = r.dataset_id where d.name = '" + DATASET + "'")).isEqualTo(1);
                assertThat(count(db, "select count(*) from opendata_upload where status = 'APPLIED'")).isEqualTo(1);
                assertThat(count(db, "select count(*) from opendata_upload where status = 'INTERRUPTED'")).isEqualTo(1);
                assertThat(count(db, "select count(*) from documents_import where status = 'INTERRUPTED'")).isEqualTo(1);
                assertThat(count(db, "select count(*) from callcenter_import where status = 'INTERRUPTED'")).isEqualTo(1);
                assertThat(count(db, "select count(*) from callcenter_import where status = 'APPLIED'")).isEqualTo(2);
            }
            // The history still names the interrupted runs beside the completed ones.
            assertThat(documentRun(second).get("status").asString()).isEqualTo("APPLIED");
            assertThat(callRun.get("id").asLong()).isLessThan(callRun(second).get("id").asLong());
            JsonNode applied = uploadRun(second);
            assertThat(uploadRun.get("id").asLong()).isLessThan(applied.get("id").asLong());
            // How long the upload's window was, for whoever tunes the file's size.
            System.out.println("Upload of " + applied.get("sizeBytes") + " bytes ran " + Duration.between(
                    java.time.Instant.parse(applied.get("startedAt").asString()),
                    java.time.Instant.parse(applied.get("finishedAt").asString())));
            second.stop();
        } finally {
            Files.deleteIfExists(upload);
        }
    }

    // --- the three operations

    private static HttpRequest.Builder callImport(ChildApplication app, Rows rows) {
        return request(app, "/api/callcenter/imports?fileName=crash-calls.csv")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> rows));
    }

    private static HttpRequest.Builder documentImport(ChildApplication app, Rows rows) {
        return request(app, "/api/documents/import?format=csv&name=crash-documents.csv")
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofInputStream(() -> rows));
    }

    private static HttpRequest.Builder upload(ChildApplication app, Path file) throws IOException {
        return request(app, "/api/opendata/datasets/" + DATASET + "/files?filename=big.csv&format=CSV")
                .header("Content-Type", "application/octet-stream").POST(HttpRequest.BodyPublishers.ofFile(file));
    }

    private JsonNode callRun(ChildApplication app) throws Exception {
        return newest(Json.parse(get(app, "/api/callcenter/imports?limit=20")), "fileName", "crash-calls.csv");
    }

    private JsonNode documentRun(ChildApplication app) throws Exception {
        return newest(Json.parse(get(app, "/api/documents/imports")), "file_name", "crash-documents.csv");
    }

    private JsonNode uploadRun(ChildApplication app) throws Exception {
        return newest(Json.parse(get(app, "/api/opendata/datasets/" + DATASET + "/uploads")), "fileName", "big.csv");
    }

    private static JsonNode newest(JsonNode list, String field, String value) {
        for (JsonNode n : list) {
            if (value.equals(n.get(field).asString())) {
                return n;
            }
        }
        return null;
    }

    /** Polls the history until the run is in the state (up to a minute); the run. */
    private JsonNode awaitState(ChildApplication app, String what, Check<JsonNode> run, String state) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = run.get();
            if (last != null && state.equals(last.get("status").asString())) {
                return last;
            }
            assertThat(last == null || last.get("status").asString().equals("RUNNING") || state.equals("INTERRUPTED"))
                    .as("%s ended before it could be cut off: %s", what, last).isTrue();
            ChildApplication.sleep(Duration.ofMillis(20));
        }
        throw new AssertionError(what + " not " + state + " within " + WAIT + ": " + last + "\n" + app.logTail());
    }

    @FunctionalInterface
    private interface Check<T> {
        T get() throws Exception;
    }

    private void createDataset(ChildApplication app) throws Exception {
        HttpResponse<String> r = send(request(app, "/api/3/action/package_create")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + DATASET + "\",\"title\":\"中斷測試\",\"owner_org\":\"trans\"}")));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** A CSV of about 100 MB that passes the quality checks: checking and storing it takes a few seconds. */
    private static void writeUploadFile(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("編號,站名,數值,備註\n");
            for (int i = 0; i < UPLOAD_ROWS; i++) {
                w.write(i + ",測站" + (i % 977) + "," + (i * 7 % 10_000) + ",crash test row\n");
            }
        }
    }

    // --- rows, streamed

    private static final class CallRows {
        static final String HEADER = "call_id,queue,language,offered_at,answered_at,abandoned_at,handled_seconds,agent,survey_score\n";

        static String row(int i) {
            int minute = i % (24 * 60);
            String day = "2031-0" + (1 + i / (24 * 60) % 9) + "-" + String.format("%02d", 1 + i / (24 * 60 * 9) % 28);
            String t = day + String.format(" %02d:%02d:", minute / 60, minute % 60);
            return String.format("CRASH-%07d,市政諮詢,國語,%s00,%s10,,100,A1,5\n", i, t, t);
        }
    }

    private static final class DocumentRows {
        static final String HEADER = "doc_no,agency,unit,type,priority,subject,received,deadline,closed,extensions,project_control,overdue_reason\n";

        static String row(int i) {
            return String.format("CRASH-%07d,CONST,養護工程科,收文,普通件,路燈修復,2018-02-14,,2018-02-23,,N,\n", i);
        }
    }

    /**
     * A CSV body made row by row; with a gate, the stream stops after {@link #SENT_BEFORE_KILL} rows and waits
     * for the gate (the kill), so the import is surely still running when the application dies.
     */
    private static final class Rows extends InputStream {
        private final IntFunction<String> row;
        private final int count;
        private final CountDownLatch gate;
        private byte[] buffer;
        private int pos;
        private int next;

        Rows(String header, int count, IntFunction<String> row, CountDownLatch gate) {
            this.row = row;
            this.count = count;
            this.gate = gate;
            this.buffer = header.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos == buffer.length) {
                if (gate != null && next == SENT_BEFORE_KILL) {
                    try {
                        gate.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IOException("the application was killed");
                }
                if (next == count) {
                    return -1;
                }
                StringBuilder s = new StringBuilder();
                int until = Math.min(count, gate != null && next < SENT_BEFORE_KILL ? SENT_BEFORE_KILL : count);
                for (int i = 0; i < 500 && next < until; i++) {
                    s.append(row.apply(next++));
                }
                buffer = s.toString().getBytes(StandardCharsets.UTF_8);
                pos = 0;
            }
            int n = Math.min(len, buffer.length - pos);
            System.arraycopy(buffer, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    // --- HTTP and SQL

    private String get(ChildApplication app, String path) throws Exception {
        HttpResponse<String> r = send(request(app, path));
        assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    private String page(ChildApplication app, String path) throws Exception {
        HttpResponse<String> r = send(request(app, path).header("Accept", "text/html"));
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    /** A request as the administrator; JSON unless it says otherwise. */
    private static HttpRequest.Builder request(ChildApplication app, String path) {
        String basic = Base64.getEncoder().encodeToString((ADMIN + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HttpRequest.newBuilder(app.uri(path)).header("Authorization", "Basic " + basic).timeout(Duration.ofMinutes(2));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(accepting(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest.Builder request) {
        return http.sendAsync(accepting(request), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static HttpRequest accepting(HttpRequest.Builder request) {
        HttpRequest r = request.build();
        return r.headers().firstValue("Accept").isPresent() ? r : request.header("Accept", "application/json").build();
    }

    private Connection connect() throws Exception {
        if (server.isPresent()) {
            return server.get().connect(DB);
        }
        // The embedded server's port is on line 4 of its postmaster.pid.
        String port = Files.readAllLines(DATA.resolve("pg/postmaster.pid")).get(3).trim();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
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
