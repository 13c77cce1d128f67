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
class Open311Keys {

    static final String DEMO_KEY = "demo-open311-key";
    private final JdbcClient jdbc;

    Open311Keys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> resolve(String key) {
        if (key == null || key.isBlank() || key.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("select id from cases_api_key where key_hash = ? and active").param(hash(key.strip()))
                .query(Long.class).optional();
    }

    /** Adds a key unless it exists; used for the demo key (demo mode only) and by administrators. */
    long ensure(String name, String key, boolean demo) {
        return jdbc.sql("insert into cases_api_key (name, key_hash, demo) values (?,?,?) on conflict (key_hash) do update "
                        + "set name = excluded.name returning id")
                .params(name, hash(key), demo).query(Long.class).single();
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
