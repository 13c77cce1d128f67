package io.shizheng.cases.internal.status;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.shizheng.platform.TooManyAttemptsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import io.shizheng.cases.internal.CaseRow;
import io.shizheng.cases.internal.Inputs;
import io.shizheng.cases.internal.CaseStore;

/**
 * The door to a case by number and verification code, counting wrong codes per client and per case in the database
 * (so that every instance shares the count): a client over its limit, or a case over its own, is refused with 429
 * until its window ends, whatever code it brings. A missing code is no guess and is not counted.
 */
@Component
public class CodeAttempts {

    static final String CLIENT = "CLIENT";
    static final String CASE = "CASE";

    private final CitizenActions citizen;
    private final CaseStore store;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CodeAttemptRules rules;

    CodeAttempts(CitizenActions citizen, CaseStore store, JdbcClient jdbc, Clock clock, CodeAttemptRules rules) {
        this.citizen = citizen;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rules = rules;
    }

    /** The case when the code is right; 404 when it is not; 429 when the client or the case has had too many wrong codes. */
    public CaseRow open(String caseNo, String code, String client) {
        if (Inputs.isBlank(caseNo) || Inputs.isBlank(code)) {
            return citizen.byCode(caseNo, code);
        }
        String caseKey = store.byNo(caseNo.strip()).map(c -> String.valueOf(c.id())).orElse(null);
        // every try is counted as wrong before the code is compared, so that parallel tries cannot slip past the limit
        take(CLIENT, client, rules.perClient(), "您輸入錯誤查詢碼的次數過多");
        if (caseKey != null) {
            try {
                take(CASE, caseKey, rules.perCase(), "此案件的查詢碼錯誤次數過多，已暫時鎖定");
            } catch (TooManyAttemptsException locked) {
                giveBack(CLIENT, client);
                throw locked;
            }
        }
        CaseRow c = citizen.byCode(caseNo, code);
        giveBack(CLIENT, client);
        if (caseKey != null) {
            giveBack(CASE, caseKey);
        }
        return c;
    }

    /** One more try; a window that has ended starts again at one. Refused when the window already holds the limit. */
    private void take(String kind, String subject, int limit, String why) {
        Instant now = clock.instant();
        Timestamp expired = Timestamp.from(now.minus(rules.window()));
        var row = jdbc.sql("""
                insert into cases_code_attempt (kind, subject, failures, window_start) values (:kind, :subject, 1, :now)
                on conflict (kind, subject) do update set
                  failures = case when cases_code_attempt.window_start <= :expired then 1 else cases_code_attempt.failures + 1 end,
                  window_start = case when cases_code_attempt.window_start <= :expired then :now else cases_code_attempt.window_start end
                returning failures, window_start""")
                .param("kind", kind).param("subject", subject).param("now", Timestamp.from(now)).param("expired", expired)
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getTimestamp(2).toInstant()}).single();
        if ((int) row[0] > limit) {
            Duration wait = Duration.between(now, ((Instant) row[1]).plus(rules.window()));
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw new TooManyAttemptsException(why + "，請 " + minutes + " 分鐘後再試 / too many wrong verification codes; "
                    + "try again in " + minutes + " minutes", wait);
        }
        if ((int) row[0] == 1) {
            // counts of windows long over are of no use: the table stays the size of the last hours' tries
            jdbc.sql("delete from cases_code_attempt where window_start < ?")
                    .param(Timestamp.from(now.minus(rules.window().multipliedBy(2)))).update();
        }
    }

    /** A try that was right (or refused for the case's sake) is not a wrong code. */
    private void giveBack(String kind, String subject) {
        jdbc.sql("update cases_code_attempt set failures = greatest(failures - 1, 0) where kind = ? and subject = ?")
                .params(kind, subject).update();
    }

    /** A client is its IP address; an IPv6 client its /64, which one household or phone usually holds whole. */
    public static String client(jakarta.servlet.http.HttpServletRequest request) {
        String address = request.getRemoteAddr();
        if (address == null || !address.contains(":")) {
            return address == null ? "?" : address;
        }
        try {
            byte[] b = InetAddress.getByName(address).getAddress();
            if (b.length == 16) {
                java.util.Arrays.fill(b, 8, 16, (byte) 0);
                return InetAddress.getByAddress(b).getHostAddress() + "/64";
            }
        } catch (UnknownHostException e) {
            // a literal address that does not parse: counted as written
        }
        return address;
    }
}
