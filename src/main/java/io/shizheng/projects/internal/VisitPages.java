package io.shizheng.projects.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.PublicEndpoints;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Site verification pages and API, and the public page of published results. */
@Controller
class VisitPages implements PublicEndpoints {

    private final SiteVisitService visits;
    private final ProjectStore store;

    VisitPages(SiteVisitService visits, ProjectStore store) {
        this.visits = visits;
        this.store = store;
    }

    @Override
    public List<String> publicReads() {
        return List.of("/projects/visits/public", "/projects/visits/public/photos/*", "/api/public/visits");
    }

    @GetMapping("/projects/visits")
    String list(Model model) {
        ShizhengUser me = CurrentUser.require();
        model.addAttribute("visits", visits.all(me));
        model.addAttribute("mayPlan", me.cityWide());
        model.addAttribute("levels", ProjectService.LEVELS);
        return "projects/visits";
    }

    @PostMapping("/projects/visits/plan")
    String plan(@RequestParam(required = false) String date, @RequestParam(required = false) Integer count,
                @RequestParam(required = false) BigDecimal minBudget, @RequestParam(required = false) List<String> lights,
                @RequestParam(required = false) List<String> levels, @RequestParam(required = false) String project,
                RedirectAttributes redirect) {
        try {
            var d = ProjectImport.date(date, "date", new ArrayList<>());
            if (project != null && !project.isBlank()) {
                Long id = project.trim().matches("\\d+") ? Long.valueOf(project.trim()) : store.idByCode(project.trim()).orElse(null);
                if (id == null) {
                    throw new InvalidInputException("projectId", "沒有案件 " + project + " / no such project");
                }
                visits.planOne(id, d);
                redirect.addFlashAttribute("ok", "已排定查證 / visit planned");
            } else {
                int n = visits.plan(new SiteVisitService.PlanRule(d, count, minBudget, lights, levels)).size();
                redirect.addFlashAttribute("ok", "依規則排定 " + n + " 件查證 / " + n + " visits planned by rule");
            }
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/visits";
    }

    @GetMapping("/projects/visits/{id:[0-9]+}")
    String visit(@PathVariable long id, Model model) {
        ShizhengUser me = CurrentUser.require();
        SiteVisitService.Detail d = visits.detail(id);
        model.addAttribute("d", d);
        model.addAttribute("mayRun", me.cityWide());
        model.addAttribute("isMember", d.members().stream().anyMatch(m -> m.username().equals(me.getUsername())));
        model.addAttribute("mayRecord", me.cityWide() || d.members().stream()
                .anyMatch(m -> m.username().equals(me.getUsername()) && Boolean.TRUE.equals(m.noConflict())));
        model.addAttribute("mayReply", !me.has(Role.REVIEWER) && !me.cityWide());
        return "projects/visit";
    }

    @PostMapping("/projects/visits/{id:[0-9]+}/members")
    String member(@PathVariable long id, @RequestParam(required = false) String username, RedirectAttributes redirect) {
        return act(id, redirect, () -> visits.addMember(id, username), "已加入委員 / member added");
    }

    @PostMapping("/projects/visits/{id:[0-9]+}/declaration")
    String declare(@PathVariable long id, @RequestParam(required = false) Boolean noConflict,
                   @RequestParam(required = false) String declaration, RedirectAttributes redirect) {
        return act(id, redirect, () -> visits.declare(id, noConflict, declaration), "已聲明 / declared");
    }

    @PostMapping("/projects/visits/{id:[0-9]+}/findings")
    String findings(@PathVariable long id, @RequestParam(required = false) String visitedOn, @RequestParam(required = false) Integer score,
                    @RequestParam(required = false) String findings, @RequestParam(required = false) String improvements,
                    @RequestParam(required = false) List<MultipartFile> photos, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            List<ReportService.NewPhoto> files = new ArrayList<>();
            if (photos != null) {
                for (MultipartFile f : photos) {
                    if (f != null && !f.isEmpty()) {
                        if (f.getContentType() == null || !f.getContentType().startsWith("image/")) {
                            throw new InvalidInputException("photos", "照片須為影像檔 / photos must be images");
                        }
                        try {
                            files.add(new ReportService.NewPhoto(f.getOriginalFilename(), f.getContentType(), f.getBytes()));
                        } catch (IOException e) {
                            throw new InvalidInputException("photos", "無法讀取照片 / cannot read the photo");
                        }
                    }
                }
            }
            return visits.record(id, new SiteVisitService.Findings(ProjectImport.date(visitedOn, "visitedOn", new ArrayList<>()),
                    score, findings, improvements == null ? List.of() : Arrays.asList(improvements.split("\\r?\\n"))), files);
        }, "已登錄查證結果 / findings recorded");
    }

    @PostMapping("/projects/visits/{id:[0-9]+}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> visits.publish(id), "已公開 / published");
    }

    @PostMapping("/projects/improvements/{id}")
    String improvement(@PathVariable long id, @RequestParam(required = false) String reply, @RequestParam(required = false) String action,
                       RedirectAttributes redirect) {
        long visitId = visits.visitOf(id).id();
        return act(visitId, redirect, () -> "close".equals(action) ? visits.close(id) : visits.reply(id, reply), "已更新改善事項 / item updated");
    }

    private String act(long visitId, RedirectAttributes redirect, java.util.function.Supplier<Object> action, String ok) {
        try {
            action.get();
            redirect.addFlashAttribute("ok", ok);
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/projects/visits/" + visitId;
    }

    @GetMapping("/projects/visits/photos/{id}")
    ResponseEntity<byte[]> photo(@PathVariable long id) {
        return image(visits.photo(id, false));
    }

    private static ResponseEntity<byte[]> image(SiteVisitService.PhotoFile photo) {
        MediaType type = photo.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(photo.contentType());
        return ResponseEntity.ok().contentType(type).body(photo.bytes());
    }

    @GetMapping("/projects/visits/public")
    String publicPage(Model model) {
        List<SiteVisitService.Visit> published = visits.published();
        model.addAttribute("visits", published);
        java.util.Map<Long, List<SiteVisitService.Improvement>> items = new java.util.HashMap<>();
        java.util.Map<Long, List<Long>> photos = new java.util.HashMap<>();
        for (SiteVisitService.Visit v : published) {
            items.put(v.id(), visits.improvements(v.id()));
            photos.put(v.id(), visits.photoIds(v.id()));
        }
        model.addAttribute("items", items);
        model.addAttribute("photos", photos);
        return "projects/visits-public";
    }

    @GetMapping("/projects/visits/public/photos/{id}")
    ResponseEntity<byte[]> publicPhoto(@PathVariable long id) {
        return image(visits.photo(id, true));
    }
}
