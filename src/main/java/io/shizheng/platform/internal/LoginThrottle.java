package io.shizheng.platform.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Repeated failed sign-ins lock an account name for a while. Kept in the database so that every
 * instance behind the load balancer sees the same count.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lock;

    LoginThrottle(JdbcClient jdbc, Optional<Clock> clock,
                  @Value("${shizheng.security.login.max-failures}") int maxFailures,
                  @Value("${shizheng.security.login.lock-minutes}") int lockMinutes) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.maxFailures = maxFailures;
        this.lock = Duration.ofMinutes(lockMinutes);
    }

    /** When the name is locked, the instant it opens again. */
    Optional<Instant> lockedUntil(String username) {
        return jdbc.sql("select locked_until from platform_login_throttle where username = ? and locked_until > ?")
                .params(key(username), java.sql.Timestamp.from(clock.instant()))
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }

    void failed(String username) {
        Instant now = clock.instant();
        int failures = jdbc.sql("""
                insert into platform_login_throttle(username, failures, last_failure_at) values (?, 1, ?)
                on conflict (username) do update set failures = platform_login_throttle.failures + 1,
                    last_failure_at = excluded.last_failure_at
                returning failures""")
                .params(key(username), java.sql.Timestamp.from(now)).query(Integer.class).single();
        if (failures >= maxFailures) {
            jdbc.sql("update platform_login_throttle set locked_until = ?, failures = 0 where username = ?")
                    .params(java.sql.Timestamp.from(now.plus(lock)), key(username)).update();
        }
    }

    void succeeded(String username) {
        jdbc.sql("delete from platform_login_throttle where username = ?").param(key(username)).update();
    }

    private static String key(String username) {
        return username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
    }
}
