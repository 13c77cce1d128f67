package io.shizheng.servicequality.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a year (2018) of generated, deterministic, labelled service-quality records: phone lines,
 * twelve monthly test rounds scored near an 86% pass rate with notices, answers and retests, monthly phone
 * statistics, training sessions with attendances, and a few award candidates with visits.
 */
@Component
class DemoServiceQualityData implements DemoData {

    static final int YEAR = 2018;
    static final String TESTER = "研考會測試員（示範）";

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AgencyDirectory agencies;
    private final PhoneTests tests;
    private final PhoneStatistics stats;
    private final Rubrics rubrics;
    private final AuditLog audit;

    DemoServiceQualityData(DemoMode demo, JdbcClient jdbc, JdbcTemplate template,
                           AgencyDirectory agencies, PhoneTests tests, PhoneStatistics stats, Rubrics rubrics, AuditLog audit) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.template = template;
        this.agencies = agencies;
        this.tests = tests;
        this.stats = stats;
        this.rubrics = rubrics;
        this.audit = audit;
    }

    @Override
    public String seededTable() {
        return "servicequality_line";
    }

    @Override
    public String seed() {
        Random random = new Random(2218);
        List<Agency> population = agencies.all().stream().filter(a -> a.active()
                && (a.kind() == AgencyKind.FIRST_LEVEL || a.kind() == AgencyKind.DISTRICT_OFFICE)).toList();
        Map<Long, Double> weakness = new HashMap<>();
        population.forEach(a -> weakness.put(a.id(), random.nextDouble()));
        int lines = lines(population, random);
        int[] calls = testRounds(random, weakness);
        int statRows = phoneStats(population, random, weakness);
        int[] trainingCounts = training(population, random);
        int candidates = award(random);
        audit.record("servicequality.demo-data", YEAR, AuditAction.CREATE, null, Map.of("lines", lines,
                "calls", calls[0], "notices", calls[1], "phoneStats", statRows, "sessions", trainingCounts[0],
                "attendances", trainingCounts[1], "awardCandidates", candidates,
                "note", "示範資料（程式產生，非真實數據）/ generated demo data"));
        return "service-quality demo data: " + lines + " lines, " + calls[0] + " test calls, " + calls[1] + " notices, "
                + statRows + " phone-stat rows, " + trainingCounts[0] + " sessions, " + trainingCounts[1] + " attendances, "
                + candidates + " award candidates";
    }

    private int lines(List<Agency> population, Random random) {
        List<Object[]> rows = new ArrayList<>();
        String[] bureauUnits = {"總機", "服務台", "綜合企劃科", "行政科", "業務科"};
        for (Agency a : population) {
            String mail = "sq." + a.code().toLowerCase() + "@demo.shizheng.invalid";
            boolean district = a.kind() == AgencyKind.DISTRICT_OFFICE;
            int n = district ? 1 + random.nextInt(2) : 2 + random.nextInt(2);
            for (int i = 0; i < n; i++) {
                String unit = district ? (i == 0 ? "總機" : "民政課") : bureauUnits[i == 0 ? 0 : 1 + random.nextInt(4)];
                String phone = district ? String.format("04-%04d-%04d", 2000 + random.nextInt(7000), random.nextInt(10000))
                        : String.format("04-2228-9111#%05d", 10000 + random.nextInt(80000));
                rows.add(new Object[] {a.id(), unit, phone, mail});
            }
        }
        template.batchUpdate("insert into servicequality_line (agency_id, unit_name, phone, contact_email, demo) values (?, ?, ?, ?, true)", rows);
        return rows.size();
    }

    /** Twelve rounds; the chance of passing depends on the agency, averaging near 86%. */
    private int[] testRounds(Random random, Map<Long, Double> weakness) {
        Rubrics.Rubric rubric = rubrics.inForce(YEAR);
        int perRound = demo.scaled(36, 8);
        int calls = 0;
        int notices = 0;
        for (int month = 1; month <= 12; month++) {
            long roundId = tests.insertRound(YEAR, month, "demo", true);
            List<LocalDate> days = tests.workingDays(YearMonth.of(YEAR, month));
            List<PhoneTests.Line> sample = tests.sample(YEAR, month, perRound);
            for (int i = 0; i < sample.size(); i++) {
                PhoneTests.Line line = sample.get(i);
                LocalDate day = days.get(i * days.size() / sample.size());
                double passChance = 0.94 - 0.22 * weakness.get(line.agencyId()) * weakness.get(line.agencyId());
                boolean pass = random.nextDouble() < passChance;
                long callId = insertScoredCall(roundId, line, day, null, pass, rubric, random);
                calls++;
                if (!pass) {
                    notices++;
                    int total = jdbc.sql("select total from servicequality_call where id = ?").param(callId).query(Integer.class).single();
                    PhoneTests.Call call = new PhoneTests.Call(callId, roundId, line.id(), line.agencyId(), line.agencyName(),
                            line.unitName(), line.phone(), day, null, TESTER, null, null, total, false, null, true);
                    long noticeId = tests.raiseNotice(call, rubric.passMark(), true);
                    LocalDate answered = tests.workingDays(YearMonth.from(day)).stream().filter(d -> d.isAfter(day)).findFirst()
                            .orElse(day.plusDays(3));
                    if (month == 12 && random.nextBoolean()) {
                        continue; // some December notices are still waiting for the agency
                    }
                    jdbc.sql("""
                            update servicequality_notice set status = 'ANSWERED', answer = ?, answered_by = ?, answered_at = ?
                            where id = ?""")
                            .params("已於科務會議宣導接聽禮貌並指定代理接聽人，將持續自主抽測。（示範）", "機關承辦（示範）",
                                    Timestamp.from(ZonedDateTime.of(answered, LocalTime.of(15, 0), RocDate.TAIPEI).toInstant()),
                                    noticeId).update();
                    LocalDate retestDay = day.plusDays(14);
                    while (retestDay.getDayOfWeek().getValue() > 5) {
                        retestDay = retestDay.plusDays(1);
                    }
                    if (retestDay.getYear() != YEAR) {
                        continue;
                    }
                    long retest = insertScoredCall(roundId, line, retestDay, callId, random.nextDouble() < 0.92, rubric, random);
                    calls++;
                    jdbc.sql("update servicequality_notice set status = 'CLOSED', retest_call_id = ? where id = ?")
                            .params(retest, noticeId).update();
                }
            }
        }
        return new int[] {calls, notices};
    }

    private long insertScoredCall(long roundId, PhoneTests.Line line, LocalDate day, Long retestOf, boolean pass,
                                  Rubrics.Rubric rubric, Random random) {
        int target = pass ? 80 + random.nextInt(19) : 58 + random.nextInt(22);
        int[] points = spread(rubric, target, random);
        ZonedDateTime at = ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(8), random.nextInt(60)), RocDate.TAIPEI);
        long id = jdbc.sql("""
                insert into servicequality_call (round_id, line_id, agency_id, scheduled_on, retest_of, tester, called_at,
                  called_on, answerer, total, passed, note, demo)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true) returning id""")
                .params(roundId, line.id(), line.agencyId(), day, retestOf, TESTER, Timestamp.from(at.toInstant()), day,
                        "承辦人（示範）", target, target >= rubric.passMark(),
                        pass ? null : "未報明單位、轉接後久候無人接聽（示範）").query(Long.class).single();
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            rows.add(new Object[] {id, rubric.items().get(i).id(), points[i]});
        }
        template.batchUpdate("insert into servicequality_call_score (call_id, item_id, points) values (?, ?, ?)", rows);
        return id;
    }

    /** Item points that add up exactly to the target, each within its item's range. */
    static int[] spread(Rubrics.Rubric rubric, int target, Random random) {
        List<Rubrics.Item> items = rubric.items();
        int[] points = new int[items.size()];
        int sum = 0;
        for (int i = 0; i < points.length; i++) {
            points[i] = items.get(i).maxPoints() * target / rubric.total();
            sum += points[i];
        }
        int guard = 0;
        while (sum < target && guard++ < 10_000) {
            int i = random.nextInt(points.length);
            if (points[i] < items.get(i).maxPoints()) {
                points[i]++;
                sum++;
            }
        }
        return points;
    }

    private int phoneStats(List<Agency> population, Random random, Map<Long, Double> weakness) {
        List<Object[]> rows = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            for (Agency a : population) {
                int incoming = (a.kind() == AgencyKind.DISTRICT_OFFICE ? 900 : 1500) + random.nextInt(4500);
                double answerRate = 0.95 - 0.17 * weakness.get(a.id()) + random.nextGaussian() * 0.025;
                answerRate = Math.max(0.6, Math.min(0.99, answerRate));
                int answered = (int) Math.round(incoming * answerRate);
                int busy = (int) Math.round((incoming - answered) * (0.3 + random.nextDouble() * 0.4));
                rows.add(new Object[] {YEAR, month, a.id(), incoming, answered, busy, incoming - answered - busy});
            }
        }
        template.batchUpdate("""
                insert into servicequality_phone_stat (year, month, agency_id, incoming, answered, busy, unanswered, demo)
                values (?, ?, ?, ?, ?, ?, ?, true)""", rows);
        for (int month = 1; month <= 12; month++) {
            stats.noticeBelowLine(YEAR, month, true);
        }
        return rows.size();
    }

    /** Twenty sessions over the year (none in January, July or December), about 600 attendances at full scale. */
    private int[] training(List<Agency> population, Random random) {
        String[][] courses = DemoData.table("servicequality-courses.csv").stream()
                .map(r -> new String[] {r.get("code"), r.get("name"), r.get("name_en"), r.get("category"), r.get("hours")})
                .toArray(String[][]::new);
        Map<String, Long> courseIds = new HashMap<>();
        for (String[] c : courses) {
            courseIds.put(c[0], jdbc.sql("""
                    insert into servicequality_course (code, name, name_en, category, hours, demo) values (?, ?, ?, ?, ?, true) returning id""")
                    .params(c[0], c[1], c[2], c[3], new BigDecimal(c[4])).query(Long.class).single());
        }
        int[] months = {2, 3, 3, 4, 5, 5, 5, 6, 8, 8, 9, 10, 10, 10, 10, 11, 11, 4, 9, 6};
        String[] places = DemoData.column("servicequality-training-places.csv", "place");
        int perSession = Math.max(2, demo.scaled(600, 40) / months.length);
        int attendances = 0;
        List<Object[]> regs = new ArrayList<>();
        for (int i = 0; i < months.length; i++) {
            String code = courses[i % courses.length][0];
            List<LocalDate> days = tests.workingDays(YearMonth.of(YEAR, months[i]));
            LocalDate day = days.get(random.nextInt(days.size()));
            ZonedDateTime starts = ZonedDateTime.of(day, LocalTime.of(random.nextBoolean() ? 9 : 14, 0), RocDate.TAIPEI);
            int registered = perSession + 1 + perSession / 10;
            int capacity = Math.max(registered, (registered + 9) / 10 * 10);
            long sessionId = jdbc.sql("insert into servicequality_session (course_id, starts_at, place, capacity, demo) values (?, ?, ?, ?, true) returning id")
                    .params(courseIds.get(code), Timestamp.from(starts.toInstant()), places[i % places.length], capacity)
                    .query(Long.class).single();
            for (int r = 0; r < registered; r++) {
                Agency a = population.get(random.nextInt(population.size()));
                boolean attended = r < perSession;
                Timestamp at = attended ? Timestamp.from(starts.plusMinutes(-20 + random.nextInt(30)).toInstant()) : null;
                regs.add(new Object[] {sessionId, a.id(), "參訓同仁 " + (i + 1) + "-" + (r + 1) + "（示範）", Training.newToken(),
                        Timestamp.from(starts.minusDays(7 + random.nextInt(14)).toInstant()), at, attended ? "研考會（示範）" : null});
                if (attended) {
                    attendances++;
                }
            }
        }
        template.batchUpdate("""
                insert into servicequality_registration (session_id, agency_id, person_name, token, registered_at, attended_at,
                  checked_in_by, demo) values (?, ?, ?, ?, ?, ?, ?, true)""", regs);
        return new int[] {months.length, attendances};
    }

    private int award(Random random) {
        Object[][] candidates = DemoData.table("servicequality-award-candidates.csv").stream()
                .map(r -> new Object[] {r.get("agency_code"), r.get("category"), r.get("status"),
                        r.get("result").isEmpty() ? null : r.get("result")})
                .toArray(Object[][]::new);
        int n = 0;
        for (Object[] c : candidates) {
            Agency a = agencies.findByCode((String) c[0]).orElse(null);
            if (a == null) {
                continue;
            }
            long id = jdbc.sql("""
                    insert into servicequality_award_candidate (year, category, agency_id, coach, status, result, demo)
                    values (?, ?, ?, 'reviewer', ?, ?, true) returning id""")
                    .params(YEAR, c[1], a.id(), c[2], c[3]).query(Long.class).single();
            jdbc.sql("""
                    insert into servicequality_award_visit (candidate_id, kind, visited_on, host, notes, recorded_by, demo) values
                    (?, 'COACHING', ?, null, '第一次輔導：檢視服務流程圖與民眾滿意度調查，建議補強跨機關整合案例。（示範）', '外聘審查委員（示範）', true),
                    (?, 'BENCHMARK', ?, '桃園市政府地政局', '標竿學習：參訪跨域整合服務與單一窗口作法。（示範）', '研考會（示範）', true),
                    (?, 'COACHING', ?, null, '第二次輔導：書面資料初稿審閱，量化成果需對照前一年度。（示範）', '外聘審查委員（示範）', true)""")
                    .params(id, LocalDate.of(YEAR, 3, 8 + random.nextInt(10)), id, LocalDate.of(YEAR, 4, 10 + random.nextInt(10)),
                            id, LocalDate.of(YEAR, 5, 14 + random.nextInt(10))).update();
            for (String dim : AwardCoaching.DIMENSIONS.keySet()) {
                jdbc.sql("insert into servicequality_award_assessment (candidate_id, dimension, score, note) values (?, ?, ?, ?)")
                        .params(id, dim, 68 + random.nextInt(25), "自評（示範）").update();
            }
            n++;
        }
        return n;
    }
}
