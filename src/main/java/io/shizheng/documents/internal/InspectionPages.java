package io.shizheng.documents.internal;

import java.time.LocalDate;
import java.util.Arrays;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The inspection workspace: visits, sampling, checklist scores, findings and their improvement. */
@Controller
class InspectionPages {

    private final Inspections inspections;
    private final DocumentViews views;
    private final DocumentPages pages;

    InspectionPages(Inspections inspections, DocumentViews views, DocumentPages pages) {
        this.inspections = inspections;
        this.views = views;
        this.pages = pages;
    }

    @GetMapping("/documents/inspections")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long agency, Model model) {
        model.addAttribute("list", inspections.list(views.scope(agency), year));
        model.addAttribute("agencies", pages.choices());
        model.addAttribute("agency", agency);
        model.addAttribute("year", year);
        model.addAttribute("team", CurrentUser.require().cityWide());
        return "documents/inspections";
    }

    @PostMapping("/documents/inspections")
    String create(@RequestParam(required = false) Long agencyId, @RequestParam(required = false) LocalDate visitOn,
                  @RequestParam(required = false) String inspectors, @RequestParam(required = false) String note,
                  RedirectAttributes redirect) {
        try {
            long id = inspections.create(agencyId, visitOn, inspectors, note);
            return "redirect:/documents/inspections/" + id;
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return "redirect:/documents/inspections";
        }
    }

    @GetMapping("/documents/inspections/{id:[0-9]+}")
    String workspace(@PathVariable long id, Model model) {
        model.addAttribute("i", inspections.get(id));
        model.addAttribute("categories", Arrays.asList(Checklist.values()));
        model.addAttribute("team", CurrentUser.require().cityWide());
        model.addAttribute("dueDefault", views.today().plusDays(30));
        return "documents/inspection";
    }

    private String back(long id, RedirectAttributes redirect, Runnable action, String ok) {
        try {
            action.run();
            redirect.addFlashAttribute("ok", ok);
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/documents/inspections/" + id;
    }

    private static Integer number(String field, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(v.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "須為整數 / must be a whole number");
        }
    }

    @PostMapping("/documents/inspections/{id:[0-9]+}/samples")
    String sample(@PathVariable long id, @RequestParam(required = false) String count, RedirectAttributes redirect) {
        return back(id, redirect, () -> inspections.drawSample(id, number("count", count)), "已抽檢公文 / documents sampled");
    }

    @PostMapping("/documents/inspections/{id:[0-9]+}/samples/{sampleId:[0-9]+}")
    String score(@PathVariable long id, @PathVariable long sampleId, @RequestParam(required = false) String format,
                 @RequestParam(required = false) String wording, @RequestParam(required = false) String timeliness,
                 @RequestParam(required = false) String classification, @RequestParam(required = false) String note,
                 RedirectAttributes redirect) {
        return back(id, redirect, () -> inspections.score(sampleId, number("format", format), number("wording", wording),
                number("timeliness", timeliness), number("classification", classification), note), "已儲存評分 / scores saved");
    }

    @PostMapping("/documents/inspections/{id:[0-9]+}/findings")
    String finding(@PathVariable long id, @RequestParam(required = false) Long sampleId, @RequestParam(required = false) String category,
                   @RequestParam(required = false) String description, @RequestParam(required = false) LocalDate dueOn,
                   RedirectAttributes redirect) {
        return back(id, redirect, () -> inspections.addFinding(id, sampleId, category, description, dueOn), "已記錄缺失 / finding recorded");
    }

    @PostMapping("/documents/inspections/{id:[0-9]+}/findings/{findingId:[0-9]+}/response")
    String respond(@PathVariable long id, @PathVariable long findingId, @RequestParam(required = false) String response,
                   RedirectAttributes redirect) {
        return back(id, redirect, () -> inspections.respond(findingId, response), "已回復改善情形 / response sent");
    }

    @PostMapping("/documents/inspections/{id:[0-9]+}/findings/{findingId:[0-9]+}/close")
    String close(@PathVariable long id, @PathVariable long findingId, RedirectAttributes redirect) {
        return back(id, redirect, () -> inspections.close(findingId), "缺失已結案 / finding closed");
    }
}
