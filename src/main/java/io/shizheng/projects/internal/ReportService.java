package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.Light;
import io.shizheng.projects.ProjectLightChanged;
import io.shizheng.projects.internal.ProjectStore.Project;
import io.shizheng.projects.internal.ProjectStore.Report;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Monthly progress reports: filing by the owner agency, review by RDEC, and the light they lead to. */
@Service
class ReportService {

    private final ProjectStore store;
    private final WarningRules rules;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AgencyDirectory agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportService(ProjectStore store, WarningRules rules, JdbcClient jdbc, AuditLog audit, AgencyDirectory agencies,
                  ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.rules = rules;
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
        this.events = events;
        this.clock = clock;
    }

    /** A month's report as an agency files it; {@code milestones} maps milestone id to the date it was reached. */
    record Submission(String month, BigDecimal actualPct, BigDecimal spending, String narrative, String problems,
                      String helpNeeded, String correctionNote, Map<Long, LocalDate> milestones) {
    }

    record NewPhoto(String name, String contentType, byte[] bytes) {
    }

    Project visible(long projectId) {
        Project p = store.find(projectId).orElseThrow(() -> new NotFoundException("沒有此列管案件 / no such project"));
        ShizhengUser me = CurrentUser.require();
        if (!mayRead(me, p)) {
            throw new NotFoundException("沒有此列管案件 / no such project");
        }
        return p;
    }

    /** Agencies see their own projects; RDEC, administrators and committee members (reviewers) see all. */
    boolean mayRead(ShizhengUser me, Project p) {
        return me.has(io.shizheng.platform.Role.REVIEWER) || agencies.covers(me, p.agencyId());
    }

    @Transactional
    Report submit(long projectId, Submission s, List<NewPhoto> photos) {
        ShizhengUser me = CurrentUser.require();
        Project p = store.findForUpdate(projectId).orElseThrow(() -> new NotFoundException("沒有此列管案件 / no such project"));
        if (!agencies.covers(me, p.agencyId())) {
            if (!mayRead(me, p)) {
                throw new NotFoundException("沒有此列管案件 / no such project");
            }
            throw new ForbiddenException("只有主辦機關可填報進度 / only the owner agency files progress reports");
        }
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate month = parseMonth(s.month(), problems);
        if (s.actualPct() == null) {
            problems.add(new FieldProblem("actualPct", "請填實際進度（%）/ actual progress is required"));
        } else if (s.actualPct().signum() < 0 || s.actualPct().compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new FieldProblem("actualPct", "實際進度須介於 0 至 100 / actual progress must be between 0 and 100"));
        }
        if (s.spending() == null) {
            problems.add(new FieldProblem("spending", "請填累計支用金額（千元）/ cumulative spending is required"));
        } else if (s.spending().signum() < 0) {
            problems.add(new FieldProblem("spending", "累計支用不可為負 / spending cannot be negative"));
        }
        if (p.closed()) {
            problems.add(new FieldProblem("projectId", "本案已結案，不再填報 / the project is closed"));
        }
        Report existing = null;
        if (month != null) {
            LocalDate thisMonth = YearMonth.now(clock).atDay(1);
            if (month.isBefore(p.startDate().withDayOfMonth(1))) {
                problems.add(new FieldProblem("month", "月份早於開工日 " + p.startDate() + " / month before the project started"));
            } else if (month.isAfter(thisMonth)) {
                problems.add(new FieldProblem("month", "不能填報未來月份 / cannot report a future month"));
            }
            existing = store.reportFor(projectId, month).orElse(null);
            if (existing != null && "ACCEPTED".equals(existing.status())) {
                problems.add(new FieldProblem("month", YearMonth.from(month) + " 月報已核定，不能再改 / the report for "
                        + YearMonth.from(month) + " is already accepted"));
            }
            if (s.spending() != null) {
                store.standingBefore(projectId, month).ifPresent(prev -> {
                    if (s.spending().compareTo(prev.spending()) < 0 && blank(s.correctionNote())) {
                        problems.add(new FieldProblem("spending", "累計支用低於 " + YearMonth.from(prev.month()) + " 的 "
                                + prev.spending().toPlainString() + " 千元，請填更正說明 / spending went down from "
                                + prev.spending().toPlainString() + ": give a correction note"));
                    }
                });
            }
        }
        Map<Long, LocalDate> reached = s.milestones() == null ? Map.of() : s.milestones();
        List<Long> own = store.milestones(projectId).stream().map(ProjectStore.Milestone::id).toList();
        for (Map.Entry<Long, LocalDate> e : reached.entrySet()) {
            if (!own.contains(e.getKey())) {
                problems.add(new FieldProblem("milestones", "里程碑 " + e.getKey() + " 不屬於本案 / milestone not of this project"));
            } else if (e.getValue() != null && e.getValue().isAfter(LocalDate.now(clock))) {
                problems.add(new FieldProblem("milestones", "達成日期不能在未來 / a milestone cannot be reached in the future"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Instant now = clock.instant();
        long id;
        if (existing == null) {
            id = jdbc.sql("""
                    insert into projects_report (project_id, month, actual_pct, spending, narrative, problems, help_needed,
                      correction_note, status, submitted_by, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?) returning id""")
                    .params(projectId, month, s.actualPct(), s.spending(), trim(s.narrative()), trim(s.problems()),
                            trim(s.helpNeeded()), trim(s.correctionNote()), me.getUsername(), java.sql.Timestamp.from(now))
                    .query(Long.class).single();
        } else {
            id = existing.id();
            jdbc.sql("""
                    update projects_report set actual_pct = ?, spending = ?, narrative = ?, problems = ?, help_needed = ?,
                      correction_note = ?, status = 'SUBMITTED', submitted_by = ?, submitted_at = ?, reviewed_by = null,
                      reviewed_at = null, review_note = null where id = ?""")
                    .params(s.actualPct(), s.spending(), trim(s.narrative()), trim(s.problems()), trim(s.helpNeeded()),
                            trim(s.correctionNote()), me.getUsername(), java.sql.Timestamp.from(now), id).update();
        }
        for (Map.Entry<Long, LocalDate> e : reached.entrySet()) {
            jdbc.sql("update projects_milestone set reached_date = ? where id = ? and project_id = ?")
                    .params(e.getValue(), e.getKey(), projectId).update();
        }
        for (NewPhoto photo : photos) {
            jdbc.sql("insert into projects_report_photo (report_id, name, content_type, bytes) values (?, ?, ?, ?)")
                    .params(id, photo.name(), photo.contentType(), photo.bytes()).update();
        }
        Report saved = store.report(id).orElseThrow();
        audit.record("projects.report", id, existing == null ? AuditAction.CREATE : AuditAction.UPDATE, existing, saved);
        refresh(projectId);
        return saved;
    }

    @Transactional
    Report review(long reportId, boolean accept, String note) {
        ShizhengUser me = CurrentUser.require();
        if (!me.cityWide()) {
            throw new ForbiddenException("只有研考會審查月報 / only RDEC staff review reports");
        }
        Report r = store.report(reportId).orElseThrow(() -> new NotFoundException("沒有此月報 / no such report"));
        Project p = store.findForUpdate(r.projectId()).orElseThrow();
        if (!"SUBMITTED".equals(r.status())) {
            throw new InvalidInputException("status", "此月報狀態為 " + r.status() + "，只能審查待審月報 / only submitted reports can be reviewed");
        }
        if (!accept && blank(note)) {
            throw new InvalidInputException("note", "退回須說明理由 / give a reason for returning the report");
        }
        Instant now = clock.instant();
        jdbc.sql("update projects_report set status = ?, reviewed_by = ?, reviewed_at = ?, review_note = ? where id = ?")
                .params(accept ? "ACCEPTED" : "RETURNED", me.getUsername(), java.sql.Timestamp.from(now), trim(note), reportId)
                .update();
        Report after = store.report(reportId).orElseThrow();
        audit.record("projects.report", reportId, accept ? AuditAction.APPROVE : AuditAction.REJECT, r, after);
        if (accept && r.actualPct().compareTo(BigDecimal.valueOf(100)) >= 0 && !p.closed()) {
            LocalDate today = LocalDate.ofInstant(now, RocDate.TAIPEI);
            jdbc.sql("update projects_project set status = 'CLOSED', closed_on = ? where id = ?").params(today, p.id()).update();
            audit.record("projects.project", p.id(), AuditAction.UPDATE, Map.of("status", "ACTIVE"),
                    Map.of("status", "CLOSED", "closedOn", today.toString(), "onTime", OnTime.onTime(today, p.dueDate())));
        }
        refresh(r.projectId());
        return after;
    }

    /**
     * Recomputes a project's current figures and light from its latest standing report; records and publishes
     * a change of light. Runs inside the caller's transaction.
     */
    void refresh(long projectId) {
        Project p = store.find(projectId).orElseThrow();
        Report latest = store.latestStanding(projectId).orElse(null);
        Light light;
        String reasons;
        BigDecimal planned = null;
        BigDecimal allocation = null;
        if (latest == null) {
            light = Light.NONE;
            reasons = null;
        } else {
            LocalDate asOf = YearMonth.from(latest.month()).atEndOfMonth();
            PlanAt at = planAt(projectId, latest.month());
            planned = at.planned();
            allocation = at.allocation();
            List<WarningRules.Milestone> ms = store.milestones(projectId).stream()
                    .map(m -> new WarningRules.Milestone(m.name(), m.plannedDate(), m.reachedDate())).toList();
            WarningRules.Assessment a = rules.assess(new WarningRules.Facts(planned, latest.actualPct(), latest.spending(),
                    allocation, ms, asOf, planAt(projectId, latest.month().plusMonths(3)).planned()));
            light = a.light();
            reasons = String.join("\n", a.reasons());
        }
        jdbc.sql("""
                update projects_project set light = ?, light_reasons = ?, planned_pct = ?, actual_pct = ?, spending = ?,
                  allocation = ?, last_month = ? where id = ?""")
                .params(light.name(), reasons, planned, latest == null ? null : latest.actualPct(),
                        latest == null ? null : latest.spending(), allocation, latest == null ? null : latest.month(), projectId)
                .update();
        if (light != p.light()) {
            Instant now = clock.instant();
            jdbc.sql("insert into projects_light_change (project_id, at, old_light, new_light, reasons) values (?, ?, ?, ?, ?)")
                    .params(projectId, java.sql.Timestamp.from(now), p.light().name(), light.name(), reasons).update();
            events.publishEvent(new ProjectLightChanged(projectId, p.code(), p.name(), p.agencyId(), p.light(), light,
                    reasons == null || reasons.isEmpty() ? List.of() : List.of(reasons.split("\n")), now));
        }
    }

    record PlanAt(BigDecimal planned, BigDecimal allocation) {
    }

    /** The planned curve at a month: 0 before it begins, its last value after it ends. */
    PlanAt planAt(long projectId, LocalDate month) {
        return jdbc.sql("""
                select coalesce((select planned_pct from projects_plan_month where project_id = ? and month <= ? order by month desc limit 1), 0) as planned,
                       coalesce((select allocation from projects_plan_month where project_id = ? and month <= ? order by month desc limit 1), 0) as allocation""")
                .params(projectId, month, projectId, month).query(PlanAt.class).single();
    }

    static LocalDate parseMonth(String text, List<FieldProblem> problems) {
        if (blank(text)) {
            problems.add(new FieldProblem("month", "請填報告月份（如 2018-05 或 107/05）/ month is required"));
            return null;
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{2,3}[/-]\\d{1,2}")) {
                String[] parts = t.split("[/-]");
                return LocalDate.of(Integer.parseInt(parts[0]) + 1911, Integer.parseInt(parts[1]), 1);
            }
            return YearMonth.parse(t).atDay(1);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem("month", "月份格式須為 2018-05 或 107/05 / month must look like 2018-05"));
            return null;
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static String trim(String s) {
        return blank(s) ? null : s.trim();
    }

    /** Milestones of a project keyed by id, for forms. */
    Map<Long, ProjectStore.Milestone> milestones(long projectId) {
        Map<Long, ProjectStore.Milestone> out = new LinkedHashMap<>();
        store.milestones(projectId).forEach(m -> out.put(m.id(), m));
        return out;
    }
}
