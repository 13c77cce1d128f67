package io.shizheng.cases.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Open311 client keys, stored as SHA-256 hashes. */
@Component
public class Open311Keys {

    static final String DEMO_KEY = "demo-open311-key";
    private final JdbcClient jdbc;
    private final io.shizheng.platform.DemoMode demo;

    Open311Keys(JdbcClient jdbc, io.shizheng.platform.DemoMode demo) {
        this.jdbc = jdbc;
        this.demo = demo;
    }

    public Optional<Long> resolve(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        // a demo key left in a database that now runs for real opens nothing
        return jdbc.sql("select id from cases_api_key where key_hash = ? and active and (not demo or ?)")
                .params(hash(key.strip()), demo.enabled()).query(Long.class).optional();
    }

    /** Adds a key unless it exists; used for the demo key (demo mode only) and by administrators. */
    long ensure(String name, String key, boolean demo) {
        return jdbc.sql("insert into cases_api_key (name, key_hash, demo) values (?,?,?) on conflict (key_hash) do update "
                        + "set name = excluded.name returning id")
                .params(name, hash(key), demo).query(Long.class).single();
    }

    record KeyInfo(long id, String name, boolean active, boolean demo, java.time.Instant createdAt) {
    }

    java.util.List<KeyInfo> all() {
        return jdbc.sql("select id, name, active, demo, created_at from cases_api_key order by id")
                .query((rs, n) -> new KeyInfo(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getBoolean(4),
                        rs.getTimestamp(5).toInstant())).list();
    }

    /** A new random key for a client; only its hash is kept, so it is shown once. */
    String issue(String name) {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        String key = "o311_" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ensure(name, key, false);
        return key;
    }

    /** False when there is no such key. */
    boolean deactivate(long id) {
        return jdbc.sql("update cases_api_key set active = false where id = ?").param(id).update() > 0;
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
