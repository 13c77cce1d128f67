package io.shizheng.platform.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the audit log into a hash chain and verifies it (docs/decisions/0005-audit-hash-chain.md). Entries are
 * inserted by many transactions on many instances without coordination; this job, one instance at a time (ShedLock,
 * and an advisory lock in case two ever overlap), gives the committed entries not yet sealed the next chain positions
 * in id order, each with hash = SHA-256(previous hash || its content). A changed entry no longer matches its hash,
 * a deleted one leaves a gap, deleted newest entries leave the head pointing past the end.
 */
@Component
class AuditChain {

    /** What the verification found; {@code brokenAt} is the chain position of the first broken link. */
    record Verification(boolean intact, long sealed, long unsealed, long headPosition, String headHash,
                        Long brokenAt, Long brokenRowId, String problem) {

        String report() {
            if (intact) {
                return "稽核紀錄雜湊鏈完整 / Audit chain intact: " + sealed + " entries sealed (head " + headPosition + " "
                        + headHash + "), " + unsealed + " not yet sealed.";
            }
            return "稽核紀錄雜湊鏈中斷 / Audit chain BROKEN at position " + brokenAt
                    + (brokenRowId == null ? "" : " (entry id " + brokenRowId + ")") + ": " + problem;
        }
    }

    private record Head(long position, byte[] hash) {
    }

    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final byte[] GENESIS = new byte[32];
    private static final int BATCH = 5_000;
    private static final String COLUMNS = "id, at, user_id, username, agency_id, action, entity_type, entity_id, "
            + "before_state::text as before_state, after_state::text as after_state, demo, chain_seq, chain_hash";

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnly;

    AuditChain(JdbcClient jdbc, DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(2_000);
        this.tx = new TransactionTemplate(transactions);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Seals everything committed so far, a batch per transaction. */
    @Scheduled(fixedDelayString = "${shizheng.audit.seal-interval:PT10S}",
            initialDelayString = "${shizheng.audit.seal-initial-delay:PT5S}")
    @SchedulerLock(name = "platform.audit-seal", lockAtMostFor = "PT10M", lockAtLeastFor = "PT0S")
    void sealPending() {
        while (sealBatch() == BATCH) {
            // more to do: the next batch continues the chain from the head this one left
        }
    }

    private int sealBatch() {
        Integer sealed = tx.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('platform.audit-chain'))").query().singleRow();
            Head head = head().orElse(new Head(0, GENESIS));
            List<Object[]> rows = jdbc.sql("select " + COLUMNS + " from platform_audit_log where chain_seq is null "
                    + "order by id limit ?").param(BATCH).query((rs, i) -> new Object[] {rs.getLong("id"),
                    content(rs)}).list();
            if (rows.isEmpty()) {
                return 0;
            }
            Long[] ids = new Long[rows.size()];
            Long[] positions = new Long[rows.size()];
            byte[][] hashes = new byte[rows.size()][];
            long position = head.position();
            byte[] hash = head.hash();
            for (int i = 0; i < rows.size(); i++) {
                position++;
                hash = link(hash, position, (String) rows.get(i)[1]);
                ids[i] = (Long) rows.get(i)[0];
                positions[i] = position;
                hashes[i] = hash;
            }
            jdbc.sql("update platform_audit_log a set chain_seq = v.position, chain_hash = v.hash from "
                            + "unnest(?::bigint[], ?::bigint[], ?::bytea[]) as v(id, position, hash) where a.id = v.id")
                    .params(ids, positions, hashes).update();
            jdbc.sql("""
                    insert into platform_audit_chain_head(one, position, hash, sealed_at) values (true, ?, ?, now())
                    on conflict (one) do update set position = excluded.position, hash = excluded.hash,
                        sealed_at = excluded.sealed_at""").params(position, hash).update();
            log.debug("Audit chain sealed {} entries; head {} {}", rows.size(), position, hex(hash));
            return rows.size();
        });
        return sealed == null ? 0 : sealed;
    }

    /** Walks the chain from the start and stops at the first broken link. Joins a running transaction, if any. */
    Verification verify() {
        return readOnly.execute(status -> {
            long unsealed = jdbc.sql("select count(*) from platform_audit_log where chain_seq is null")
                    .query(Long.class).single();
            Optional<Head> recorded = head();
            ResultSetExtractor<Verification> walk = rs -> walk(rs, unsealed);
            Verification walked = streaming.query("select " + COLUMNS + " from platform_audit_log "
                    + "where chain_seq is not null order by chain_seq", walk);
            if (walked.intact() && recorded.isPresent()) {
                Head h = recorded.get();
                if (walked.headPosition() < h.position()) {
                    return broken(walked, unsealed, walked.headPosition() + 1, null, "entries from position "
                            + (walked.headPosition() + 1) + " to " + h.position() + " were deleted (the last seal "
                            + "reached " + h.position() + ")");
                }
                if (walked.headPosition() == h.position() && !walked.headHash().equals(hex(h.hash()))) {
                    return broken(walked, unsealed, h.position(), null, "the recorded head hash does not match");
                }
            }
            return walked;
        });
    }

    private Verification walk(ResultSet rs, long unsealed) throws SQLException {
        long expected = 1;
        byte[] hash = GENESIS;
        while (rs.next()) {
            long position = rs.getLong("chain_seq");
            long id = rs.getLong("id");
            if (position != expected) {
                return new Verification(false, expected - 1, unsealed, expected - 1, hex(hash), expected, null,
                        "entries at positions " + expected + (position - 1 > expected ? " to " + (position - 1) : "")
                                + " were deleted (the next entry, id " + id + ", is at position " + position + ")");
            }
            byte[] computed = link(hash, position, content(rs));
            if (!Arrays.equals(computed, rs.getBytes("chain_hash"))) {
                return new Verification(false, expected - 1, unsealed, expected - 1, hex(hash), position, id,
                        "entry id " + id + " at position " + position + " was changed after it was sealed "
                                + "(its content no longer matches its hash)");
            }
            hash = computed;
            expected++;
        }
        return new Verification(true, expected - 1, unsealed, expected - 1, hex(hash), null, null, null);
    }

    private static Verification broken(Verification walked, long unsealed, long at, Long id, String problem) {
        return new Verification(false, walked.sealed(), unsealed, walked.headPosition(), walked.headHash(), at, id,
                problem);
    }

    private Optional<Head> head() {
        return jdbc.sql("select position, hash from platform_audit_chain_head")
                .query((rs, i) -> new Head(rs.getLong(1), rs.getBytes(2))).optional();
    }

    /** The entry's fields, each length-prefixed so that no two different entries read the same. */
    private static String content(ResultSet rs) throws SQLException {
        StringBuilder b = new StringBuilder(256);
        field(b, rs.getString("id"));
        Timestamp at = rs.getTimestamp("at");
        field(b, at == null ? null : at.toInstant().toString());
        field(b, rs.getString("user_id"));
        field(b, rs.getString("username"));
        field(b, rs.getString("agency_id"));
        field(b, rs.getString("action"));
        field(b, rs.getString("entity_type"));
        field(b, rs.getString("entity_id"));
        field(b, rs.getString("before_state"));
        field(b, rs.getString("after_state"));
        field(b, String.valueOf(rs.getBoolean("demo")));
        return b.toString();
    }

    private static void field(StringBuilder b, String value) {
        if (value == null) {
            b.append("-;");
        } else {
            b.append(value.length()).append(':').append(value).append(';');
        }
    }

    private static byte[] link(byte[] previous, long position, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous);
            sha.update((position + ";" + content).getBytes(StandardCharsets.UTF_8));
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
