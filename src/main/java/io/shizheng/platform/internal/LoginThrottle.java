package io.shizheng.platform.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed sign-ins lock, for {@code lock-minutes}: the account from one client address after {@code max-failures}
 * (the attacker locks their own address, and the account's owner elsewhere still gets in), a client address for
 * every account after {@code max-failures-per-address}, and an account from everywhere after the much higher
 * {@code max-failures-per-account} (a distributed attack is slowed). Failures count within a window as long as the
 * lock. Kept in the database so that every instance behind the load balancer sees the same counts.
 * See docs/decisions/0004-sign-in-throttling.md.
 */
@Component
class LoginThrottle {

    enum Scope { PAIR, ADDRESS, ACCOUNT }

    /** Settings under shizheng.security.login. */
    @ConfigurationProperties("shizheng.security.login")
    record Rules(int maxFailures, int maxFailuresPerAddress, int maxFailuresPerAccount, int lockMinutes) {

        int limit(Scope scope) {
            return switch (scope) {
                case PAIR -> maxFailures;
                case ADDRESS -> maxFailuresPerAddress;
                case ACCOUNT -> maxFailuresPerAccount;
            };
        }
    }

    private record Counter(Scope scope, String subject) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Rules rules;
    private final Duration lock;

    LoginThrottle(JdbcClient jdbc, Optional<Clock> clock, Rules rules) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
        this.rules = rules;
        this.lock = Duration.ofMinutes(rules.lockMinutes());
    }

    /** When this account may not sign in from this address, the instant it may again. */
    Optional<Instant> lockedUntil(String username, String address) {
        List<Counter> counters = counters(username, address);
        return jdbc.sql("select max(locked_until) from platform_login_throttle where locked_until > ? and "
                        + "(scope, subject) in ((?, ?), (?, ?), (?, ?))")
                .params(params(Timestamp.from(clock.instant()), counters))
                .query(Timestamp.class).optional().map(Timestamp::toInstant);
    }

    void failed(String username, String address) {
        Instant now = clock.instant();
        List<Counter> counters = counters(username, address);
        List<Counter> over = new ArrayList<>();
        // One statement for the three counters; a window that has passed starts again at one.
        jdbc.sql("""
                insert into platform_login_throttle(scope, subject, failures, window_start)
                values (?, ?, 1, ?), (?, ?, 1, ?), (?, ?, 1, ?)
                on conflict (scope, subject) do update set
                    failures = case when platform_login_throttle.window_start < ? then 1
                                    else platform_login_throttle.failures + 1 end,
                    window_start = case when platform_login_throttle.window_start < ? then excluded.window_start
                                        else platform_login_throttle.window_start end
                returning scope, subject, failures""")
                .params(counters.get(0).scope().name(), counters.get(0).subject(), Timestamp.from(now),
                        counters.get(1).scope().name(), counters.get(1).subject(), Timestamp.from(now),
                        counters.get(2).scope().name(), counters.get(2).subject(), Timestamp.from(now),
                        Timestamp.from(now.minus(lock)), Timestamp.from(now.minus(lock)))
                .query((rs, row) -> {
                    Counter c = new Counter(Scope.valueOf(rs.getString(1)), rs.getString(2));
                    if (rs.getInt(3) >= rules.limit(c.scope())) {
                        over.add(c);
                    }
                    return c;
                }).list();
        for (Counter c : over) {
            jdbc.sql("update platform_login_throttle set locked_until = ?, failures = 0, window_start = ? "
                            + "where scope = ? and subject = ?")
                    .params(Timestamp.from(now.plus(lock)), Timestamp.from(now), c.scope().name(), c.subject()).update();
        }
    }

    /** The owner proved the password: their account and this address's attempts at it start afresh. */
    void succeeded(String username, String address) {
        List<Counter> counters = counters(username, address);
        jdbc.sql("delete from platform_login_throttle where (scope, subject) in ((?, ?), (?, ?))")
                .params(counters.get(0).scope().name(), counters.get(0).subject(),
                        counters.get(2).scope().name(), counters.get(2).subject()).update();
    }

    /** Counters whose window and lock are long over, left by addresses that never came back. */
    @Scheduled(cron = "${shizheng.security.login.prune-cron:0 17 * * * *}", zone = "Asia/Taipei")
    @SchedulerLock(name = "platform.login-throttle-prune", lockAtMostFor = "PT10M")
    void prune() {
        Timestamp cutoff = Timestamp.from(clock.instant().minus(lock).minus(Duration.ofDays(1)));
        jdbc.sql("delete from platform_login_throttle where window_start < ? and (locked_until is null or locked_until < ?)")
                .params(cutoff, cutoff).update();
    }

    private static List<Counter> counters(String username, String address) {
        String account = username == null ? "" : username.trim().toLowerCase(Locale.ROOT);
        String from = address == null ? "" : address;
        return List.of(new Counter(Scope.PAIR, account + "|" + from), new Counter(Scope.ADDRESS, from),
                new Counter(Scope.ACCOUNT, account));
    }

    private static Object[] params(Object first, List<Counter> counters) {
        List<Object> params = new ArrayList<>(List.of(first));
        counters.forEach(c -> {
            params.add(c.scope().name());
            params.add(c.subject());
        });
        return params.toArray();
    }
}
