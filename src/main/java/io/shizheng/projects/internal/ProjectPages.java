package io.shizheng.projects.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.internal.ProjectStore.Project;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The portfolio dashboard, the project page with its report form, the review queue and the import page. */
@Controller
class ProjectPages {

    private final Portfolio portfolio;
    private final ProjectStore store;
    private final ProjectService projects;
    private final ReportService reports;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ProjectEdits edits;

    ProjectPages(Portfolio portfolio, ProjectStore store, ProjectService projects, ReportService reports,
                 AgencyDirectory agencies, GeoLookup geo, JdbcClient jdbc, Clock clock, ProjectEdits edits) {
        this.edits = edits;
        this.portfolio = portfolio;
        this.store = store;
        this.projects = projects;
        this.reports = reports;
        this.agencies = agencies;
        this.geo = geo;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The latest year anything was reported in (the demo's 2018), or this year. */
    int defaultYear() {
        Integer y = jdbc.sql("select extract(year from max(last_month))::int from projects_project").query(Integer.class).optional()
                .orElse(null);
        return y == null ? LocalDate.now(clock).getYear() : y;
    }

    @GetMapping("/projects")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String agency,
                     @RequestParam(required = false) String level, @RequestParam(required = false) String light,
                     @RequestParam(required = false) String district, @RequestParam(defaultValue = "0") int page, Model model) {
        ShizhengUser me = CurrentUser.require();
        int y = year == null ? defaultYear() : year;
        ProjectStore.Filter f = portfolio.filter(me, y, agency, level, light, district, null);
        model.addAttribute("year", y);
        model.addAttribute("agency", agency);
        model.addAttribute("level", level);
        model.addAttribute("light", light);
        model.addAttribute("district", district);
        model.addAttribute("dash", portfolio.dashboard(portfolio.filter(me, y, agency, level, null, null, null)));
        model.addAttribute("list", portfolio.page(f, Math.max(0, page), 50));
        model.addAttribute("agencies", agencies.firstLevel());
        model.addAttribute("districts", geo.districts());
        model.addAttribute("levels", ProjectService.LEVELS);
        return "projects/dashboard";
    }

    @GetMapping("/projects/{id:[0-9]+}")
    String project(@PathVariable long id, Model model) {
        ShizhengUser me = CurrentUser.require();
        Project p = reports.visible(id);
        model.addAttribute("p", portfolio.summary(p, portfolio.agencyMap()));
        model.addAttribute("project", p);
        model.addAttribute("milestones", store.milestones(id));
        model.addAttribute("revisions", store.revisions(id));
        model.addAttribute("lightHistory", store.lightChanges(id));
        List<ProjectStore.Report> rs = new ArrayList<>(store.reports(id));
        java.util.Collections.reverse(rs);
        model.addAttribute("reports", rs);
        Map<Long, List<ProjectStore.Photo>> photos = new HashMap<>();
        for (ProjectStore.Report r : rs.subList(0, Math.min(6, rs.size()))) {
            photos.put(r.id(), store.photos(r.id()));
        }
        model.addAttribute("photos", photos);
        model.addAttribute("mayReport", !p.closed() && agencies.covers(me, p.agencyId()));
        model.addAttribute("mayReview", me.cityWide());
        model.addAttribute("changes", edits.history(id));
        model.addAttribute("budgets", edits.budgets(id));
        boolean mayEdit = edits.mayEdit(me, p);
        model.addAttribute("mayEdit", mayEdit);
        if (mayEdit) {
            model.addAttribute("editAgencies", agencies.all().stream().filter(a -> agencies.covers(me, a.id())).toList());
            model.addAttribute("agencyCode", agencies.find(p.agencyId()).map(io.shizheng.org.Agency::code).orElse(""));
            model.addAttribute("levels", ProjectService.LEVELS);
            model.addAttribute("categories", ProjectService.CATEGORIES);
            model.addAttribute("lineText", p.lineWkt() == null ? "" : String.join(";", ProjectsApi.lineCoordinates(p.lineWkt()).stream()
                    .map(pt -> pt.get(0) + " " + pt.get(1)).toList()));
            model.addAttribute("thisMonth", YearMonth.now(clock.withZone(io.shizheng.platform.RocDate.TAIPEI)).toString());
        }
        model.addAttribute("defaultMonth", YearMonth.now(clock).minusMonths(1).toString());
        model.addAttribute("resolutions", jdbc.sql("""
                select r.id, r.text, r.status, r.due_date, r.reply, m.title, m.id as meeting_id from projects_resolution r
                join projects_meeting m on m.id = r.meeting_id where r.project_id = ? order by m.meeting_date desc, r.id""")
                .param(id).query().listOfRows());
        return "projects/project";
    }

    @PostMapping("/projects/{id:[0-9]+}/reports")
    String file(@PathVariable long id, @RequestParam(required = false) String month,
                @RequestParam(required = false) String actualPct, @RequestParam(required = false) String spending,
                @RequestParam(required = false) String narrative, @RequestParam(required = false) String problems,
                @RequestParam(required = false) String helpNeeded, @RequestParam(required = false) String correctionNote,
                @RequestParam Map<String, String> params, @RequestParam(required = false) List<MultipartFile> photos,
                RedirectAttributes redirect) throws IOException {
        try {
            Map<Long, LocalDate> reached = new HashMap<>();
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().startsWith("milestone-") && e.getValue() != null && !e.getValue().isBlank()) {
                    LocalDate d = ProjectImport.date(e.getValue(), "milestones", new ArrayList<>());
                    if (d == null) {
                        throw new InvalidInputException("milestones", "里程碑日期格式不正確 / not a date: " + e.getValue());
                    }
                    reached.put(Long.parseLong(e.getKey().substring("milestone-".length())), d);
                }
            }
            List<ReportService.NewPhoto> files = new ArrayList<>();
            if (photos != null) {
                for (MultipartFile f : photos) {
                    if (f != null && !f.isEmpty()) {
                        if (f.getContentType() == null || !f.getContentType().startsWith("image/")) {
                            throw new InvalidInputException("photos", "照片須為影像檔 / photos must be images");
                        }
                        files.add(new ReportService.NewPhoto(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                    }
                }
            }
            ProjectStore.Report r = reports.submit(id, new ReportService.Submission(month, decimal(actualPct, "actualPct"),
                    decimal(spending, "spending"), narrative, problems, helpNeeded, correctionNote, reached), files);
            redirect.addFlashAttribute("ok", "已送出 " + YearMonth.from(r.month()) + " 月報，待研考會審查。/ Report filed for RDEC review.");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/" + id;
    }

    @GetMapping("/projects/reviews")
    String reviews(Model model) {
        ShizhengUser me = CurrentUser.require();
        AgencyScope scope = portfolio.visibleTo(me);
        Map<Long, Project> byId = new HashMap<>();
        List<ProjectStore.Report> submitted = store.reportsByStatus("SUBMITTED", scope, 300);
        List<ProjectStore.Report> returned = store.reportsByStatus("RETURNED", scope, 300);
        for (ProjectStore.Report r : submitted) {
            byId.computeIfAbsent(r.projectId(), k -> store.find(k).orElseThrow());
        }
        for (ProjectStore.Report r : returned) {
            byId.computeIfAbsent(r.projectId(), k -> store.find(k).orElseThrow());
        }
        model.addAttribute("submitted", submitted);
        model.addAttribute("returned", returned);
        model.addAttribute("projects", byId);
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("mayReview", me.cityWide());
        return "projects/reviews";
    }

    @PostMapping("/projects/reports/{id}/review")
    String review(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String note,
                  @RequestParam(required = false) String back, RedirectAttributes redirect) {
        try {
            ProjectStore.Report r = reports.review(id, "accept".equals(decision), note);
            redirect.addFlashAttribute("ok", ("accept".equals(decision) ? "已核定 " : "已退回 ") + YearMonth.from(r.month())
                    + " 月報 / report " + ("accept".equals(decision) ? "accepted" : "returned"));
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:" + (back != null && back.matches("/projects[/a-z0-9]*") ? back : "/projects/reviews");
    }

    @PostMapping("/projects/{id:[0-9]+}/revisions")
    String revise(@PathVariable long id, @RequestParam(required = false) String newEnd, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        try {
            LocalDate d = ProjectImport.date(newEnd, "newEnd", new ArrayList<>());
            projects.revise(id, new ProjectService.RevisionInput(d, reason));
            redirect.addFlashAttribute("ok", "已核定修正完工日 / revised end approved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/" + id;
    }

    @GetMapping("/projects/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        ProjectStore.PhotoBytes photo = store.photo(id).orElseThrow(() -> new NotFoundException("沒有此照片 / no such photo"));
        reports.visible(store.report(photo.reportId()).orElseThrow().projectId());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(photo.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(photo.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(photo.contentType()))
                .body(photo.bytes());
    }

    @GetMapping("/projects/import")
    String importForm() {
        ProjectService.requireRdec();
        return "projects/import";
    }

    @PostMapping("/projects/import")
    String importFile(@RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        ProjectService.requireRdec();
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "請選擇檔案 / choose a file");
            }
            byte[] bytes = file.getBytes();
            ProjectEdits.Preview preview = edits.preview(ProjectImport.read(file.getOriginalFilename(), bytes), null);
            model.addAttribute("preview", preview);
            model.addAttribute("token", edits.stage(file.getOriginalFilename(), bytes));
            model.addAttribute("filename", file.getOriginalFilename());
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        }
        return "projects/import";
    }

    @PostMapping("/projects/import/apply")
    String applyImport(@RequestParam(required = false) String token, @RequestParam(required = false) String reason, Model model)
            throws IOException {
        ProjectService.requireRdec();
        try {
            model.addAttribute("applied", edits.applyStaged(token, reason));
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
            try {
                ProjectEdits.Staged s = edits.staged(token);
                model.addAttribute("preview", edits.preview(ProjectImport.read(s.filename(), s.bytes()), null));
                model.addAttribute("token", token);
                model.addAttribute("filename", s.filename());
                model.addAttribute("reason", reason);
            } catch (InvalidInputException gone) {
                // the staged file is gone or applied: the errors above say what to do
            }
        }
        return "projects/import";
    }

    @PostMapping("/projects/{id:[0-9]+}/edit")
    String edit(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        edits.editable(id, false);
        try {
            List<ProjectEdits.EditMilestone> ms = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                if (!form.containsKey("msName-" + i) && !form.containsKey("msDate-" + i)) {
                    continue;
                }
                String name = form.get("msName-" + i);
                String date = form.get("msDate-" + i);
                if ((name == null || name.isBlank()) && (date == null || date.isBlank())) {
                    continue;
                }
                String msId = form.get("msId-" + i);
                ms.add(new ProjectEdits.EditMilestone(msId == null || !msId.matches("\\d{1,18}") ? null : Long.valueOf(msId), name,
                        date(date, "milestones")));
            }
            List<List<Double>> line = new ArrayList<>();
            String lineText = form.get("line");
            if (lineText != null && !lineText.isBlank()) {
                for (String part : lineText.trim().split("[;；\\n]+")) {
                    if (part.isBlank()) {
                        continue;
                    }
                    String[] xy = part.trim().split("[\\s,]+");
                    if (xy.length != 2) {
                        throw new InvalidInputException("line", "路線格式為「經度 緯度;經度 緯度」/ line must be 'lon lat;lon lat'");
                    }
                    line.add(List.of(decimal(xy[0], "line").doubleValue(), decimal(xy[1], "line").doubleValue()));
                }
            }
            List<BigDecimal> curve = null;
            String curveText = form.get("curve");
            if (curveText != null && !curveText.isBlank()) {
                curve = new ArrayList<>();
                for (String part : curveText.split("[,，;\\s]+")) {
                    if (!part.isBlank()) {
                        curve.add(decimal(part, "curve"));
                    }
                }
            }
            BigDecimal lon = decimal(form.get("lon"), "lon");
            BigDecimal lat = decimal(form.get("lat"), "lat");
            ProjectEdits.Edit e = new ProjectEdits.Edit(blankNull(form.get("code")), blankNull(form.get("name")),
                    blankNull(form.get("agency")), blankNull(form.get("level")), blankNull(form.get("category")),
                    lon == null ? null : lon.doubleValue(), lat == null ? null : lat.doubleValue(),
                    date(form.get("startDate"), "startDate"), date(form.get("plannedEnd"), "plannedEnd"),
                    decimal(form.get("totalBudget"), "totalBudget"), decimal(form.get("annualBudget"), "annualBudget"),
                    form.get("contactEmail") == null ? null : form.get("contactEmail"), ms, curve,
                    form.containsKey("line") ? line : null, blankNull(form.get("budgetFrom")), form.get("reason"));
            ProjectEdits.Change c = edits.edit(id, e, "FORM");
            redirect.addFlashAttribute("ok", "已修改 " + c.fields().size() + " 個欄位，已記入修訂紀錄。/ " + c.fields().size()
                    + " field(s) changed and recorded in the history.");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/" + id + "#edit";
    }

    private static LocalDate date(String text, String field) {
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        LocalDate d = ProjectImport.date(text, field, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return d;
    }

    private static String blankNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    Map<Long, String> agencyNames() {
        return agencies.names();
    }

    private static BigDecimal decimal(String s, String field) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "「" + s + "」不是數字 / not a number");
        }
    }
}
