package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.internal.ProjectStore.Project;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating controlled projects (one by one or by import, see {@link ProjectEdits}) and approving revised end dates. */
@Service
class ProjectService {

    static final List<String> LEVELS = List.of("EXECUTIVE_YUAN", "MINISTRY", "CITY", "SELF");
    static final List<String> CATEGORIES = List.of("CONSTRUCTION", "ROAD_SAFETY", "OTHER");

    private final ProjectStore store;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final ReportService reports;
    private final io.shizheng.platform.Jurisdiction jurisdiction;

    ProjectService(ProjectStore store, JdbcClient jdbc, AuditLog audit, AgencyDirectory agencies, GeoLookup geo,
                   ReportService reports, io.shizheng.platform.Jurisdiction jurisdiction) {
        this.store = store;
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
        this.geo = geo;
        this.reports = reports;
        this.jurisdiction = jurisdiction;
    }

    record NewMilestone(String name, LocalDate plannedDate) {
    }

    /**
     * A project as created by hand or by one import row; {@code curve} is the planned % per month (optional);
     * {@code line} is a route as [lon, lat] points for roads, pipes or drains (optional; the point then defaults to
     * its middle vertex).
     */
    record NewProject(String code, String name, String agency, String level, String category, Double lon, Double lat,
                      LocalDate startDate, LocalDate plannedEnd, BigDecimal totalBudget, BigDecimal annualBudget,
                      String contactEmail, List<NewMilestone> milestones, List<BigDecimal> curve, List<List<Double>> line) {
    }

    static void requireRdec() {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會可列管案件 / only RDEC staff manage the list of controlled projects");
        }
    }

    @Transactional
    Project create(NewProject p) {
        requireRdec();
        List<FieldProblem> problems = validate(p, "", new HashSet<>());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return insert(p, false);
    }

    List<FieldProblem> validate(NewProject p, String prefix, Set<String> codesSeen) {
        return validate(p, prefix, codesSeen, null);
    }

    /** The rules of creation; {@code self} is the project being edited (its own code is not a duplicate), or null. */
    List<FieldProblem> validate(NewProject p, String prefix, Set<String> codesSeen, Long self) {
        List<FieldProblem> out = new ArrayList<>();
        if (ReportService.blank(p.code())) {
            out.add(new FieldProblem(prefix + "code", "請填案件代碼 / code is required"));
        } else if (p.code().trim().length() > 40) {
            out.add(new FieldProblem(prefix + "code", "代碼最長 40 字 / code is at most 40 characters"));
        } else if (store.codeTaken(p.code().trim(), self) || !codesSeen.add(p.code().trim())) {
            out.add(new FieldProblem(prefix + "code", "代碼 " + p.code().trim() + " 已存在 / code already exists"));
        }
        if (ReportService.blank(p.name())) {
            out.add(new FieldProblem(prefix + "name", "請填案件名稱 / name is required"));
        }
        if (ReportService.blank(p.agency()) || agency(p.agency()) == null) {
            out.add(new FieldProblem(prefix + "agency", "未知的機關：" + (p.agency() == null ? "" : p.agency())
                    + " / unknown agency"));
        }
        if (p.level() == null || !LEVELS.contains(p.level())) {
            out.add(new FieldProblem(prefix + "level", "列管層級須為 " + LEVELS + " / level must be one of " + LEVELS));
        }
        if (p.category() == null || !CATEGORIES.contains(p.category())) {
            out.add(new FieldProblem(prefix + "category", "類別須為 " + CATEGORIES + " / category must be one of " + CATEGORIES));
        }
        if (p.line() != null && !p.line().isEmpty()) {
            if (p.line().size() < 2 || p.line().stream().anyMatch(pt -> pt == null || pt.size() != 2 || pt.get(0) == null || pt.get(1) == null)) {
                out.add(new FieldProblem(prefix + "line", "路線須有至少兩個 [經度, 緯度] 點 / a line needs at least two [lon, lat] points"));
            } else if (p.line().stream().anyMatch(pt -> geo.locate(pt.get(0), pt.get(1)).isEmpty())) {
                out.add(new FieldProblem(prefix + "line", "路線有點不在" + jurisdiction.name() + "內 / a point of the line is outside " + jurisdiction.nameEn()));
            }
        }
        if ((p.lon() == null) != (p.lat() == null)) {
            out.add(new FieldProblem(prefix + "lon", "經緯度須同時填寫 / give both longitude and latitude"));
        } else if (p.lon() != null && geo.locate(p.lon(), p.lat()).isEmpty()) {
            out.add(new FieldProblem(prefix + "lon", "座標不在" + jurisdiction.name() + "內 / the point is outside " + jurisdiction.nameEn()));
        }
        if (p.startDate() == null) {
            out.add(new FieldProblem(prefix + "startDate", "請填開工日期 / start date is required"));
        }
        if (p.plannedEnd() == null) {
            out.add(new FieldProblem(prefix + "plannedEnd", "請填預定完工日期 / planned end is required"));
        } else if (p.startDate() != null && !p.plannedEnd().isAfter(p.startDate())) {
            out.add(new FieldProblem(prefix + "plannedEnd", "預定完工須晚於開工 / planned end must be after the start"));
        }
        if (p.totalBudget() == null || p.totalBudget().signum() <= 0) {
            out.add(new FieldProblem(prefix + "totalBudget", "總經費（千元）須大於 0 / total budget must be positive"));
        }
        if (p.annualBudget() == null || p.annualBudget().signum() < 0
                || (p.totalBudget() != null && p.annualBudget().compareTo(p.totalBudget()) > 0)) {
            out.add(new FieldProblem(prefix + "annualBudget", "年度經費須介於 0 與總經費之間 / annual budget must be between 0 and the total"));
        }
        if (p.contactEmail() != null && !p.contactEmail().isBlank() && !p.contactEmail().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            out.add(new FieldProblem(prefix + "contactEmail", "電子郵件格式不正確 / not an e-mail address"));
        }
        if (p.milestones() != null) {
            LocalDate previous = null;
            for (NewMilestone m : p.milestones()) {
                if (m == null || ReportService.blank(m.name()) || m.plannedDate() == null) {
                    out.add(new FieldProblem(prefix + "milestones", "里程碑須有名稱與預定日期 / a milestone needs a name and a date"));
                } else if (previous != null && m.plannedDate().isBefore(previous)) {
                    out.add(new FieldProblem(prefix + "milestones", "里程碑「" + m.name().trim() + "」的預定日期早於前一個，請依序排列"
                            + " / milestones must be in date order"));
                    break;
                } else {
                    previous = m.plannedDate();
                }
            }
        }
        if (p.curve() != null && !p.curve().isEmpty() && p.startDate() != null && p.plannedEnd() != null) {
            long months = months(p.startDate(), p.plannedEnd());
            if (p.curve().size() != months) {
                out.add(new FieldProblem(prefix + "curve", "預定進度曲線須有 " + months + " 個月的值 / the curve needs " + months + " monthly values"));
            } else {
                BigDecimal prev = BigDecimal.ZERO;
                for (BigDecimal v : p.curve()) {
                    if (v == null || v.compareTo(prev) < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0) {
                        out.add(new FieldProblem(prefix + "curve", "預定進度須遞增且介於 0 至 100 / the curve must rise within 0 to 100"));
                        break;
                    }
                    prev = v;
                }
                if (out.stream().noneMatch(fp -> fp.field().endsWith("curve")) && prev.compareTo(BigDecimal.valueOf(100)) != 0) {
                    out.add(new FieldProblem(prefix + "curve", "預定進度最後一個月須為 100 / the curve must end at 100"));
                }
            }
        }
        return out;
    }

    Agency agency(String codeOrId) {
        if (codeOrId == null) {
            return null;
        }
        String t = codeOrId.trim();
        if (t.matches("\\d+")) {
            return agencies.find(Long.parseLong(t)).orElse(null);
        }
        return agencies.findByCode(t.toUpperCase()).orElse(null);
    }

    static long months(LocalDate start, LocalDate end) {
        return java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(start), YearMonth.from(end)) + 1;
    }

    /** Planned cumulative % for month i of n (0-based): a smooth S-curve (slow start, fast middle, slow end). */
    static BigDecimal sCurve(long i, long n) {
        double t = (i + 1) / (double) n;
        double v = 100 * (3 * t * t - 2 * t * t * t);
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    Project insert(NewProject p, boolean demo) {
        Agency a = agency(p.agency());
        Double lon = p.lon();
        Double lat = p.lat();
        String wkt = null;
        if (p.line() != null && p.line().size() >= 2) {
            wkt = "LINESTRING(" + String.join(", ", p.line().stream().map(pt -> pt.get(0) + " " + pt.get(1)).toList()) + ")";
            if (lon == null) {
                List<Double> mid = p.line().get(p.line().size() / 2);
                lon = mid.get(0);
                lat = mid.get(1);
            }
        }
        Place place = lon == null ? null : geo.locate(lon, lat).orElse(null);
        long id = jdbc.sql("""
                insert into projects_project (code, name, agency_id, control_level, category, lon, lat, line_wkt, district_code,
                  district_name, start_date, planned_end, due_date, total_budget, annual_budget, contact_email, demo)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(p.code().trim(), p.name().trim(), a.id(), p.level(), p.category(), lon, lat, wkt,
                        place == null ? null : place.districtCode(), place == null ? null : place.districtName(),
                        p.startDate(), p.plannedEnd(), p.plannedEnd(), p.totalBudget(), p.annualBudget(),
                        ReportService.trim(p.contactEmail()), demo)
                .query(Long.class).single();
        long n = months(p.startDate(), p.plannedEnd());
        YearMonth first = YearMonth.from(p.startDate());
        List<Object[]> plan = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BigDecimal pct = p.curve() != null && !p.curve().isEmpty() ? p.curve().get(i) : sCurve(i, n);
            BigDecimal alloc = p.totalBudget().multiply(pct).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
            plan.add(new Object[] {id, first.plusMonths(i).atDay(1), pct, alloc});
        }
        batch("insert into projects_plan_month (project_id, month, planned_pct, allocation) values (?, ?, ?, ?)", plan);
        if (p.milestones() != null) {
            int sort = 0;
            for (NewMilestone m : p.milestones()) {
                jdbc.sql("insert into projects_milestone (project_id, name, planned_date, sort) values (?, ?, ?, ?)")
                        .params(id, m.name().trim(), m.plannedDate(), sort++).update();
            }
        }
        Project created = store.find(id).orElseThrow();
        if (!demo) {
            audit.record("projects.project", id, AuditAction.CREATE, null, created);
        }
        return created;
    }

    private void batch(String sql, List<Object[]> rows) {
        for (Object[] row : rows) {
            jdbc.sql(sql).params(row).update();
        }
    }

    record RevisionInput(LocalDate newEnd, String reason) {
    }

    /** RDEC approves a revised end date; the history keeps every earlier due date. */
    @Transactional
    Project revise(long projectId, RevisionInput in) {
        requireRdec();
        ShizhengUser me = CurrentUser.require();
        Project p = store.findForUpdate(projectId).orElseThrow(() -> new NotFoundException("沒有此列管案件 / no such project"));
        List<FieldProblem> problems = new ArrayList<>();
        if (in.newEnd() == null) {
            problems.add(new FieldProblem("newEnd", "請填修正後完工日期 / the revised end date is required"));
        } else if (!in.newEnd().isAfter(p.startDate())) {
            problems.add(new FieldProblem("newEnd", "修正後完工日須晚於開工日 / the revised end must be after the start"));
        } else if (in.newEnd().equals(p.dueDate())) {
            problems.add(new FieldProblem("newEnd", "與目前完工日相同 / same as the current due date"));
        }
        if (ReportService.blank(in.reason())) {
            problems.add(new FieldProblem("reason", "請說明修正理由 / give the reason for the revision"));
        }
        if (p.closed()) {
            problems.add(new FieldProblem("newEnd", "已結案的案件不能修正完工日 / a closed project cannot be revised"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        jdbc.sql("insert into projects_revision (project_id, old_end, new_end, reason, approved_by) values (?, ?, ?, ?, ?)")
                .params(projectId, p.dueDate(), in.newEnd(), in.reason().trim(), me.getUsername()).update();
        jdbc.sql("update projects_project set due_date = ? where id = ?").params(in.newEnd(), projectId).update();
        Project after = store.find(projectId).orElseThrow();
        audit.record("projects.project", projectId, AuditAction.UPDATE, Map.of("dueDate", p.dueDate().toString()),
                Map.of("dueDate", in.newEnd().toString(), "reason", in.reason().trim()));
        reports.refresh(projectId);
        return after;
    }
}
