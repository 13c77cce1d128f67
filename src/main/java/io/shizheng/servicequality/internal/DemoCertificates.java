package io.shizheng.servicequality.internal;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.shizheng.platform.DemoData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo certificates: every demo attendance has its certificate, issued the day after the session, with a code from a
 * fixed seed (demo codes are reproducible on purpose; real ones come from SecureRandom); the eighth and every fiftieth after it is revoked.
 */
@Component
class DemoCertificates implements DemoData {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    DemoCertificates(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    public String name() {
        return "servicequality-certificates";
    }

    @Override
    public String seededTable() {
        return "servicequality_certificate";
    }

    /** After the training demo data, whose attendances it certifies. */
    @Override
    public int order() {
        return OPERATIONAL + 5;
    }

    @Override
    public String seed() {
        Random random = new Random(2219);
        List<Object[]> rows = new ArrayList<>();
        int revoked = 0;
        for (var r : jdbc.sql("""
                select r.id, s.starts_at from servicequality_registration r join servicequality_session s on s.id = r.session_id
                where r.demo and r.attended_at is not null order by r.id""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2)}).list()) {
            Timestamp issued = Timestamp.from(((Timestamp) r[1]).toInstant().plusSeconds(86_400));
            boolean revoke = rows.size() % 50 == 7;
            revoked += revoke ? 1 : 0;
            rows.add(new Object[] {r[0], Certificates.newCode(random), issued, "研考會（示範）",
                    revoke ? Timestamp.from(issued.toInstant().plusSeconds(30 * 86_400L)) : null,
                    revoke ? "研考會（示範）" : null, revoke ? "報到紀錄有誤，重新核發（示範）" : null});
        }
        template.batchUpdate("""
                insert into servicequality_certificate (registration_id, code, issued_at, issued_by, revoked_at, revoked_by,
                  revoke_reason, demo) values (?, ?, ?, ?, ?, ?, ?, true)""", rows);
        return rows.size() + " demo training certificates (" + revoked + " revoked)";
    }
}
