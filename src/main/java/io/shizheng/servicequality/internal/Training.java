package io.shizheng.servicequality.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service training: courses, sessions with a capacity, registration by agencies, attendance taken at the
 * door (by the registration's QR token or from the list; once per registration) and certificates.
 */
@Service
class Training {

    static final Set<String> CATEGORIES = Set.of("PHONE", "COUNTER", "PETITION", "HOSPITALITY", "DIGITAL");

    record Course(long id, String code, String name, String nameEn, String category, BigDecimal hours, boolean demo) {
    }

    record Session(long id, long courseId, String courseName, String category, BigDecimal hours, Instant startsAt,
                   String place, int capacity, long registered, long attended, boolean demo) {
        public long seatsLeft() { return Math.max(0, capacity - registered); }
    }

    record Registration(long id, long sessionId, long agencyId, String agencyName, String personName, String email,
                        String token, Instant registeredAt, Instant attendedAt, String checkedInBy, boolean demo) {
        public boolean attended() { return attendedAt != null; }
    }

    record CourseInput(String code, String name, String nameEn, String category, BigDecimal hours) {
    }

    record SessionInput(Long courseId, LocalDateTime startsAt, String place, Integer capacity) {
    }

    record RegistrationInput(Long agencyId, String personName, String email) {
    }

    private static final SecureRandom TOKENS = new SecureRandom();

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;
    private final AgencyDirectory agencies;
    private final Clock clock;

    Training(JdbcClient jdbc, AuditLog audit, Access access, AgencyDirectory agencies, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.agencies = agencies;
        this.clock = clock;
    }

    List<Course> courses() {
        return jdbc.sql("select id, code, name, name_en, category, hours, demo from servicequality_course order by code")
                .query((rs, n) -> new Course(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getBigDecimal(6), rs.getBoolean(7))).list();
    }

    @Transactional
    Course addCourse(CourseInput in) {
        access.requireRdec();
        List<FieldProblem> p = new ArrayList<>();
        if (in.code() == null || !in.code().matches("[A-Z0-9-]{2,30}")) {
            p.add(new FieldProblem("code", "代碼須為 2 至 30 個英文大寫字母、數字或 - / code must be 2-30 of A-Z, 0-9, -"));
        } else if (courses().stream().anyMatch(c -> c.code().equals(in.code()))) {
            p.add(new FieldProblem("code", "代碼已使用 / code already in use"));
        }
        if (in.name() == null || in.name().isBlank()) {
            p.add(new FieldProblem("name", "請填課程名稱 / name is required"));
        }
        if (in.category() == null || !CATEGORIES.contains(in.category())) {
            p.add(new FieldProblem("category", "類別須為 " + CATEGORIES + " 之一 / unknown category"));
        }
        if (in.hours() == null || in.hours().signum() <= 0 || in.hours().compareTo(BigDecimal.valueOf(40)) > 0) {
            p.add(new FieldProblem("hours", "時數須大於 0 且不超過 40 / hours must be over 0 and at most 40"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        long id = jdbc.sql("insert into servicequality_course (code, name, name_en, category, hours) values (?, ?, ?, ?, ?) returning id")
                .params(in.code(), in.name().trim(), in.nameEn(), in.category(), in.hours()).query(Long.class).single();
        Course c = courses().stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.record("servicequality.course", id, AuditAction.CREATE, null, c);
        return c;
    }

    private static final String SESSION_SELECT = """
            select s.id, s.course_id, c.name, c.category, c.hours, s.starts_at, s.place, s.capacity,
                   (select count(*) from servicequality_registration r where r.session_id = s.id),
                   (select count(*) from servicequality_registration r where r.session_id = s.id and r.attended_at is not null),
                   s.demo
            from servicequality_session s join servicequality_course c on c.id = s.course_id""";

    private Session mapSession(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Session(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getInt(8), rs.getLong(9), rs.getLong(10), rs.getBoolean(11));
    }

    List<Session> sessions(int year) {
        return jdbc.sql(SESSION_SELECT + " where s.starts_at >= ? and s.starts_at < ? order by s.starts_at")
                .params(java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(RocDate.TAIPEI).toInstant()),
                        java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(RocDate.TAIPEI).toInstant()))
                .query((rs, n) -> mapSession(rs)).list();
    }

    Session session(long id) {
        return jdbc.sql(SESSION_SELECT + " where s.id = ?").param(id).query((rs, n) -> mapSession(rs)).optional()
                .orElseThrow(() -> new NotFoundException("沒有場次 " + id + " / no session " + id));
    }

    @Transactional
    Session addSession(SessionInput in) {
        access.requireRdec();
        List<FieldProblem> p = new ArrayList<>();
        if (in.courseId() == null || courses().stream().noneMatch(c -> c.id() == in.courseId())) {
            p.add(new FieldProblem("courseId", "請選擇課程 / unknown course"));
        }
        if (in.startsAt() == null) {
            p.add(new FieldProblem("startsAt", "請填上課時間 / start time is required"));
        }
        if (in.place() == null || in.place().isBlank()) {
            p.add(new FieldProblem("place", "請填地點 / place is required"));
        }
        if (in.capacity() == null || in.capacity() < 1 || in.capacity() > 2000) {
            p.add(new FieldProblem("capacity", "名額須為 1 至 2000 / capacity must be 1 to 2000"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        long id = jdbc.sql("insert into servicequality_session (course_id, starts_at, place, capacity) values (?, ?, ?, ?) returning id")
                .params(in.courseId(), java.sql.Timestamp.from(in.startsAt().atZone(RocDate.TAIPEI).toInstant()),
                        in.place().trim(), in.capacity()).query(Long.class).single();
        Session s = session(id);
        audit.record("servicequality.session", id, AuditAction.CREATE, null, s);
        return s;
    }

    private static final String REG_SELECT = """
            select id, session_id, agency_id, person_name, email, token, registered_at, attended_at, checked_in_by, demo
            from servicequality_registration""";

    private Registration mapReg(java.sql.ResultSet rs, java.util.Map<Long, String> names) throws java.sql.SQLException {
        java.sql.Timestamp at = rs.getTimestamp(8);
        long agency = rs.getLong(3);
        return new Registration(rs.getLong(1), rs.getLong(2), agency, names.getOrDefault(agency, "#" + agency),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                at == null ? null : at.toInstant(), rs.getString(9), rs.getBoolean(10));
    }

    private java.util.Map<Long, String> names() {
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        agencies.all().forEach(a -> names.put(a.id(), a.name()));
        return names;
    }

    List<Registration> registrations(long sessionId, AgencyScope scope) {
        var names = names();
        return jdbc.sql(REG_SELECT + " where session_id = :session" + scope.andSql("agency_id") + " order by id")
                .param("session", sessionId).query((rs, n) -> mapReg(rs, names)).list();
    }

    Registration registration(long id) {
        var names = names();
        Registration r = jdbc.sql(REG_SELECT + " where id = ?").param(id).query((rs, n) -> mapReg(rs, names)).optional()
                .orElseThrow(() -> new NotFoundException("沒有報名 " + id + " / no registration " + id));
        access.requireCovers(access.me(), r.agencyId());
        return r;
    }

    /** An agency registers a colleague; the session must have a seat left and the person not be registered. */
    @Transactional
    Registration register(long sessionId, RegistrationInput in) {
        ShizhengUser me = access.me();
        Session s = session(sessionId);
        Long agencyId = in.agencyId() != null ? in.agencyId() : me.agencyId();
        List<FieldProblem> p = new ArrayList<>();
        if (agencyId == null || agencies.find(agencyId).isEmpty()) {
            p.add(new FieldProblem("agencyId", "請選擇機關 / unknown agency"));
        }
        if (in.personName() == null || in.personName().isBlank() || in.personName().length() > 100) {
            p.add(new FieldProblem("personName", "請填參訓人員姓名 / the participant's name is required"));
        }
        if (in.email() != null && !in.email().isBlank() && !in.email().matches("[^@\\s]+@[^@\\s]+")) {
            p.add(new FieldProblem("email", "電子郵件格式不正確 / not an e-mail address"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        access.requireCovers(me, agencyId);
        // lock the session row so that two registrations cannot both take the last seat
        jdbc.sql("select id from servicequality_session where id = ? for update").param(sessionId).query(Long.class).single();
        long taken = jdbc.sql("select count(*) from servicequality_registration where session_id = ?").param(sessionId)
                .query(Long.class).single();
        if (taken >= s.capacity()) {
            throw new InvalidInputException("sessionId", "本場次已額滿（" + s.capacity() + " 人）/ the session is full");
        }
        if (jdbc.sql("select count(*) from servicequality_registration where session_id = ? and agency_id = ? and person_name = ?")
                .params(sessionId, agencyId, in.personName().trim()).query(Long.class).single() > 0) {
            throw new InvalidInputException("personName", in.personName().trim() + " 已報名本場次 / already registered");
        }
        long id = jdbc.sql("""
                insert into servicequality_registration (session_id, agency_id, person_name, email, token, registered_at)
                values (?, ?, ?, ?, ?, ?) returning id""")
                .params(sessionId, agencyId, in.personName().trim(), in.email() == null || in.email().isBlank() ? null : in.email().trim(),
                        newToken(), java.sql.Timestamp.from(clock.instant())).query(Long.class).single();
        Registration r = registration(id);
        audit.record("servicequality.registration", id, AuditAction.CREATE, null, r);
        return r;
    }

    static String newToken() {
        byte[] b = new byte[16];
        TOKENS.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Attendance by the QR token shown at the door. */
    @Transactional
    Registration checkInByToken(String token) {
        access.requireRdec();
        Long id = token == null ? null : jdbc.sql("select id from servicequality_registration where token = ?")
                .param(token.trim()).query(Long.class).optional().orElse(null);
        if (id == null) {
            throw new InvalidInputException("token", "報到碼無效 / unknown check-in code");
        }
        return attend(id);
    }

    /** Attendance from the list; a second check-in of the same registration is refused. */
    @Transactional
    Registration attend(long registrationId) {
        ShizhengUser me = access.requireRdec();
        Registration before = registration(registrationId);
        int updated = jdbc.sql("""
                update servicequality_registration set attended_at = ?, checked_in_by = ?
                where id = ? and attended_at is null""")
                .params(java.sql.Timestamp.from(clock.instant()), me.displayName(), registrationId).update();
        if (updated == 0) {
            throw new InvalidInputException("registrationId", before.personName() + " 已於 "
                    + new RocDate().dateTime(before.attendedAt()) + " 報到，不可重複 / already checked in");
        }
        Registration after = registration(registrationId);
        audit.record("servicequality.registration", registrationId, AuditAction.UPDATE, before, after);
        return after;
    }

    /** Attendances at sessions held in [from, to] (days in Asia/Taipei), over the scope. */
    long attendances(LocalDate from, LocalDate to, AgencyScope scope) {
        return jdbc.sql("""
                select count(*) from servicequality_registration r join servicequality_session s on s.id = r.session_id
                where r.attended_at is not null and s.starts_at >= :from and s.starts_at < :to""" + scope.andSql("r.agency_id"))
                .param("from", java.sql.Timestamp.from(from.atStartOfDay(RocDate.TAIPEI).toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant()))
                .query(Long.class).single();
    }

    record AgencyAttendance(long agencyId, String agencyName, long registered, long attended) {
    }

    /** Registrations and attendances per agency at the year's sessions, most attended first. */
    List<AgencyAttendance> byAgency(int year, AgencyScope scope) {
        var names = names();
        return jdbc.sql("""
                select r.agency_id, count(*), count(r.attended_at) from servicequality_registration r
                join servicequality_session s on s.id = r.session_id
                where s.starts_at >= :from and s.starts_at < :to""" + scope.andSql("r.agency_id")
                        + " group by r.agency_id order by count(r.attended_at) desc, r.agency_id")
                .param("from", java.sql.Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(RocDate.TAIPEI).toInstant()))
                .param("to", java.sql.Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(RocDate.TAIPEI).toInstant()))
                
                .query((rs, n) -> new AgencyAttendance(rs.getLong(1), names.getOrDefault(rs.getLong(1), "#" + rs.getLong(1)),
                        rs.getLong(2), rs.getLong(3))).list();
    }
}
