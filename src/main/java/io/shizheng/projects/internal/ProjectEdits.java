package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.internal.ProjectService.NewMilestone;
import io.shizheng.projects.internal.ProjectService.NewProject;
import io.shizheng.projects.internal.ProjectStore.Project;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Editing a controlled project after creation, by its owner agency or RDEC, within the rules of creation, with a
 * reason and a revision history; a budget revision (追加減預算) takes effect from a month, so the allocation (and the
 * execution rate) of earlier months keeps the budget that was then in force. Imports update projects by code too.
 */
@Service
class ProjectEdits {

    private final ProjectStore store;
    private final ProjectService projects;
    private final ReportService reports;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final Clock clock;

    ProjectEdits(ProjectStore store, ProjectService projects, ReportService reports, JdbcClient jdbc, AuditLog audit,
                 AgencyDirectory agencies, GeoLookup geo, Clock clock) {
        this.store = store;
        this.projects = projects;
        this.reports = reports;
        this.jdbc = jdbc;
        this.audit = audit;
        this.agencies = agencies;
        this.geo = geo;
        this.clock = clock;
    }

    /** A milestone as edited: {@code id} names an existing one (its reached date is kept); none adds one. */
    record EditMilestone(Long id, String name, LocalDate plannedDate) {
    }

    /**
     * The fields to change; a null field is kept as it is. {@code line} empty removes the route, {@code contactEmail}
     * blank removes the address, {@code milestones} replaces the list. {@code budgetFrom} is the month (2018-07 or
     * 107/07) from which a changed budget is in force, this month if not given. {@code reason} is required.
     */
    record Edit(String code, String name, String agency, String level, String category, Double lon, Double lat,
                LocalDate startDate, LocalDate plannedEnd, BigDecimal totalBudget, BigDecimal annualBudget,
                String contactEmail, List<EditMilestone> milestones, List<BigDecimal> curve, List<List<Double>> line,
                String budgetFrom, String reason) {
    }

    record FieldChange(String field, String before, String after) {
    }

    /** One revision of a project as the history shows it. */
    record Change(long id, String changedBy, Instant changedAt, String reason, String source, List<FieldChange> fields) {
    }

    /** A budget that took effect from a month. */
    record BudgetChange(LocalDate fromMonth, BigDecimal oldTotal, BigDecimal newTotal, BigDecimal oldAnnual,
                        BigDecimal newAnnual, String reason, String changedBy, Instant changedAt) {
    }

    /** What an edit would do, worked out and checked but not yet written. */
    record Plan(Project before, NewProject after, List<EditMilestone> milestones, boolean milestonesByName,
                List<BigDecimal> curve, boolean replot, LocalDate budgetFrom, List<FieldChange> changes) {
    }

    // ---- permission ----

    /** The project for an edit: 403 to another agency (a project's code and name are public works, not a secret). */
    Project editable(long id, boolean lock) {
        ShizhengUser me = CurrentUser.require();
        Project p = (lock ? store.findForUpdate(id) : store.find(id))
                .orElseThrow(() -> new NotFoundException("沒有此列管案件 / no such project"));
        if (!mayEdit(me, p)) {
            throw new ForbiddenException("只有主辦機關或研考會可修改案件 / only the owner agency or RDEC edit a project");
        }
        return p;
    }

    boolean mayEdit(ShizhengUser me, Project p) {
        return me.cityWide() || agencies.covers(me, p.agencyId());
    }

    // ---- one edit ----

    @Transactional
    Change edit(long id, Edit e, String source) {
        Project p = editable(id, true);
        List<FieldProblem> problems = new ArrayList<>();
        if (ReportService.blank(e.reason())) {
            problems.add(new FieldProblem("reason", "請說明修改理由 / give the reason for the change"));
        } else if (e.reason().length() > 2_000) {
            problems.add(new FieldProblem("reason", "理由最長 2000 字 / the reason is at most 2,000 characters"));
        }
        Plan plan = plan(p, e, false, "", new HashSet<>(), problems);
        if (problems.isEmpty() && plan.changes().isEmpty()) {
            problems.add(new FieldProblem("reason", "沒有欄位變更 / nothing was changed"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return apply(plan, e.reason().trim(), source);
    }

    /** Merges the edit onto the project, checks it as creation would, and lists the changes; problems go to the list. */
    Plan plan(Project p, Edit e, boolean milestonesByName, String prefix, Set<String> codesSeen, List<FieldProblem> problems) {
        ShizhengUser me = CurrentUser.require();
        List<ProjectStore.Milestone> currentMs = store.milestones(p.id());
        List<BigDecimal> currentCurve = store.plan(p.id()).stream().map(ProjectStore.PlanMonth::plannedPct).toList();
        List<List<Double>> currentLine = p.lineWkt() == null ? List.of() : ProjectsApi.lineCoordinates(p.lineWkt());
        Agency currentAgency = agencies.find(p.agencyId()).orElse(null);

        String agency = e.agency() == null ? String.valueOf(p.agencyId()) : e.agency();
        Double lon = e.lon() == null && e.lat() == null ? p.lon() : e.lon();
        Double lat = e.lon() == null && e.lat() == null ? p.lat() : e.lat();
        List<List<Double>> line = e.line() == null ? currentLine : e.line();
        LocalDate start = or(e.startDate(), p.startDate());
        LocalDate end = or(e.plannedEnd(), p.plannedEnd());
        boolean datesMoved = start != null && end != null
                && (!YearMonth.from(start).equals(YearMonth.from(p.startDate())) || !YearMonth.from(end).equals(YearMonth.from(p.plannedEnd())));
        boolean curveGiven = e.curve() != null && !e.curve().isEmpty();
        List<EditMilestone> ms = e.milestones() == null ? null : e.milestones().stream()
                .map(m -> m == null ? new EditMilestone(null, null, null) : m).toList();
        List<NewMilestone> msAfter = ms == null
                ? currentMs.stream().map(m -> new NewMilestone(m.name(), m.plannedDate())).toList()
                : ms.stream().map(m -> new NewMilestone(m.name(), m.plannedDate())).toList();
        NewProject after = new NewProject(or(e.code(), p.code()), or(e.name(), p.name()), agency, or(e.level(), p.controlLevel()),
                or(e.category(), p.category()), lon, lat, start, end, or(e.totalBudget(), p.totalBudget()),
                or(e.annualBudget(), p.annualBudget()), e.contactEmail() == null ? p.contactEmail() : e.contactEmail(),
                msAfter, curveGiven ? e.curve() : null, line);
        List<FieldProblem> found = new ArrayList<>(projects.validate(after, prefix, codesSeen, p.id()));
        if (ms != null) {
            Set<Long> own = new HashSet<>(currentMs.stream().map(ProjectStore.Milestone::id).toList());
            for (EditMilestone m : ms) {
                if (m.id() != null && !own.contains(m.id())) {
                    found.add(new FieldProblem(prefix + "milestones", "里程碑 " + m.id() + " 不屬於本案 / milestone not of this project"));
                }
            }
        }
        Agency newAgency = projects.agency(agency);
        if (newAgency != null && !me.cityWide() && !agencies.covers(me, newAgency.id())) {
            found.add(new FieldProblem(prefix + "agency", "只能移交給本機關或所屬機關 / an agency hands a project only to itself or its units"));
        }
        BigDecimal total = after.totalBudget();
        BigDecimal annual = after.annualBudget();
        boolean budgetChanged = total != null && annual != null
                && (total.compareTo(p.totalBudget()) != 0 || annual.compareTo(p.annualBudget()) != 0);
        LocalDate from = null;
        if (budgetChanged) {
            if (ReportService.blank(e.budgetFrom())) {
                // this month, or the first month of a project that has not begun
                from = YearMonth.now(clock.withZone(RocDate.TAIPEI)).atDay(1);
                if (start != null && from.isBefore(start.withDayOfMonth(1))) {
                    from = start.withDayOfMonth(1);
                }
            } else {
                List<FieldProblem> monthProblems = new ArrayList<>();
                from = ReportService.parseMonth(e.budgetFrom(), monthProblems);
                monthProblems.forEach(fp -> found.add(new FieldProblem(prefix + "budgetFrom", fp.message())));
            }
            if (from != null && start != null && from.isBefore(start.withDayOfMonth(1))) {
                found.add(new FieldProblem(prefix + "budgetFrom", "預算生效月份不能早於開工月份 / the budget cannot take effect before the start"));
            }
            LocalDate latest = jdbc.sql("select max(from_month) from projects_budget_change where project_id = ?").param(p.id())
                    .query(LocalDate.class).optional().orElse(null);
            if (from != null && latest != null && from.isBefore(latest)) {
                found.add(new FieldProblem(prefix + "budgetFrom", "預算生效月份不能早於上次修正的 " + YearMonth.from(latest)
                        + " / the budget cannot take effect before the last revision's month"));
            }
        }
        problems.addAll(found);
        if (!found.isEmpty()) {
            return new Plan(p, after, ms, milestonesByName, null, false, from, List.of());
        }

        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "code", p.code(), after.code().trim());
        diff(changes, "name", p.name(), after.name().trim());
        diff(changes, "agency", currentAgency == null ? String.valueOf(p.agencyId()) : currentAgency.code(), newAgency.code());
        diff(changes, "level", p.controlLevel(), after.level());
        diff(changes, "category", p.category(), after.category());
        boolean lineGiven = e.line() != null;
        String wktBefore = p.lineWkt();
        String wktAfter = lineGiven ? wkt(line) : p.lineWkt();
        diff(changes, "line", wktBefore, wktAfter);
        diff(changes, "point", point(p.lon(), p.lat()), point(lon, lat));
        diff(changes, "startDate", str(p.startDate()), str(start));
        diff(changes, "plannedEnd", str(p.plannedEnd()), str(end));
        diff(changes, "totalBudget", plain(p.totalBudget()), plain(total));
        diff(changes, "annualBudget", plain(p.annualBudget()), plain(annual));
        diff(changes, "contactEmail", p.contactEmail(), ReportService.trim(after.contactEmail()));
        diff(changes, "milestones", currentMs.stream().map(m -> m.name() + "@" + m.plannedDate()).toList().toString(),
                msAfter.stream().map(m -> m.name().trim() + "@" + m.plannedDate()).toList().toString());
        List<BigDecimal> curve = curveGiven ? e.curve() : null;
        boolean replot = datesMoved || (curveGiven && !sameCurve(currentCurve, e.curve()));
        if (replot) {
            diff(changes, "curve", curveText(currentCurve), curveGiven ? curveText(e.curve()) : "S 曲線 / S-curve");
        }
        if (budgetChanged) {
            changes.add(new FieldChange("budgetFrom", null, YearMonth.from(from).toString()));
        }
        return new Plan(p, after, ms, milestonesByName, curve, replot, from, changes);
    }

    /** Writes a checked plan: the project, its plan months and milestones, the revision history and the audit log. */
    Change apply(Plan plan, String reason, String source) {
        ShizhengUser me = CurrentUser.require();
        Project p = plan.before();
        NewProject a = plan.after();
        long id = p.id();
        Agency agency = projects.agency(a.agency());
        Double lon = a.lon();
        Double lat = a.lat();
        String wkt = a.line() == null || a.line().size() < 2 ? null : wkt(a.line());
        if (lon == null && wkt != null) {
            List<Double> mid = a.line().get(a.line().size() / 2);
            lon = mid.get(0);
            lat = mid.get(1);
        }
        Place place = lon == null ? null : geo.locate(lon, lat).orElse(null);
        // The due date (indicator 1.1) follows a new planned end only when RDEC edits a project without an approved
        // revision; an agency moves its deadline through a revision RDEC approves, not by editing.
        boolean revised = jdbc.sql("select count(*) from projects_revision where project_id = ?").param(id).query(Long.class).single() > 0;
        boolean dueFollows = !revised && me.cityWide();
        jdbc.sql("""
                update projects_project set code = ?, name = ?, agency_id = ?, control_level = ?, category = ?, lon = ?, lat = ?,
                  line_wkt = ?, district_code = ?, district_name = ?, start_date = ?, planned_end = ?, due_date = ?,
                  total_budget = ?, annual_budget = ?, contact_email = ? where id = ?""")
                .params(a.code().trim(), a.name().trim(), agency.id(), a.level(), a.category(), lon, lat, wkt,
                        place == null ? null : place.districtCode(), place == null ? null : place.districtName(),
                        a.startDate(), a.plannedEnd(), dueFollows ? a.plannedEnd() : p.dueDate(), a.totalBudget(), a.annualBudget(),
                        ReportService.trim(a.contactEmail()), id)
                .update();
        Instant now = clock.instant();
        long changeId = jdbc.sql("insert into projects_change (project_id, changed_by, changed_at, reason, source) values (?, ?, ?, ?, ?) returning id")
                .params(id, me.getUsername(), java.sql.Timestamp.from(now), reason, source).query(Long.class).single();
        int sort = 0;
        for (FieldChange c : plan.changes()) {
            jdbc.sql("insert into projects_change_field (change_id, sort, field, old_value, new_value) values (?, ?, ?, ?, ?)")
                    .params(changeId, sort++, c.field(), c.before(), c.after()).update();
        }
        if (plan.budgetFrom() != null) {
            jdbc.sql("""
                    insert into projects_budget_change (project_id, change_id, from_month, old_total, new_total, old_annual, new_annual)
                    values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, changeId, plan.budgetFrom(), p.totalBudget(), a.totalBudget(), p.annualBudget(), a.annualBudget())
                    .update();
        }
        if (plan.replot()) {
            replot(id, a, plan.curve());
        } else if (plan.budgetFrom() != null) {
            // the months before the revision keep the allocation of the budget then in force
            jdbc.sql("update projects_plan_month set allocation = round(? * planned_pct / 100) where project_id = ? and month >= ?")
                    .params(a.totalBudget(), id, plan.budgetFrom()).update();
        }
        if (plan.milestones() != null) {
            milestones(id, plan.milestones(), plan.milestonesByName());
        }
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        for (FieldChange c : plan.changes()) {
            before.put(c.field(), c.before());
            after.put(c.field(), c.after());
        }
        after.put("reason", reason);
        audit.record("projects.project", id, AuditAction.UPDATE, before, after);
        reports.refresh(id);
        return new Change(changeId, me.getUsername(), now, reason, source, plan.changes());
    }

    /** The plan months again for new dates or a new curve; each month's allocation follows the budget then in force. */
    private void replot(long id, NewProject a, List<BigDecimal> curve) {
        jdbc.sql("delete from projects_plan_month where project_id = ?").param(id).update();
        long n = ProjectService.months(a.startDate(), a.plannedEnd());
        YearMonth first = YearMonth.from(a.startDate());
        for (int i = 0; i < n; i++) {
            BigDecimal pct = curve != null ? curve.get(i) : ProjectService.sCurve(i, n);
            LocalDate month = first.plusMonths(i).atDay(1);
            BigDecimal alloc = budgetInForce(id, month, a.totalBudget()).multiply(pct).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP);
            jdbc.sql("insert into projects_plan_month (project_id, month, planned_pct, allocation) values (?, ?, ?, ?)")
                    .params(id, month, pct, alloc).update();
        }
    }

    /** The total budget in force in a month: the latest revision from that month or earlier, else the first budget. */
    BigDecimal budgetInForce(long id, LocalDate month, BigDecimal current) {
        return jdbc.sql("select new_total from projects_budget_change where project_id = ? and from_month <= ? order by from_month desc, id desc limit 1")
                .params(id, month).query(BigDecimal.class).optional()
                .or(() -> jdbc.sql("select old_total from projects_budget_change where project_id = ? order by from_month, id limit 1")
                        .param(id).query(BigDecimal.class).optional())
                .orElse(current);
    }

    private void milestones(long id, List<EditMilestone> wanted, boolean byName) {
        List<ProjectStore.Milestone> current = store.milestones(id);
        Map<Long, ProjectStore.Milestone> byId = new HashMap<>();
        Map<String, ProjectStore.Milestone> named = new HashMap<>();
        current.forEach(m -> {
            byId.put(m.id(), m);
            named.putIfAbsent(m.name(), m);
        });
        Set<Long> kept = new HashSet<>();
        int sort = 0;
        for (EditMilestone m : wanted) {
            ProjectStore.Milestone match = m.id() != null ? byId.get(m.id()) : byName ? named.get(m.name().trim()) : null;
            if (match != null && kept.add(match.id())) {
                jdbc.sql("update projects_milestone set name = ?, planned_date = ?, sort = ? where id = ?")
                        .params(m.name().trim(), m.plannedDate(), sort++, match.id()).update();
            } else {
                jdbc.sql("insert into projects_milestone (project_id, name, planned_date, sort) values (?, ?, ?, ?)")
                        .params(id, m.name().trim(), m.plannedDate(), sort++).update();
            }
        }
        for (ProjectStore.Milestone m : current) {
            if (!kept.contains(m.id())) {
                jdbc.sql("delete from projects_milestone where id = ?").param(m.id()).update();
            }
        }
    }

    // ---- history ----

    List<Change> history(long projectId) {
        Map<Long, List<FieldChange>> fields = new HashMap<>();
        jdbc.sql("""
                select f.change_id, f.field, f.old_value, f.new_value from projects_change_field f
                join projects_change c on c.id = f.change_id where c.project_id = ? order by f.change_id, f.sort""")
                .param(projectId).query((rs, i) -> {
                    fields.computeIfAbsent(rs.getLong("change_id"), k -> new ArrayList<>())
                            .add(new FieldChange(rs.getString("field"), rs.getString("old_value"), rs.getString("new_value")));
                    return null;
                }).list();
        return jdbc.sql("select id, changed_by, changed_at, reason, source from projects_change where project_id = ? order by changed_at desc, id desc")
                .param(projectId).query((rs, i) -> new Change(rs.getLong("id"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"), rs.getString("source"),
                        fields.getOrDefault(rs.getLong("id"), List.of()))).list();
    }

    List<BudgetChange> budgets(long projectId) {
        return jdbc.sql("""
                select b.from_month, b.old_total, b.new_total, b.old_annual, b.new_annual, c.reason, c.changed_by, c.changed_at
                from projects_budget_change b join projects_change c on c.id = b.change_id where b.project_id = ?
                order by b.from_month, b.id""")
                .param(projectId).query((rs, i) -> new BudgetChange(rs.getObject("from_month", LocalDate.class),
                        rs.getBigDecimal("old_total"), rs.getBigDecimal("new_total"), rs.getBigDecimal("old_annual"),
                        rs.getBigDecimal("new_annual"), rs.getString("reason"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
    }

    // ---- imports: new codes are created, known codes updated; shown first, then applied all or nothing ----

    /** One row of an import as the preview shows it: a new project, or the changes to an existing one. */
    record ImportItem(int line, String code, String name, boolean created, Long projectId, List<FieldChange> changes) {
        public boolean unchanged() {
            return !created && changes.isEmpty();
        }

        public boolean updated() {
            return !created && !changes.isEmpty();
        }
    }

    record Preview(List<ImportItem> items) {
        public long creates() { return items.stream().filter(ImportItem::created).count(); }
        public long updates() { return items.stream().filter(ImportItem::updated).count(); }
        public long changes() { return creates() + updates(); }
        public long unchangedRows() { return items.stream().filter(ImportItem::unchanged).count(); }
    }

    private record Worked(Preview preview, List<Object> work) {
    }

    /** What the rows would do; nothing is written. Every bad row is reported with its line number. */
    @Transactional(readOnly = true)
    Preview preview(List<ProjectImport.Row> rows, String reason) {
        ProjectService.requireRdec();
        return work(rows, reason, false).preview();
    }

    /** All rows or none: every bad row is reported with its line number and nothing is stored. */
    @Transactional
    Preview importRows(List<ProjectImport.Row> rows, String reason) {
        ProjectService.requireRdec();
        Worked w = work(rows, reason, true);
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        for (Object o : w.work()) {
            if (o instanceof NewProject np) {
                created.add(projects.insert(np, false).code());
            } else if (o instanceof Plan plan) {
                apply(plan, reason.trim(), "IMPORT");
                updated.add(plan.after().code().trim());
            }
        }
        audit.record("projects.import", created.size() + updated.size(), AuditAction.CREATE, null,
                Map.of("projects", created, "updated", updated, "reason", reason == null ? "" : reason.trim()));
        return w.preview();
    }

    private Worked work(List<ProjectImport.Row> rows, String reason, boolean applying) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        if (rows.isEmpty()) {
            problems.add(new FieldProblem("file", "檔案沒有資料列 / the file has no data rows"));
        }
        List<ImportItem> items = new ArrayList<>();
        List<Object> work = new ArrayList<>();
        Map<String, Long> stored = store.idsByCode(rows.stream().map(ProjectImport.Row::project)
                .filter(np -> np != null && np.code() != null).map(np -> np.code().trim()).distinct().toList());
        for (ProjectImport.Row row : rows) {
            String prefix = "row " + row.line() + ".";
            problems.addAll(row.problems().stream()
                    .map(fp -> new FieldProblem(prefix + fp.field(), "第 " + row.line() + " 列：" + fp.message())).toList());
            NewProject np = row.project();
            if (np == null) {
                continue;
            }
            // a cell that could not be read is reported once, not again as missing
            Set<String> unreadable = new HashSet<>();
            row.problems().forEach(fp -> unreadable.add(prefix + fp.field()));
            List<FieldProblem> found = new ArrayList<>();
            Long existing = np.code() == null ? null : stored.get(np.code().trim());
            if (existing == null) {
                found.addAll(projects.validate(np, prefix, codes));
                if (found.isEmpty()) {
                    List<FieldChange> values = new ArrayList<>();
                    diff(values, "name", null, np.name().trim());
                    diff(values, "agency", null, projects.agency(np.agency()).code());
                    diff(values, "level", null, np.level());
                    diff(values, "category", null, np.category());
                    diff(values, "startDate", null, str(np.startDate()));
                    diff(values, "plannedEnd", null, str(np.plannedEnd()));
                    diff(values, "totalBudget", null, plain(np.totalBudget()));
                    diff(values, "annualBudget", null, plain(np.annualBudget()));
                    items.add(new ImportItem(row.line(), np.code().trim(), np.name().trim(), true, null, values));
                    work.add(np);
                }
            } else if (!codes.add(np.code().trim())) {
                found.add(new FieldProblem(prefix + "code", "代碼 " + np.code().trim() + " 在檔案中重複 / the code is twice in the file"));
            } else {
                Project p = store.find(existing).orElseThrow();
                Plan plan = plan(p, fromRow(np), true, prefix, new HashSet<>(), found);
                if (found.isEmpty()) {
                    items.add(new ImportItem(row.line(), p.code(), plan.after().name().trim(), false, p.id(), plan.changes()));
                    if (!plan.changes().isEmpty()) {
                        work.add(plan);
                        if (applying && ReportService.blank(reason)) {
                            found.add(new FieldProblem(prefix + "reason", "更新既有案件須說明修改理由 / give the reason for updating existing projects"));
                        }
                    }
                }
            }
            problems.addAll(found.stream().filter(fp -> !unreadable.contains(fp.field()))
                    .map(fp -> new FieldProblem(fp.field(), "第 " + row.line() + " 列：" + fp.message())).toList());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Worked(new Preview(items), work);
    }

    /** Keeps an uploaded file for its preview; the token applies it once, by the same user. */
    String stage(String filename, byte[] bytes) {
        ProjectService.requireRdec();
        String token = java.util.UUID.randomUUID().toString();
        jdbc.sql("insert into projects_import_stage (token, filename, bytes, created_by) values (?, ?, ?, ?)")
                .params(token, filename == null ? "" : filename, bytes, CurrentUser.require().getUsername()).update();
        return token;
    }

    record Staged(String filename, byte[] bytes) {
    }

    /** The staged file of this user that was not applied yet. */
    Staged staged(String token) {
        ProjectService.requireRdec();
        return jdbc.sql("select filename, bytes from projects_import_stage where token = ? and created_by = ? and applied_at is null")
                .params(token == null ? "" : token, CurrentUser.require().getUsername()).query(Staged.class).optional()
                .orElseThrow(() -> new InvalidInputException("token", "找不到待匯入的檔案（可能已匯入）；請重新上傳 / no pending import "
                        + "for this token (applied already?): upload the file again"));
    }

    /** Applies a staged import, all or nothing, and marks it applied in the same transaction. */
    @Transactional
    Preview applyStaged(String token, String reason) throws java.io.IOException {
        Staged s = staged(token);
        Preview p = importRows(ProjectImport.read(s.filename(), s.bytes()), reason);
        jdbc.sql("update projects_import_stage set applied_at = now() where token = ?").param(token).update();
        return p;
    }

    /** An import row as an edit: an empty optional cell keeps what the project has. */
    private static Edit fromRow(NewProject np) {
        List<EditMilestone> ms = np.milestones() == null || np.milestones().isEmpty() ? null
                : np.milestones().stream().map(m -> new EditMilestone(null, m.name(), m.plannedDate())).toList();
        return new Edit(np.code(), np.name(), np.agency(), np.level(), np.category(), np.lon(), np.lat(), np.startDate(),
                np.plannedEnd(), np.totalBudget(), np.annualBudget(), ReportService.blank(np.contactEmail()) ? null : np.contactEmail(),
                ms, np.curve() == null || np.curve().isEmpty() ? null : np.curve(),
                np.line() == null || np.line().isEmpty() ? null : np.line(), null, null);
    }

    // ---- text of values ----

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void diff(List<FieldChange> out, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            out.add(new FieldChange(field, before, after));
        }
    }

    private static String wkt(List<List<Double>> line) {
        return line == null || line.size() < 2 ? null
                : "LINESTRING(" + String.join(", ", line.stream().map(pt -> pt.get(0) + " " + pt.get(1)).toList()) + ")";
    }

    private static String point(Double lon, Double lat) {
        return lon == null || lat == null ? null : lon + ", " + lat;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }

    private static boolean sameCurve(List<BigDecimal> a, List<BigDecimal> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i).compareTo(b.get(i)) != 0) {
                return false;
            }
        }
        return true;
    }

    private static String curveText(List<BigDecimal> curve) {
        return String.join(",", curve.stream().map(ProjectEdits::plain).toList());
    }
}
