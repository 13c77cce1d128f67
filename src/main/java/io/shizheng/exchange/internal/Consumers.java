package io.shizheng.exchange.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who may read exchange data: consumers (agencies or registered outside parties), their keys, their grants. */
@Service
class Consumers {

    static final String KEY_PREFIX = "exk_";
    static final int MAX_QUOTA = 1_000_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final ExchangeDatasets datasets;
    private final AgencyDirectory agencies;
    private final AuditLog audit;

    Consumers(JdbcClient jdbc, ExchangeDatasets datasets, AgencyDirectory agencies, AuditLog audit) {
        this.jdbc = jdbc;
        this.datasets = datasets;
        this.agencies = agencies;
        this.audit = audit;
    }

    record Consumer(long id, String name, Long agencyId, String contact, Instant createdAt, boolean demo) {
    }

    record Grant(long id, long consumerId, String consumer, String dataset, int dailyQuota, Instant grantedAt,
                 Instant revokedAt) {
    }

    record IssuedKey(long id, long consumerId, String key) {
    }

    /** The consumer and dataset a valid key may read today, with the quota left. */
    record Access(long keyId, long consumerId, long datasetId, int dailyQuota, int usedToday) {
    }

    List<Consumer> list() {
        return jdbc.sql("select * from exchange_consumer order by name").query((rs, n) -> new Consumer(rs.getLong("id"),
                rs.getString("name"), (Long) rs.getObject("agency_id"), rs.getString("contact"),
                rs.getTimestamp("created_at").toInstant(), rs.getBoolean("demo"))).list();
    }

    Consumer get(long id) {
        return list().stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("沒有使用單位 " + id + " / no such consumer"));
    }

    /** RDEC registers outside parties; an agency officer registers their own agency as a consumer. */
    @Transactional
    Consumer register(String name, Long agencyId, String contact) {
        ShizhengUser user = CurrentUser.require();
        // name and contact are checked by ConsumerInput's annotations; the agency needs the database
        if (agencyId != null && agencies.find(agencyId).isEmpty()) {
            throw new InvalidInputException("agencyId", "機關不存在 / agency does not exist");
        }
        if (!agencies.covers(user, agencyId)) {
            throw new ForbiddenException("機關同仁只能登記自己的機關 / agency staff register their own agency only");
        }
        long id = jdbc.sql("insert into exchange_consumer(name, agency_id, contact) values (?, ?, ?) returning id")
                .params(name.trim(), agencyId, contact).query(Long.class).single();
        Consumer after = get(id);
        audit.record("exchange.consumer", id, AuditAction.CREATE, null, after);
        return after;
    }

    @Transactional
    IssuedKey issueKey(long consumerId) {
        Consumer c = get(consumerId);
        requireManager(c);
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String raw = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        long id = jdbc.sql("insert into exchange_key(consumer_id, key_hash, prefix) values (?, ?, ?) returning id")
                .params(consumerId, sha256(raw), raw.substring(0, 10)).query(Long.class).single();
        audit.record("exchange.key", id, AuditAction.CREATE, null, Map.of("consumerId", consumerId, "prefix", raw.substring(0, 10)));
        return new IssuedKey(id, consumerId, raw);
    }

    @Transactional
    void revokeKey(long keyId) {
        long consumerId = jdbc.sql("select consumer_id from exchange_key where id = ?").param(keyId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("沒有金鑰 " + keyId + " / no such key"));
        requireManager(get(consumerId));
        jdbc.sql("update exchange_key set revoked = true where id = ?").param(keyId).update();
        audit.record("exchange.key", keyId, AuditAction.UPDATE, Map.of("revoked", false), Map.of("revoked", true));
    }

    /** The dataset's owner agency (or RDEC) grants a consumer access with a daily request quota. */
    @Transactional
    Grant grant(String datasetCode, long consumerId, Integer dailyQuota) {
        ExchangeDatasets.Dataset d = datasets.get(datasetCode);
        datasets.requireOwner(CurrentUser.require(), d.ownerAgencyId());
        get(consumerId);
        if (dailyQuota == null || dailyQuota < 1 || dailyQuota > MAX_QUOTA) {
            throw new InvalidInputException("dailyQuota", "每日配額須為 1 至 " + MAX_QUOTA + " / daily quota must be 1 to " + MAX_QUOTA);
        }
        Optional<Grant> before = grantOf(d.id(), consumerId);
        long id = jdbc.sql("""
                insert into exchange_grant(consumer_id, dataset_id, daily_quota) values (?, ?, ?)
                on conflict (consumer_id, dataset_id) do update set daily_quota = excluded.daily_quota, revoked_at = null
                returning id""").params(consumerId, d.id(), dailyQuota).query(Long.class).single();
        Grant after = grantOf(d.id(), consumerId).orElseThrow();
        audit.record("exchange.grant", id, before.isPresent() ? AuditAction.UPDATE : AuditAction.CREATE, before.orElse(null), after);
        return after;
    }

    @Transactional
    Grant revokeGrant(String datasetCode, long consumerId) {
        ExchangeDatasets.Dataset d = datasets.get(datasetCode);
        datasets.requireOwner(CurrentUser.require(), d.ownerAgencyId());
        Grant before = grantOf(d.id(), consumerId).orElseThrow(() -> new NotFoundException("沒有此授權 / no such grant"));
        jdbc.sql("update exchange_grant set revoked_at = now() where id = ? and revoked_at is null").param(before.id()).update();
        Grant after = grantOf(d.id(), consumerId).orElseThrow();
        audit.record("exchange.grant", before.id(), AuditAction.UPDATE, before, after);
        return after;
    }

    List<Grant> grants(long datasetId) {
        return jdbc.sql(GRANTS + " where g.dataset_id = ? order by c.name").param(datasetId).query(this::grantRow).list();
    }

    private Optional<Grant> grantOf(long datasetId, long consumerId) {
        return jdbc.sql(GRANTS + " where g.dataset_id = ? and g.consumer_id = ?").params(datasetId, consumerId)
                .query(this::grantRow).optional();
    }

    private static final String GRANTS = """
            select g.*, c.name as consumer_name, d.code as dataset_code from exchange_grant g
            join exchange_consumer c on c.id = g.consumer_id join exchange_dataset d on d.id = g.dataset_id""";

    private Grant grantRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Grant(rs.getLong("id"), rs.getLong("consumer_id"), rs.getString("consumer_name"),
                rs.getString("dataset_code"), rs.getInt("daily_quota"), rs.getTimestamp("granted_at").toInstant(),
                rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant());
    }

    /** What the key may read of the dataset today, or why not. */
    Access authorise(String rawKey, long datasetId, LocalDate today) {
        if (rawKey == null || !rawKey.startsWith(KEY_PREFIX)) {
            throw new KeyRefused(401, "請以 X-Exchange-Key 標頭提供交換金鑰 / send your exchange key in X-Exchange-Key");
        }
        Optional<Map<String, Object>> key = jdbc.sql("select id, consumer_id from exchange_key where key_hash = ? and not revoked")
                .param(sha256(rawKey)).query().listOfRows().stream().findFirst();
        if (key.isEmpty()) {
            throw new KeyRefused(401, "交換金鑰無效或已撤銷 / invalid or revoked exchange key");
        }
        long keyId = ((Number) key.get().get("id")).longValue();
        long consumerId = ((Number) key.get().get("consumer_id")).longValue();
        Integer quota = jdbc.sql("select daily_quota from exchange_grant where consumer_id = ? and dataset_id = ? and revoked_at is null")
                .params(consumerId, datasetId).query(Integer.class).optional().orElse(null);
        if (quota == null) {
            throw new KeyRefused(403, "此金鑰未獲授權使用此資料集 / this key has no grant for this dataset");
        }
        int used = jdbc.sql("select coalesce(sum(requests), 0) from exchange_usage where key_id = ? and dataset_id = ? and day = ?")
                .params(keyId, datasetId, today).query(Integer.class).single();
        return new Access(keyId, consumerId, datasetId, quota, used);
    }

    /** A refused key: 401 without a valid key, 403 without a grant, 429 over quota. */
    static final class KeyRefused extends RuntimeException {
        private final int status;

        KeyRefused(int status, String message) {
            super(message);
            this.status = status;
        }

        int status() { return status; }
    }

    private void requireManager(Consumer c) {
        ShizhengUser user = CurrentUser.require();
        if (!agencies.covers(user, c.agencyId())) {
            throw new ForbiddenException("只有研考會或該使用機關可管理金鑰 / only RDEC or the consuming agency manage its keys");
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
