package io.shizheng.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.AuditLog.DemoWrite;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bench command, not a test: {@code ./mvnw -Pbench test -Dtest=AuditChainBenchmark}. What the audit hash chain
 * costs: sealing the entries the demo seeding writes at the first start (the scheduled sealer is held back so that
 * this run seals them), sealing 100,000 more, and a full verification; next to the baseline of writing those
 * 100,000 entries in the first place. Prints a Markdown table and writes it to target/bench/audit-chain.md.
 */
@Tag("bench")
@SpringBootTest(properties = {"shizheng.data-dir=target/bench-audit", "shizheng.embedded-db.clean=true",
        "shizheng.demo.scale=0.02", "shizheng.audit.seal-initial-delay=PT1H"})
class AuditChainBenchmark {

    private static final int MORE = Integer.getInteger("bench.entries", 100_000);

    @Autowired
    AuditChain chain;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void auditChain() throws Exception {
        StringBuilder out = new StringBuilder("| what | entries | ms | entries/s |\n|---|---|---|---|\n");
        long demo = unsealed();
        row(out, "seal the entries of the demo seeding (first start)", demo, time(chain::sealPending));

        List<DemoWrite> writes = new ArrayList<>();
        Instant at = Instant.parse("2018-06-01T00:00:00Z");
        for (int i = 0; i < MORE; i++) {
            writes.add(new DemoWrite(at.plusSeconds(i), null, "bench", 1L, AuditAction.UPDATE, "bench.entity",
                    String.valueOf(i), "{\"value\": " + i + ", \"名稱\": \"效能測試\"}"));
        }
        row(out, "baseline: write " + MORE + " entries (batched insert)", MORE,
                time(() -> audit.recordDemoHistory(writes)));
        row(out, "seal them", MORE, time(chain::sealPending));
        long all = demo + MORE;
        for (int run = 1; run <= 3; run++) {
            row(out, "verify the whole chain, run " + run, all, time(() -> {
                if (!chain.verify().intact()) {
                    throw new IllegalStateException("chain broken");
                }
            }));
        }
        out.append("\nJava ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores\n");
        System.out.println("\n" + out);
        Path file = Path.of("target/bench/audit-chain.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, out.toString());
    }

    private long unsealed() {
        return jdbc.sql("select count(*) from platform_audit_log where chain_seq is null").query(Long.class).single();
    }

    private static long time(Runnable r) {
        long t = System.nanoTime();
        r.run();
        return System.nanoTime() - t;
    }

    private static void row(StringBuilder out, String what, long entries, long nanos) {
        out.append("| %s | %,d | %.0f | %,.0f |%n".formatted(what, entries, nanos / 1e6, entries / (nanos / 1e9)));
    }
}
