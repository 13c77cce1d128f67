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

    ProjectPages(Portfolio portfolio, ProjectStore store, ProjectService projects, ReportService reports,
                 AgencyDirectory agencies, GeoLookup geo, JdbcClient jdbc, Clock clock) {
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
            List<Project> created = projects.importRows(ProjectImport.read(file.getOriginalFilename(), file.getBytes()));
            model.addAttribute("created", created);
        } catch (InvalidInputException e) {
            model.addAttribute("errors", e.problems());
        }
        return "projects/import";
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
