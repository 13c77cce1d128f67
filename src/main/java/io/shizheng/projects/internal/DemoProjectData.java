package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import io.shizheng.projects.Light;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: about 300 controlled projects of 2018 (scaled), with planned S-curves, monthly reports,
 * milestones, light history, two review meetings with resolutions and a few site visits. Fixed seed; flagged
 * demo. Roughly 83 % of the projects due in 2018 close on time, with some agencies well below.
 */
@Component
class DemoProjectData implements DemoData {

    static final int YEAR = 2018;

    /** Agency code, share of projects (weight), chance that a project due this year finishes on time. */
    private record Owner(String code, int weight, double onTime, String[] names, String category) {
    }

    private static final List<Owner> OWNERS = DemoData.table("projects-owners.csv").stream()
            .map(r -> new Owner(r.get("agency_code"), Integer.parseInt(r.get("weight")), Double.parseDouble(r.get("on_time")),
                    r.get("names").split("\\|"), r.get("category"))).toList();
    private static final String[] STREETS = DemoData.column("projects-streets.csv", "street");
    private static final String[] RESOLUTIONS = DemoData.column("projects-resolutions.csv", "resolution");

    private final DemoMode demo;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final WarningRules rules;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;

    DemoProjectData(DemoMode demo, AgencyDirectory agencies, GeoLookup geo, WarningRules rules, JdbcClient jdbc,
                    JdbcTemplate template, AuditLog audit) {
        this.demo = demo;
        this.agencies = agencies;
        this.geo = geo;
        this.rules = rules;
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
    }

    @Override
    public String seededTable() {
        return "projects_project";
    }

    @Override
    public String seed() {
        Generated g = generate(demo.scaled(300, 40), new Random(1071));
        write(g);
        meetings();
        visits();
        audit.record("projects.demo-data", YEAR, AuditAction.CREATE, null,
                Map.of("projects", g.projects.size(), "reports", g.reports.size(), "note", "示範資料 / generated demo data"));
        return g.projects.size() + " demo projects with " + g.reports.size() + " monthly reports";
    }

    /** Everything generated, as rows ready for batch inserts. */
    static final class Generated {
        final List<Object[]> projects = new ArrayList<>();
        final List<Object[]> plan = new ArrayList<>();
        final List<Object[]> milestones = new ArrayList<>();
        final List<Object[]> reports = new ArrayList<>();
        final List<Object[]> lights = new ArrayList<>();
        final List<Object[]> revisions = new ArrayList<>();
    }

    Generated generate(int count, Random random) {
        Generated g = new Generated();
        Map<String, Agency> owners = new LinkedHashMap<>();
        int totalWeight = 0;
        for (Owner o : OWNERS) {
            agencies.findByCode(o.code()).ifPresent(a -> owners.put(o.code(), a));
            totalWeight += o.weight();
        }
        long firstId = jdbc.sql("select nextval('projects_project_id_seq')").query(Long.class).single();
        jdbc.sql("select setval('projects_project_id_seq', ?)").param(firstId + count).query().singleRow();
        for (int k = 0; k < count; k++) {
            long id = firstId + k;
            Owner owner = pick(random, totalWeight);
            Agency agency = owners.get(owner.code());
            if (agency == null) {
                agency = owners.values().iterator().next();
            }
            Place place = null;
            double lon = 0;
            double lat = 0;
            for (int tries = 0; tries < 50 && place == null; tries++) {
                lon = 120.68 + random.nextGaussian() * 0.09;
                lat = 24.16 + random.nextGaussian() * 0.07;
                place = geo.locate(lon, lat).orElse(null);
            }
            String district = place == null ? "臺中市" : place.districtName();
            String pattern = owner.names()[random.nextInt(owner.names().length)];
            String name = String.format(pattern, district, STREETS[random.nextInt(STREETS.length)]);
            String category = owner.category().equals("ROAD_SAFETY") && !name.contains("道安") ? "CONSTRUCTION" : owner.category();
            int lv = random.nextInt(100);
            String level = lv < 5 ? "EXECUTIVE_YUAN" : lv < 25 ? "MINISTRY" : lv < 75 ? "CITY" : "SELF";
            double b = Math.exp(Math.log(60_000) + random.nextGaussian() * 1.1);
            BigDecimal total = BigDecimal.valueOf(Math.round(Math.max(3_000, Math.min(4_000_000, b)) / 100.0) * 100);

            int kind = random.nextInt(100);
            LocalDate end;
            if (kind < 52) {
                end = LocalDate.of(YEAR, 1, 1).plusDays(random.nextInt(365));
            } else if (kind < 92) {
                end = LocalDate.of(YEAR + 1, 1, 1).plusDays(random.nextInt(700));
            } else {
                end = LocalDate.of(YEAR - 1, 1, 1).plusDays(random.nextInt(365));
            }
            LocalDate start = end.minusMonths(10 + random.nextInt(26)).withDayOfMonth(1 + random.nextInt(27));
            long months = ProjectService.months(start, end);
            YearMonth firstMonth = YearMonth.from(start);
            BigDecimal[] planned = new BigDecimal[(int) months];
            BigDecimal[] alloc = new BigDecimal[(int) months];
            for (int i = 0; i < months; i++) {
                planned[i] = ProjectService.sCurve(i, months);
                alloc[i] = total.multiply(planned[i]).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
                g.plan.add(new Object[] {id, firstMonth.plusMonths(i).atDay(1), planned[i], alloc[i]});
            }

            boolean dueThisYear = end.getYear() == YEAR;
            // Projects ending after 2018 are still running at the end of the demo year.
            boolean onTime = end.getYear() < YEAR ? random.nextDouble() < 0.9
                    : dueThisYear && random.nextDouble() < owner.onTime();
            // A revised end date approved for some projects: sometimes that is what lets them finish on time.
            LocalDate due = end;
            if (random.nextInt(100) < 7) {
                due = end.plusMonths(2 + random.nextInt(4));
                g.revisions.add(new Object[] {id, end, due, "用地取得延宕，經府核定展延 / land acquisition delayed, extension approved",
                        "rdec", ts(end.minusMonths(2), 15)});
            }
            // How far behind plan the project drifts (points at the end of the horizon) and how well it spends.
            double finalLag;
            if (dueThisYear || end.getYear() < YEAR) {
                finalLag = onTime ? random.nextDouble() * 3 : 6 + random.nextDouble() * 22;
            } else {
                int r = random.nextInt(100);
                finalLag = r < 72 ? random.nextDouble() * 4.5 : r < 88 ? 5 + random.nextDouble() * 4.5 : 10 + random.nextDouble() * 15;
            }
            double spendFactor = random.nextInt(100) < 12 ? 0.62 + random.nextDouble() * 0.16 : 0.85 + random.nextDouble() * 0.15;

            LocalDate closedOn = null;
            YearMonth lastReport = YearMonth.of(YEAR, 12);
            if (onTime) {
                closedOn = due.minusDays(random.nextInt(40));
                if (closedOn.isBefore(start.plusMonths(2))) {
                    closedOn = due;
                }
                if (closedOn.isAfter(LocalDate.of(YEAR, 12, 28))) {
                    closedOn = LocalDate.of(YEAR, 12, 28);
                }
                lastReport = YearMonth.from(closedOn).minusMonths(1);
                if (lastReport.isBefore(firstMonth)) {
                    lastReport = firstMonth;
                }
            }
            YearMonth from = firstMonth.isBefore(YearMonth.of(YEAR - 2, 1)) ? YearMonth.of(YEAR - 2, 1) : firstMonth;
            Light light = Light.NONE;
            String reasons = null;
            BigDecimal lastActual = null;
            BigDecimal lastSpend = null;
            BigDecimal lastPlanned = null;
            BigDecimal lastAlloc = null;
            LocalDate lastMonth = null;
            double prevActual = 0;
            double prevSpend = 0;
            String[] msNames = {"工程發包決標 / contract awarded", "主體工程完成 / main works done", "竣工驗收 / final acceptance"};
            double[] msAt = {0.12, 0.75, 1.0};
            LocalDate[] msPlanned = new LocalDate[3];
            LocalDate[] msReached = new LocalDate[3];
            for (int m = 0; m < 3; m++) {
                msPlanned[m] = m == 2 ? end : start.plusDays(Math.round(msAt[m] * (end.toEpochDay() - start.toEpochDay())));
            }
            for (YearMonth ym = from; !ym.isAfter(lastReport); ym = ym.plusMonths(1)) {
                int i = (int) (ym.getYear() * 12L + ym.getMonthValue() - 1 - (firstMonth.getYear() * 12L + firstMonth.getMonthValue() - 1));
                BigDecimal p = i < months ? planned[i] : BigDecimal.valueOf(100);
                BigDecimal al = i < months ? alloc[i] : total;
                double t = Math.min(1.0, (i + 1) / (double) months);
                double actual;
                if (onTime && ym.equals(lastReport)) {
                    actual = 100;
                } else {
                    actual = Math.max(prevActual, Math.min(onTime ? 99.5 : 99, p.doubleValue() - finalLag * t + random.nextDouble() * 0.8));
                }
                actual = Math.round(actual * 10) / 10.0;
                double spend = Math.max(prevSpend, Math.round(al.doubleValue() * Math.min(1.0, spendFactor + random.nextDouble() * 0.05)));
                if (ym.equals(lastReport) && onTime) {
                    spend = Math.max(prevSpend, Math.round(total.doubleValue() * (0.93 + random.nextDouble() * 0.07)));
                }
                prevActual = actual;
                prevSpend = spend;
                LocalDate monthEnd = ym.atEndOfMonth();
                for (int m = 0; m < 3; m++) {
                    double needed = m == 2 ? 100 : planned[(int) Math.min(months - 1,
                            ProjectService.months(start, msPlanned[m]) - 1)].doubleValue();
                    if (msReached[m] == null && actual >= needed) {
                        msReached[m] = monthEnd.isAfter(msPlanned[m]) ? monthEnd.minusDays(random.nextInt(20)) : msPlanned[m];
                    }
                }
                List<WarningRules.Milestone> ms = new ArrayList<>();
                for (int m = 0; m < 3; m++) {
                    ms.add(new WarningRules.Milestone(msNames[m], msPlanned[m], msReached[m]));
                }
                BigDecimal ahead = i + 3 < months ? planned[i + 3] : BigDecimal.valueOf(100);
                WarningRules.Assessment a = rules.assess(new WarningRules.Facts(p, BigDecimal.valueOf(actual),
                        BigDecimal.valueOf(spend), al, ms, monthEnd, ahead));
                boolean pending = ym.equals(YearMonth.of(YEAR, 12)) && random.nextInt(100) < 20;
                LocalDate submitted = ym.plusMonths(1).atDay(2 + random.nextInt(8));
                if (onTime && ym.equals(lastReport) && submitted.isAfter(closedOn)) {
                    submitted = closedOn.minusDays(1);
                }
                Timestamp reviewedAt = onTime && ym.equals(lastReport) ? ts(closedOn, 10) : ts(submitted.plusDays(1 + random.nextInt(4)), 11);
                g.reports.add(new Object[] {id, ym.atDay(1), BigDecimal.valueOf(actual), BigDecimal.valueOf(spend),
                        narrative(actual, p.doubleValue(), random), a.light() == Light.GREEN ? null : problem(random),
                        a.light() == Light.RED ? "請府協助協調管線遷移與用地 / help coordinating utilities and land" : null,
                        pending ? "SUBMITTED" : "ACCEPTED", "officer." + owner.code().toLowerCase(), ts(submitted, 9),
                        pending ? null : "rdec", pending ? null : reviewedAt, true});
                if (a.light() != light) {
                    g.lights.add(new Object[] {id, ts(submitted, 9), light.name(), a.light().name(), String.join("\n", a.reasons())});
                }
                light = a.light();
                reasons = String.join("\n", a.reasons());
                lastActual = BigDecimal.valueOf(actual);
                lastSpend = BigDecimal.valueOf(spend);
                lastPlanned = p;
                lastAlloc = al;
                lastMonth = ym.atDay(1);
            }
            for (int m = 0; m < 3; m++) {
                g.milestones.add(new Object[] {id, msNames[m], msPlanned[m], msReached[m], m});
            }
            BigDecimal annual = annualAllocation(planned, alloc, firstMonth, total);
            // roads and drains are routes: a short line through the point along a random bearing
            String route = null;
            if (place != null && (name.contains("路") || name.contains("排水"))) {
                double angle = new Random(id).nextDouble() * Math.PI; // own seed: the main sequence stays as it was
                double dx = Math.cos(angle) * 0.004;
                double dy = Math.sin(angle) * 0.003;
                route = "LINESTRING(" + round(lon - dx) + " " + round(lat - dy) + ", " + round(lon) + " " + round(lat) + ", "
                        + round(lon + dx) + " " + round(lat + dy) + ")";
            }
            g.projects.add(new Object[] {id, String.format("107-%s-%03d", owner.code(), k + 1), name, agency.id(), level, category,
                    round(lon), round(lat), route, place == null ? null : place.districtCode(), place == null ? null : place.districtName(),
                    start, end, due, total, annual, "pm." + owner.code().toLowerCase() + "@demo.taichung.invalid",
                    closedOn == null ? "ACTIVE" : "CLOSED", closedOn, light.name(), reasons, lastPlanned, lastActual, lastSpend,
                    lastAlloc, lastMonth});
        }
        return g;
    }

    private static BigDecimal annualAllocation(BigDecimal[] planned, BigDecimal[] alloc, YearMonth first, BigDecimal total) {
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal through = BigDecimal.ZERO;
        for (int i = 0; i < alloc.length; i++) {
            YearMonth ym = first.plusMonths(i);
            if (ym.getYear() < YEAR) {
                before = alloc[i];
            }
            if (ym.getYear() <= YEAR) {
                through = alloc[i];
            }
        }
        BigDecimal v = through.subtract(before);
        return v.signum() < 0 ? BigDecimal.ZERO : v.min(total);
    }

    private static Owner pick(Random random, int totalWeight) {
        int r = random.nextInt(totalWeight);
        for (Owner o : OWNERS) {
            r -= o.weight();
            if (r < 0) {
                return o;
            }
        }
        return OWNERS.get(0);
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static Timestamp ts(LocalDate d, int hour) {
        return Timestamp.from(ZonedDateTime.of(d, LocalTime.of(hour, 0), RocDate.TAIPEI).toInstant());
    }

    private static String narrative(double actual, double planned, Random random) {
        String[] steady = {"依進度施作中。/ Works on schedule.", "本月完成結構體施工。/ Structure works completed this month.",
                "辦理估驗計價。/ Progress payment processed.", "完成管線遷移。/ Utilities relocated."};
        if (actual >= 100) {
            return "全部完工，已辦理驗收。/ All works completed and accepted.";
        }
        return (planned - actual >= 5 ? "進度落後，廠商已提出趕工計畫。/ Behind plan; the contractor filed a catch-up plan. " : "")
                + steady[random.nextInt(steady.length)];
    }

    private static String problem(Random random) {
        String[] problems = {"用地取得延宕 / land acquisition delayed", "管線遷移協調中 / utility relocation pending",
                "連續降雨停工 / stopped by rain", "廠商人力不足 / contractor short of labour", "變更設計審查中 / design change under review"};
        return problems[random.nextInt(problems.length)];
    }

    private void write(Generated g) {
        template.batchUpdate("""
                insert into projects_project (id, code, name, agency_id, control_level, category, lon, lat, line_wkt, district_code,
                  district_name, start_date, planned_end, due_date, total_budget, annual_budget, contact_email, status,
                  closed_on, light, light_reasons, planned_pct, actual_pct, spending, allocation, last_month, demo)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true)""", g.projects);
        template.batchUpdate("insert into projects_plan_month (project_id, month, planned_pct, allocation) values (?, ?, ?, ?)", g.plan);
        template.batchUpdate("insert into projects_milestone (project_id, name, planned_date, reached_date, sort) values (?, ?, ?, ?, ?)",
                g.milestones);
        template.batchUpdate("""
                insert into projects_report (project_id, month, actual_pct, spending, narrative, problems, help_needed, status,
                  submitted_by, submitted_at, reviewed_by, reviewed_at, demo) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                g.reports);
        template.batchUpdate("insert into projects_light_change (project_id, at, old_light, new_light, reasons) values (?, ?, ?, ?, ?)",
                g.lights);
        template.batchUpdate("insert into projects_revision (project_id, old_end, new_end, reason, approved_by, approved_at) values (?, ?, ?, ?, ?, ?)",
                g.revisions);
    }

    /** Two review meetings of late 2018: agendas from the lights then, resolutions in every state. */
    private void meetings() {
        Random random = new Random(1072);
        LocalDate[] dates = {LocalDate.of(YEAR, 10, 17), LocalDate.of(YEAR, 12, 19)};
        for (int n = 0; n < dates.length; n++) {
            long meeting = jdbc.sql("""
                    insert into projects_meeting (title, meeting_date, chair, status, minutes, created_by, demo)
                    values (?, ?, ?, 'HELD', ?, 'rdec', true) returning id""")
                    .params("107年第" + (n + 3) + "次重大建設進度檢討會議", dates[n], "市長（示範）",
                            "示範會議紀錄：逐案檢討黃燈、紅燈案件，決議如列。/ Demo minutes.")
                    .query(Long.class).single();
            List<Map<String, Object>> items = jdbc.sql("""
                    select id, agency_id, light from projects_project where demo and status = 'ACTIVE' and light in ('RED', 'YELLOW')
                      and start_date <= ? order by case light when 'RED' then 0 else 1 end, total_budget desc limit 40""")
                    .param(dates[n]).query().listOfRows();
            int sort = 0;
            for (Map<String, Object> item : items) {
                jdbc.sql("insert into projects_agenda_item (meeting_id, project_id, reason, sort) values (?, ?, ?, ?)")
                        .params(meeting, item.get("id"), item.get("light"), sort++).update();
                if (random.nextInt(100) < 60) {
                    int state = random.nextInt(100);
                    String status = n == 0 ? (state < 70 ? "CLOSED" : state < 85 ? "DONE" : "OPEN")
                            : (state < 30 ? "DONE" : state < 60 ? "IN_PROGRESS" : "OPEN");
                    jdbc.sql("""
                            insert into projects_resolution (meeting_id, project_id, text, agency_id, due_date, status, reply,
                              closed_at, closed_by, demo) values (?, ?, ?, ?, ?, ?, ?, ?, ?, true)""")
                            .params(meeting, item.get("id"), RESOLUTIONS[random.nextInt(RESOLUTIONS.length)], item.get("agency_id"),
                                    dates[n].plusDays(30 + random.nextInt(30)), status,
                                    status.equals("OPEN") ? null : "已依決議辦理（示範）/ done as resolved (demo)",
                                    status.equals("CLOSED") ? ts(dates[n].plusDays(45), 10) : null,
                                    status.equals("CLOSED") ? "rdec" : null).update();
                }
            }
        }
    }

    /** Site visits of 2018: some published with findings and improvement items, a few still planned. */
    private void visits() {
        List<Long> picks = jdbc.sql("""
                select id from projects_project where demo and start_date <= date '2018-09-01'
                order by case light when 'RED' then 0 when 'YELLOW' then 1 else 2 end, total_budget desc limit 6""")
                .query(Long.class).list();
        String[][] findings = {
                {"工地安全圍籬多處破損，職安告示不足；施工品質尚可。/ Site fencing damaged, safety signs missing; workmanship fair.",
                        "補設安全圍籬並加強職安巡查", "提送趕工計畫並按週回報"},
                {"混凝土試體抽驗紀錄完整，排水坡度符合設計。/ Concrete tests complete; drainage slopes as designed.",
                        "補齊材料送審文件"},
                {"進度落後主因為管線遷移，已召開協調會。/ Behind mainly due to utility relocation.", "每月召開管線協調會議"}};
        for (int i = 0; i < picks.size(); i++) {
            boolean done = i < 3;
            LocalDate date = LocalDate.of(YEAR, 9 + i % 3, 10 + i);
            long visit = jdbc.sql("""
                    insert into projects_site_visit (project_id, planned_date, selected_by, status, score, findings, visited_on, demo)
                    values (?, ?, ?, ?, ?, ?, ?, true) returning id""")
                    .params(picks.get(i), date, i % 2 == 0 ? "RULE" : "HAND", done ? "PUBLISHED" : "PLANNED",
                            done ? 68 + i * 9 : null, done ? findings[i][0] : null, done ? date : null)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into projects_visit_member (visit_id, username, no_conflict, declared_at) values (?, 'reviewer', ?, ?)""")
                    .params(visit, done ? Boolean.TRUE : null, done ? ts(date.minusDays(3), 9) : null).update();
            if (done) {
                for (int k = 1; k < findings[i].length; k++) {
                    boolean closed = k == 1;
                    jdbc.sql("""
                            insert into projects_improvement (visit_id, text, status, reply, replied_at, closed_at) values (?, ?, ?, ?, ?, ?)""")
                            .params(visit, findings[i][k], closed ? "CLOSED" : "OPEN", closed ? "已改善完成（示範）/ done (demo)" : null,
                                    closed ? ts(date.plusDays(20), 10) : null, closed ? ts(date.plusDays(30), 10) : null).update();
                }
            }
        }
    }
}
