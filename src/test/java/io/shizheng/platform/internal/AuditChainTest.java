package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log is sealed into a hash chain: a changed or deleted entry is found by the verification, which names
 * the first broken link; concurrent writers and sealers on several instances still make one unbroken chain.
 */
@IntegrationTest
class AuditChainTest {

    @LocalServerPort
    int port;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditChain chain;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private final String type = "test.chain-" + UUID.randomUUID().toString().substring(0, 8);

    private void write(int n) {
        tx.executeWithoutResult(s -> audit.record(type, n, AuditAction.CREATE, null,
                Map.of("n", n, "名稱", "第" + n + "筆")));
    }

    private long idOf(int n) {
        return jdbc.sql("select id from platform_audit_log where entity_type = ? and entity_id = ?")
                .params(type, String.valueOf(n)).query(Long.class).single();
    }

    /** Tampering happens in a transaction that is rolled back; the verification inside it sees the tampered rows. */
    @Test
    void aChangedOrDeletedEntryIsTheFirstBrokenLink() {
        for (int n = 1; n <= 5; n++) {
            write(n);
        }
        chain.sealPending();
        assertThat(chain.verify().intact()).isTrue();

        long changed = idOf(3);
        AuditChain.Verification edited = tampered("update platform_audit_log set after_state = "
                + "'{\"n\": 3, \"名稱\": \"改過\"}' where id = " + changed);
        assertThat(edited.intact()).isFalse();
        assertThat(edited.brokenRowId()).isEqualTo(changed);
        assertThat(edited.problem()).contains(String.valueOf(changed));

        long deleted = idOf(4);
        long position = jdbc.sql("select chain_seq from platform_audit_log where id = ?").param(deleted)
                .query(Long.class).single();
        AuditChain.Verification gap = tampered("delete from platform_audit_log where id = " + deleted);
        assertThat(gap.intact()).isFalse();
        assertThat(gap.brokenAt()).isEqualTo(position);
        assertThat(gap.problem()).contains("deleted");

        AuditChain.Verification truncated = tampered("delete from platform_audit_log where chain_seq >= "
                + "(select max(chain_seq) - 1 from platform_audit_log)");
        assertThat(truncated.intact()).as("the last entries deleted").isFalse();

        assertThat(chain.verify().intact()).as("after the rollbacks").isTrue();
    }

    private AuditChain.Verification tampered(String sql) {
        return tx.execute(status -> {
            jdbc.sql(sql).update();
            AuditChain.Verification v = chain.verify();
            status.setRollbackOnly();
            return v;
        });
    }

    @Test
    void theVerificationIsAnAdministratorsApiAndPage() throws Exception {
        chain.sealPending();
        var page = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/admin/audit/verification"))
                .header("Accept", "text/html").header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString("admin:demo1234".getBytes(java.nio.charset.StandardCharsets.UTF_8))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("雜湊鏈完整").contains("id=\"audit-sealed\"").contains("--verify-audit");
        var response = Http.as(port, "admin").get("/api/audit/verification");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"intact\":true").contains("\"sealed\"");
        assertThat(Http.anonymous(port).get("/api/audit/verification").statusCode()).isEqualTo(401);
        assertThat(Http.as(port, "officer").get("/api/audit/verification").statusCode()).isEqualTo(403);
    }

    /** Eight writers and two sealers (as two instances would run them) at once: one chain, every entry in it once. */
    @Test
    void concurrentWritersAndSealersMakeOneChain() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        AtomicBoolean writing = new AtomicBoolean(true);
        try {
            List<Future<?>> sealers = new ArrayList<>();
            for (int s = 0; s < 2; s++) {
                sealers.add(pool.submit(() -> {
                    while (writing.get()) {
                        chain.sealPending();
                    }
                }));
            }
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int base = 1000 * (w + 1);
                writers.add(pool.submit(() -> {
                    for (int t = 0; t < 20; t++) {
                        int first = base + t * 5;
                        tx.executeWithoutResult(s -> {
                            for (int i = 0; i < 5; i++) {
                                audit.record(type, first + i, AuditAction.UPDATE, Map.of("v", 0), Map.of("v", 1));
                            }
                        });
                    }
                }));
            }
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            for (Future<?> f : sealers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        chain.sealPending();
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).as(v.problem()).isTrue();
        assertThat(jdbc.sql("select count(*), count(chain_seq), count(distinct chain_seq) from platform_audit_log "
                        + "where entity_type = ?").param(type).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2),
                rs.getLong(3))).single()).containsExactly(800L, 800L, 800L);
    }
}
