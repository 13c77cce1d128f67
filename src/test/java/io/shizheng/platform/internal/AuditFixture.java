package io.shizheng.platform.internal;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Three audit entries under an entity type of their own (so that reruns on a kept CI database and the
 * demo seeding do not disturb the counts), at instants chosen around Taipei midnight, and an HTTP client.
 */
final class AuditFixture {

    static final String PASSWORD = "demo1234";

    /** 2018-03-06 00:30 in Taipei, which is still 2018-03-05 in UTC. */
    static final Instant AFTER_MIDNIGHT = Instant.parse("2018-03-05T16:30:00Z");
    /** 2018-03-05 23:30 in Taipei. */
    static final Instant BEFORE_MIDNIGHT = Instant.parse("2018-03-05T15:30:00Z");
    /** 2018-03-07 09:00 in Taipei. */
    static final Instant LATER = Instant.parse("2018-03-07T01:00:00Z");

    final String entityType = "test.audit-" + UUID.randomUUID().toString().substring(0, 8);
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    AuditFixture(JdbcClient jdbc, int port) {
        this.port = port;
        insert(jdbc, AFTER_MIDNIGHT, "rdec", "UPDATE", "1",
                "{\"name\": \"舊名稱<b>粗體</b>\", \"count\": 1, \"same\": true}",
                "{\"name\": \"新名稱\", \"count\": 2, \"same\": true}");
        insert(jdbc, BEFORE_MIDNIGHT, "officer", "CREATE", "2", null, "{\"title\": \"道路養護\"}");
        insert(jdbc, LATER, "rdec", "DELETE", "3", "{\"title\": \"已刪除\"}", null);
    }

    private void insert(JdbcClient jdbc, Instant at, String user, String action, String id, String before, String after) {
        jdbc.sql("""
                insert into platform_audit_log(at, user_id, username, agency_id, action, entity_type, entity_id,
                    before_state, after_state)
                values (?, null, ?, 31, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(Timestamp.from(at), user, action, entityType, id, before, after).update();
    }

    HttpResponse<String> get(String pathAndQuery, String user) throws Exception {
        return http.send(request(pathAndQuery, user), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery, String user) throws Exception {
        return http.send(request(pathAndQuery, user), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** As a browser asks (HTML first), signed in with HTTP Basic when a user is given. */
    private HttpRequest request(String pathAndQuery, String user) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return b.build();
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
