package io.shizheng.servicequality.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.PersonalData;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training certificates: one per attended registration, issued when first printed, with a verification code
 * (16 characters of base32, 80 random bits) that anyone can check on the public page; RDEC may revoke one with a
 * reason. Templates read an issued certificate as {@code @trainingCertificates.issued(registrationId)}.
 */
@Service("trainingCertificates")
public class Certificates {

    /** RFC 4648 base32: no 0/1/8/9, so that a code read aloud or typed from paper is not mistaken. */
    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    static final int LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A certificate as stored, with its holder and course. */
    public record Certificate(long id, long registrationId, String code, Instant issuedAt, String issuedBy,
                              Instant revokedAt, String revokedBy, String revokeReason, String holder, long agencyId,
                              String courseName, BigDecimal hours, Instant sessionAt, boolean demo) {

        public boolean valid() { return revokedAt == null; }

        /** The code as printed, in groups of four. */
        public String displayCode() { return display(code); }
    }

    /** What the public page shows: the holder's name masked, nothing else personal. */
    public record Verification(String code, String holderMasked, String courseName, BigDecimal hours, LocalDate attendedOn,
                               String issuer, LocalDate issuedOn, boolean valid, LocalDate revokedOn, boolean demo) {
    }

    private final JdbcClient jdbc;
    private final Training training;
    private final Access access;
    private final AuditLog audit;
    private final Jurisdiction jurisdiction;
    private final Clock clock;

    Certificates(JdbcClient jdbc, Training training, Access access, AuditLog audit, Jurisdiction jurisdiction, Clock clock) {
        this.jdbc = jdbc;
        this.training = training;
        this.access = access;
        this.audit = audit;
        this.jurisdiction = jurisdiction;
        this.clock = clock;
    }

    static String newCode(RandomGenerator random) {
        StringBuilder b = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }

    static String display(String code) {
        return code.replaceAll("(.{4})(?!$)", "$1-");
    }

    /** A code as typed: case, spaces and dashes do not matter; null when it cannot be a code. */
    static String normalise(String typed) {
        if (typed == null) {
            return null;
        }
        String c = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return c.length() == LENGTH && c.chars().allMatch(ch -> ALPHABET.indexOf(ch) >= 0) ? c : null;
    }

    /** The issuing office as the certificate names it. */
    String issuer() {
        return jurisdiction.government() + "研究發展考核委員會";
    }

    private static final String SELECT = """
            select k.id, k.registration_id, k.code, k.issued_at, k.issued_by, k.revoked_at, k.revoked_by, k.revoke_reason,
                   r.person_name, r.agency_id, c.name, c.hours, s.starts_at, k.demo
            from servicequality_certificate k
            join servicequality_registration r on r.id = k.registration_id
            join servicequality_session s on s.id = r.session_id
            join servicequality_course c on c.id = s.course_id""";

    private static Certificate map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp revoked = rs.getTimestamp(6);
        return new Certificate(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getTimestamp(4).toInstant(), rs.getString(5),
                revoked == null ? null : revoked.toInstant(), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                rs.getString(11), rs.getBigDecimal(12), rs.getTimestamp(13).toInstant(), rs.getBoolean(14));
    }

    /** The certificate of a registration, if issued; for those who may see the registration. */
    public Certificate issued(long registrationId) {
        training.registration(registrationId);
        return jdbc.sql(SELECT + " where k.registration_id = ?").param(registrationId).query(Certificates::map).optional()
                .orElse(null);
    }

    /** The registration's certificate, issued now if it was not yet (audited once); only after attendance. */
    @Transactional
    Certificate issue(long registrationId) {
        ShizhengUser me = access.me();
        Training.Registration r = training.registration(registrationId);
        if (!r.attended()) {
            throw new NotFoundException("尚未報到，無研習證明 / no certificate before attendance");
        }
        Certificate existing = issued(registrationId);
        if (existing != null) {
            return existing;
        }
        String code = newCode(RANDOM);
        int inserted = jdbc.sql("""
                insert into servicequality_certificate (registration_id, code, issued_at, issued_by) values (?, ?, ?, ?)
                on conflict (registration_id) do nothing""")
                .params(registrationId, code, Timestamp.from(clock.instant()), me.displayName()).update();
        Certificate c = issued(registrationId);
        if (inserted == 1) {
            audit.record("servicequality.certificate", c.id(), AuditAction.CREATE, null,
                    Map.of("registrationId", registrationId, "code", c.code()));
        }
        return c;
    }

    /** RDEC revokes a certificate (issued in error, say), with a reason; the public page then says it is revoked. */
    @Transactional
    Certificate revoke(long registrationId, String reason) {
        ShizhengUser me = access.requireRdec();
        Certificate before = issued(registrationId);
        if (before == null) {
            throw new NotFoundException("此報名尚未核發研習證明 / no certificate was issued for this registration");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "請說明撤銷理由 / give the reason");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "理由不可超過 500 字 / reason is limited to 500 characters");
        }
        if (!before.valid()) {
            throw new InvalidInputException("reason", "此證明已於 " + new RocDate().dateTime(before.revokedAt())
                    + " 撤銷 / already revoked");
        }
        jdbc.sql("update servicequality_certificate set revoked_at = ?, revoked_by = ?, revoke_reason = ? where id = ?")
                .params(Timestamp.from(clock.instant()), me.displayName(), reason.strip(), before.id()).update();
        Certificate after = issued(registrationId);
        audit.record("servicequality.certificate", before.id(), AuditAction.UPDATE, Map.of("valid", true),
                Map.of("valid", false, "reason", reason.strip()));
        return after;
    }

    /** The public check of a code: unknown (or malformed) codes are not found. */
    Verification verify(String typed) {
        String code = normalise(typed);
        Optional<Certificate> c = code == null ? Optional.empty()
                : jdbc.sql(SELECT + " where k.code = ?").param(code).query(Certificates::map).optional();
        Certificate k = c.orElseThrow(() -> new NotFoundException("查無此驗證碼之研習證明 / no certificate has this code"));
        return new Verification(display(k.code()), PersonalData.mask(k.holder(), List.of(k.holder())), k.courseName(),
                k.hours(), LocalDate.ofInstant(k.sessionAt(), RocDate.TAIPEI), issuer(),
                LocalDate.ofInstant(k.issuedAt(), RocDate.TAIPEI), k.valid(),
                k.revokedAt() == null ? null : LocalDate.ofInstant(k.revokedAt(), RocDate.TAIPEI), k.demo());
    }
}
