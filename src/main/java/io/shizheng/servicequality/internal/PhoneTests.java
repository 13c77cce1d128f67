package io.shizheng.servicequality.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Notifications;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.platform.WorkingDayCalendar;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phone-answering tests: monthly rounds sampled from the phone lines (weighted to lines that failed before)
 * and spread over the month's working days, calls scored against the year's rubric, improvement notices
 * for calls under the pass mark (answered and retested in {@link ImprovementNotices}).
 */
@Service
class PhoneTests {

    record Line(long id, long agencyId, String agencyName, String unitName, String phone, String contactEmail,
                boolean active, boolean demo) {
    }

    /** {@code automatic}: planned by the monthly job ({@link MonthlyRounds}) rather than by hand. */
    record Round(long id, int year, int month, String title, long planned, long scored, long passed, boolean demo,
                 boolean automatic) {
        public PassRate rate() { return new PassRate(scored, passed); }
    }

    record Call(long id, long roundId, long lineId, long agencyId, String agencyName, String unitName, String phone,
                LocalDate scheduledOn, Long retestOf, String tester, Instant calledAt, String answerer, Integer total,
                Boolean passed, String note, boolean demo) {
        public boolean scored() { return total != null; }
    }

    record Score(String code, String name, int maxPoints, int points) {
    }

    /** {@code calledAt} is when the call was made, if recorded afterwards; now when absent. */
    record ScoreInput(String answerer, Map<String, Integer> points, String note, java.time.LocalDateTime calledAt) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Access access;
    private final Rubrics rubrics;
    private final WorkingDayCalendar calendar;
    private final Notifications mail;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final int failedWeight;

    PhoneTests(JdbcClient jdbc, AuditLog audit, Access access, Rubrics rubrics, WorkingDayCalendar calendar,
               Notifications mail, AgencyDirectory agencies, Clock clock,
               @Value("${shizheng.servicequality.failed-line-weight:3}") int failedWeight) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
        this.rubrics = rubrics;
        this.calendar = calendar;
        this.mail = mail;
        this.agencies = agencies;
        this.clock = clock;
        this.failedWeight = failedWeight;
    }

    // ---------------------------------------------------------------- lines

    List<Line> lines(AgencyScope scope) {
        Map<Long, String> names = names();
        return jdbc.sql("select id, agency_id, unit_name, phone, contact_email, active, demo from servicequality_line"
                        + " where " + scope.sql("agency_id") + " order by agency_id, id")
                .query((rs, n) -> new Line(rs.getLong(1), rs.getLong(2), names.getOrDefault(rs.getLong(2), "#" + rs.getLong(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7))).list();
    }

    record LineInput(Long agencyId, String unitName, String phone, String contactEmail) {
    }

    @Transactional
    Line addLine(LineInput in) {
        access.requireRdec();
        List<InvalidInputException.FieldProblem> p = new ArrayList<>();
        if (in.agencyId() == null || agencies.find(in.agencyId()).isEmpty()) {
            p.add(new InvalidInputException.FieldProblem("agencyId", "請選擇機關 / unknown agency"));
        }
        if (in.unitName() == null || in.unitName().isBlank()) {
            p.add(new InvalidInputException.FieldProblem("unitName", "請填單位名稱 / unit is required"));
        }
        if (in.phone() == null || !in.phone().matches("[0-9()#\\- ]{6,40}")) {
            p.add(new InvalidInputException.FieldProblem("phone", "電話號碼格式不正確 / not a phone number"));
        }
        if (in.contactEmail() != null && !in.contactEmail().isBlank() && !in.contactEmail().matches("[^@\\s]+@[^@\\s]+")) {
            p.add(new InvalidInputException.FieldProblem("contactEmail", "電子郵件格式不正確 / not an e-mail address"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        long id = jdbc.sql("insert into servicequality_line (agency_id, unit_name, phone, contact_email) values (?, ?, ?, ?) returning id")
                .params(in.agencyId(), in.unitName().trim(), in.phone().trim(),
                        in.contactEmail() == null || in.contactEmail().isBlank() ? null : in.contactEmail().trim())
                .query(Long.class).single();
        Line line = lines(AgencyScope.city()).stream().filter(l -> l.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("沒有受測電話 " + id + " / no phone line " + id));
        audit.record("servicequality.line", id, AuditAction.CREATE, null, line);
        return line;
    }

    // ---------------------------------------------------------------- rounds

    List<Round> rounds(int year, AgencyScope scope) {
        return jdbc.sql("""
                select r.id, r.year, r.month, r.title,
                       count(c.id), count(c.total), count(*) filter (where c.passed), r.demo, r.automatic
                from servicequality_round r left join servicequality_call c on c.round_id = r.id"""
                        + scope.andSql("c.agency_id") + " where r.year = :year group by r.id order by r.month, r.automatic desc, r.id")
                .param("year", year)
                .query((rs, n) -> new Round(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getBoolean(8), rs.getBoolean(9))).list();
    }

    Round round(long id, AgencyScope scope) {
        int year = jdbc.sql("select year from servicequality_round where id = ?").param(id).query(Integer.class).optional()
                .orElseThrow(() -> new NotFoundException("沒有測試梯次 " + id + " / no test round " + id));
        return rounds(year, scope).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("沒有測試梯次 " + id + " / no test round " + id));
    }

    record RoundInput(Integer year, Integer month, Integer calls) {
    }

    /** Plans a month: a weighted random sample of lines, spread evenly over the month's working days. */
    @Transactional
    Round plan(RoundInput in) {
        ShizhengUser me = access.requireRdec();
        List<InvalidInputException.FieldProblem> p = new ArrayList<>();
        if (in.year() == null || in.year() < 2000 || in.year() > 2100) {
            p.add(new InvalidInputException.FieldProblem("year", "年度請用西元年 / use the Gregorian year"));
        }
        if (in.month() == null || in.month() < 1 || in.month() > 12) {
            p.add(new InvalidInputException.FieldProblem("month", "月份須為 1 至 12 / month must be 1 to 12"));
        }
        if (in.calls() == null || in.calls() < 1 || in.calls() > 500) {
            p.add(new InvalidInputException.FieldProblem("calls", "抽測通數須為 1 至 500 / calls must be 1 to 500"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        // the month's automatic round does not stop RDEC adding one by hand; a second one by hand is refused
        if (jdbc.sql("select count(*) from servicequality_round where year = ? and month = ? and not automatic").params(in.year(), in.month())
                .query(Long.class).single() > 0) {
            throw new InvalidInputException("month", new RocDate().month(in.year(), in.month())
                    + " 已有測試計畫 / that month already has a test plan");
        }
        List<LocalDate> days = workingDays(YearMonth.of(in.year(), in.month()));
        List<Line> sample = sample(in.year(), in.month(), in.calls());
        if (sample.isEmpty()) {
            throw new InvalidInputException("calls", "尚無可抽測的電話 / no phone lines to test yet");
        }
        long roundId = insertRound(in.year(), in.month(), me.getUsername(), false);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < sample.size(); i++) {
            Line line = sample.get(i);
            LocalDate day = days.get((int) ((long) i * days.size() / sample.size()));
            rows.add(new Object[] {roundId, line.id(), line.agencyId(), day});
        }
        for (Object[] r : rows) {
            jdbc.sql("insert into servicequality_call (round_id, line_id, agency_id, scheduled_on) values (?, ?, ?, ?)")
                    .params(r).update();
        }
        Round round = round(roundId, AgencyScope.city());
        audit.record("servicequality.round", roundId, AuditAction.CREATE, null, round);
        return round;
    }

    long insertRound(int year, int month, String by, boolean demo) {
        return jdbc.sql("insert into servicequality_round (year, month, title, created_by, demo) values (?, ?, ?, ?, ?) returning id")
                .params(year, month, new RocDate().month(year, month) + " 電話禮貌測試", by, demo).query(Long.class).single();
    }

    List<LocalDate> workingDays(YearMonth ym) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = ym.atDay(1); !d.isAfter(ym.atEndOfMonth()); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * Weighted sampling without replacement (Efraimidis–Spirakis): each line's weight is 1 plus
     * {@code failedWeight} per failed test in the twelve months before; same month, same sample.
     */
    List<Line> sample(int year, int month, int n) {
        LocalDate start = LocalDate.of(year, month, 1);
        Map<Long, Long> failures = new HashMap<>();
        jdbc.sql("""
                select line_id, count(*) from servicequality_call
                where total is not null and not passed and called_on >= ? and called_on < ? group by line_id""")
                .params(start.minusMonths(12), start)
                .query((rs, i) -> failures.put(rs.getLong(1), rs.getLong(2))).list();
        Random random = new Random(year * 100L + month);
        record Keyed(Line line, double key) {
        }
        List<Keyed> keyed = new ArrayList<>();
        for (Line l : lines(AgencyScope.city())) {
            if (!l.active()) {
                continue;
            }
            double weight = 1 + failedWeight * failures.getOrDefault(l.id(), 0L);
            keyed.add(new Keyed(l, Math.pow(random.nextDouble(), 1.0 / weight)));
        }
        return keyed.stream().sorted(Comparator.comparingDouble(Keyed::key).reversed()).limit(n).map(Keyed::line).toList();
    }

    // ---------------------------------------------------------------- calls

    private static final String CALL_SELECT = """
            select c.id, c.round_id, c.line_id, c.agency_id, l.unit_name, l.phone, c.scheduled_on, c.retest_of, c.tester,
                   c.called_at, c.answerer, c.total, c.passed, c.note, c.demo
            from servicequality_call c join servicequality_line l on l.id = c.line_id""";

    private Call mapCall(java.sql.ResultSet rs, Map<Long, String> names) throws java.sql.SQLException {
        java.sql.Timestamp at = rs.getTimestamp(10);
        return new Call(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), names.getOrDefault(rs.getLong(4), "#" + rs.getLong(4)),
                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), (Long) rs.getObject(8),
                rs.getString(9), at == null ? null : at.toInstant(), rs.getString(11), (Integer) rs.getObject(12),
                (Boolean) rs.getObject(13), rs.getString(14), rs.getBoolean(15));
    }

    List<Call> calls(long roundId, AgencyScope scope) {
        Map<Long, String> names = names();
        return jdbc.sql(CALL_SELECT + " where c.round_id = :round" + scope.andSql("c.agency_id")
                        + " order by c.scheduled_on, c.id")
                .param("round", roundId).query((rs, n) -> mapCall(rs, names)).list();
    }

    Call call(long id) {
        Map<Long, String> names = names();
        Call c = jdbc.sql(CALL_SELECT + " where c.id = ?").param(id).query((rs, n) -> mapCall(rs, names)).optional()
                .orElseThrow(() -> new NotFoundException("沒有測試電話 " + id + " / no test call " + id));
        ShizhengUser me = access.me();
        if (!access.covers(me, c.agencyId())) {
            throw new ForbiddenException("此測試屬其他機關 / this test belongs to another agency");
        }
        return c;
    }

    List<Score> scores(long callId) {
        return jdbc.sql("""
                select i.code, i.name, i.max_points, s.points from servicequality_call_score s
                join servicequality_rubric_item i on i.id = s.item_id where s.call_id = ? order by i.sort""")
                .param(callId).query((rs, n) -> new Score(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4))).list();
    }

    /** A tester records a call; a score under the pass mark raises an improvement notice to the agency. */
    @Transactional
    Call score(long callId, ScoreInput in) {
        ShizhengUser me = access.requireRdec();
        Call before = call(callId);
        if (before.scored()) {
            throw new InvalidInputException("callId", "此通電話已評分 / this call has already been scored");
        }
        Rubrics.Rubric rubric = rubrics.inForce(before.scheduledOn().getYear());
        int total = Rubrics.total(rubric, in.points());
        boolean passed = total >= rubric.passMark();
        Instant now = in.calledAt() == null ? clock.instant() : in.calledAt().atZone(RocDate.TAIPEI).toInstant();
        if (now.isAfter(clock.instant())) {
            throw new InvalidInputException("calledAt", "通話時間不可晚於現在 / the call cannot be in the future");
        }
        for (Rubrics.Item item : rubric.items()) {
            jdbc.sql("insert into servicequality_call_score (call_id, item_id, points) values (?, ?, ?)")
                    .params(callId, item.id(), in.points().get(item.code())).update();
        }
        jdbc.sql("""
                update servicequality_call set tester = ?, called_at = ?, called_on = ?, answerer = ?, total = ?, passed = ?, note = ?
                where id = ?""")
                .params(me.displayName(), java.sql.Timestamp.from(now), LocalDate.ofInstant(now, RocDate.TAIPEI),
                        blankToNull(in.answerer()), total, passed, blankToNull(in.note()), callId).update();
        Call after = call(callId);
        audit.record("servicequality.call", callId, AuditAction.UPDATE, before, after);
        if (!passed) {
            raiseNotice(after, rubric.passMark(), false);
        }
        return after;
    }

    /** Stores the notice and queues the e-mail; the agency sees it on its notices page either way. */
    long raiseNotice(Call call, int passMark, boolean demo) {
        LocalDate on = call.calledAt() == null ? call.scheduledOn() : LocalDate.ofInstant(call.calledAt(), RocDate.TAIPEI);
        String detail = call.unitName() + "（" + call.phone() + "）於 " + new RocDate().date(on) + " 電話禮貌測試得 "
                + call.total() + " 分，未達 " + passMark + " 分，請於 5 個工作天內提出改善說明。";
        long id = jdbc.sql("""
                insert into servicequality_notice (kind, agency_id, call_id, year, month, detail, demo)
                values ('PHONE_TEST', ?, ?, ?, ?, ?, ?) returning id""")
                .params(call.agencyId(), call.id(), on.getYear(), on.getMonthValue(), detail, demo).query(Long.class).single();
        if (!demo) {
            audit.record("servicequality.notice", id, AuditAction.CREATE, null, Map.of("callId", call.id(), "detail", detail));
            contactOf(call.lineId()).ifPresent(to -> mail.email(to, "電話禮貌測試改善通知：" + call.agencyName(),
                    detail + "\n\n請登入市政系統「服務品質 > 改善通知」回復改善情形。", "servicequality.notice", id));
        }
        return id;
    }

    private java.util.Optional<String> contactOf(long lineId) {
        return jdbc.sql("select contact_email from servicequality_line where id = ? and contact_email is not null")
                .param(lineId).query(String.class).optional();
    }

    /** Agency names by id, read once per request rather than once per row. */
    Map<Long, String> names() {
        Map<Long, String> names = new HashMap<>();
        for (Agency a : agencies.all()) {
            names.put(a.id(), a.name());
        }
        return names;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}