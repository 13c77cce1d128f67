package io.shizheng.projects.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.internal.ProjectStore.Project;
import io.shizheng.projects.internal.ProjectStore.Report;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/projects")
@Tag(name = "Controlled projects", description = "列管案件、月報、預警燈號 / controlled projects, monthly reports, warning lights")
class ProjectsApi {

    private final Portfolio portfolio;
    private final ProjectStore store;
    private final ProjectService projects;
    private final ReportService reports;
    private final WarningRules rules;

    private final ProjectEdits edits;

    ProjectsApi(Portfolio portfolio, ProjectStore store, ProjectService projects, ReportService reports, WarningRules rules,
                ProjectEdits edits) {
        this.edits = edits;
        this.portfolio = portfolio;
        this.store = store;
        this.projects = projects;
        this.reports = reports;
        this.rules = rules;
    }

    @GetMapping
    @Operation(summary = "Controlled projects, filtered and paged (agency officers see their own agency's)")
    Portfolio.Page list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String agency,
                        @RequestParam(required = false) String level, @RequestParam(required = false) String light,
                        @RequestParam(required = false) String district, @RequestParam(required = false) String status,
                        @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        ShizhengUser me = CurrentUser.require();
        return portfolio.page(portfolio.filter(me, year, agency, level, light, district, status), page, size);
    }

    @GetMapping("/dashboard")
    @Operation(summary = "Counts by light, by agency and by district (active projects by light; closed apart)")
    Portfolio.Dashboard dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String agency,
                                  @RequestParam(required = false) String level) {
        return portfolio.dashboard(portfolio.filter(CurrentUser.require(), year, agency, level, null, null, null));
    }

    @GetMapping(value = "/map", produces = {"application/geo+json", "application/json"})
    @Operation(summary = "Projects as GeoJSON points with their light, for the map")
    Map<String, Object> map(@RequestParam(required = false) Integer year, @RequestParam(required = false) String agency,
                            @RequestParam(required = false) String light) {
        ProjectStore.Filter f = portfolio.filter(CurrentUser.require(), year, agency, null, light, null, null);
        List<Map<String, Object>> features = new ArrayList<>();
        for (ProjectStore.MapPoint p : store.points(f)) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", p.id());
            props.put("code", p.code());
            props.put("name", p.name());
            props.put("light", p.light());
            props.put("status", p.status());
            props.put("url", "/projects/" + p.id());
            Map<String, Object> geometry = p.lineWkt() == null ? Map.of("type", "Point", "coordinates", List.of(p.lon(), p.lat()))
                    : Map.of("type", "LineString", "coordinates", lineCoordinates(p.lineWkt()));
            features.add(Map.of("type", "Feature", "properties", props, "geometry", geometry));
        }
        return Map.of("type", "FeatureCollection", "features", features);
    }

    /** LINESTRING(lon lat, lon lat, ...) as written by ProjectService, back to GeoJSON coordinates. */
    static List<List<Double>> lineCoordinates(String wkt) {
        String inner = wkt.substring(wkt.indexOf('(') + 1, wkt.lastIndexOf(')'));
        List<List<Double>> out = new ArrayList<>();
        for (String pt : inner.split(",")) {
            String[] xy = pt.trim().split("\\s+");
            out.add(List.of(Double.valueOf(xy[0]), Double.valueOf(xy[1])));
        }
        return out;
    }

    record Detail(Portfolio.Summary project, String lightReasons, String contactEmail, Double lon, Double lat,
                  java.time.LocalDate plannedEnd, List<Portfolio.SeriesPoint> series, List<ProjectStore.Milestone> milestones,
                  List<ProjectStore.Revision> revisions, List<ProjectStore.LightChange> lightHistory, List<Report> reports,
                  List<ProjectEdits.Change> changes, List<ProjectEdits.BudgetChange> budgets) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "A project with its monthly series (planned, actual, spending), milestones, revisions and light history")
    Detail get(@PathVariable long id) {
        Project p = reports.visible(id);
        return new Detail(portfolio.summary(p, portfolio.agencyMap()), p.lightReasons(), p.contactEmail(), p.lon(), p.lat(),
                p.plannedEnd(), portfolio.series(id), store.milestones(id), store.revisions(id), store.lightChanges(id),
                store.reports(id), edits.history(id), edits.budgets(id));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change fields of a project (owner agency or RDEC) with a reason; absent fields are kept. The rules of "
            + "creation apply; a changed budget is in force from budgetFrom (default this month), earlier months keep theirs")
    ProjectEdits.Change patch(@PathVariable long id, @RequestBody ProjectEdits.Edit body) {
        return edits.edit(id, body, "API");
    }

    @PutMapping("/{id}")
    @Operation(summary = "Same as PATCH: change fields of a project with a reason (absent fields are kept)")
    ProjectEdits.Change put(@PathVariable long id, @RequestBody ProjectEdits.Edit body) {
        return edits.edit(id, body, "API");
    }

    @GetMapping("/{id}/changes")
    @Operation(summary = "The revision history of a project: who changed which fields from what to what, when and why")
    List<ProjectEdits.Change> changes(@PathVariable long id) {
        reports.visible(id);
        return edits.history(id);
    }

    @PostMapping
    @Operation(summary = "Put a project under control (RDEC staff); the planned S-curve is generated unless given")
    ResponseEntity<Portfolio.Summary> create(@RequestBody ProjectService.NewProject body) {
        Project p = projects.create(body);
        return ResponseEntity.created(URI.create("/api/projects/" + p.id())).body(portfolio.summary(p, portfolio.agencyMap()));
    }

    record Imported(int imported, long created, long updated, List<String> codes, List<ProjectEdits.ImportItem> items) {
    }

    @PostMapping("/import")
    @Operation(summary = "Import projects from ODS, XLSX or CSV (RDEC staff): new codes are created, known codes updated "
            + "(reason required); all rows or none, every bad row reported by line. preview=true shows the changes and writes nothing")
    Imported importFile(@RequestParam("file") MultipartFile file, @RequestParam(required = false) String reason,
                        @RequestParam(defaultValue = "false") boolean preview) throws IOException {
        ProjectService.requireRdec();
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "請選擇檔案 / choose a file");
        }
        List<ProjectImport.Row> rows = ProjectImport.read(file.getOriginalFilename(), file.getBytes());
        ProjectEdits.Preview p = preview ? edits.preview(rows, reason) : edits.importRows(rows, reason);
        List<String> codes = p.items().stream().filter(i -> !i.unchanged()).map(ProjectEdits.ImportItem::code).toList();
        return new Imported(codes.size(), p.creates(), p.updates(), codes, p.items());
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "File a month's progress report (owner agency); the light is recomputed at once")
    ResponseEntity<Report> report(@PathVariable long id, @RequestBody ReportService.Submission body) {
        Report r = reports.submit(id, body, List.of());
        return ResponseEntity.created(URI.create("/api/projects/reports/" + r.id())).body(r);
    }

    @GetMapping("/reports")
    @Operation(summary = "Reports by status (default SUBMITTED: the review queue); agencies see their own")
    List<Report> queue(@RequestParam(defaultValue = "SUBMITTED") String status) {
        if (!List.of("SUBMITTED", "ACCEPTED", "RETURNED").contains(status)) {
            throw new InvalidInputException("status", "狀態須為 SUBMITTED、ACCEPTED 或 RETURNED / unknown status");
        }
        ShizhengUser me = CurrentUser.require();
        return store.reportsByStatus(status, portfolio.visibleTo(me), 500);
    }

    @GetMapping("/reports/{reportId}")
    @Operation(summary = "One report")
    Report oneReport(@PathVariable long reportId) {
        Report r = store.report(reportId).orElseThrow(() -> new NotFoundException("沒有此月報 / no such report"));
        reports.visible(r.projectId());
        return r;
    }

    record ReviewNote(@jakarta.validation.constraints.Size(max = 2_000, message = "{projects.review.note.size}") String note) {
    }

    @PostMapping("/reports/{reportId}/accept")
    @Operation(summary = "Accept a report (RDEC staff); a 100 % report closes the project")
    Report accept(@PathVariable long reportId, @jakarta.validation.Valid @RequestBody(required = false) ReviewNote body) {
        return reports.review(reportId, true, body == null ? null : body.note());
    }

    @PostMapping("/reports/{reportId}/return")
    @Operation(summary = "Return a report to the agency with a reason (RDEC staff)")
    Report returnReport(@PathVariable long reportId, @jakarta.validation.Valid @RequestBody(required = false) ReviewNote body) {
        return reports.review(reportId, false, body == null ? null : body.note());
    }

    @PostMapping("/{id}/revisions")
    @Operation(summary = "Approve a revised end date (RDEC staff); the on-time rule then uses it, history is kept")
    Portfolio.Summary revise(@PathVariable long id, @RequestBody ProjectService.RevisionInput body) {
        return portfolio.summary(projects.revise(id, body), portfolio.agencyMap());
    }

    record Rules(BigDecimal yellowLag, BigDecimal redLag, BigDecimal yellowExecution, int redMilestoneMonths,
                 BigDecimal steepPoints, BigDecimal steepMinLag) {
    }

    @GetMapping("/rules")
    @Operation(summary = "The warning thresholds in force (configuration shizheng.projects.*)")
    Rules rules() {
        if (CurrentUser.get().isEmpty()) {
            throw new ForbiddenException("請先登入 / sign in first");
        }
        return new Rules(rules.yellowLag(), rules.redLag(), rules.yellowExecution(), rules.redMilestoneMonths(), rules.steepPoints(),
                rules.steepMinLag());
    }
}
