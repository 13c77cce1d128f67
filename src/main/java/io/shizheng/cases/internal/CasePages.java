package io.shizheng.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.org.GeoLookup;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import io.shizheng.cases.internal.status.CitizenActions;
import io.shizheng.cases.internal.status.PublicCaseApi;
import io.shizheng.cases.internal.status.CodeAttempts;

/** Intake form, agent workspace, agency inbox, case page with its actions, supervisor dashboard, knowledge base. */
@Controller
class CasePages {

    private final CaseStore store;
    private final CaseAccess access;
    private final CaseService cases;
    private final CaseHandling handling;
    private final CitizenActions citizen;
    private final CaseQueries queries;
    private final Catalogue catalogue;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final KnowledgeBase kb;
    private final Photos photos;

    CasePages(CaseStore store, CaseAccess access, CaseService cases, CaseHandling handling, CitizenActions citizen, CaseQueries queries, Catalogue catalogue, AgencyDirectory agencies, GeoLookup geo,
              KnowledgeBase kb, Photos photos) {
        this.store = store;
        this.access = access;
        this.cases = cases;
        this.handling = handling;
        this.citizen = citizen;
        this.queries = queries;
        this.catalogue = catalogue;
        this.agencies = agencies;
        this.geo = geo;
        this.kb = kb;
        this.photos = photos;
    }

    @GetMapping("/cases")
    String home() {
        ShizhengUser u = CurrentUser.require();
        return u.has(io.shizheng.platform.Role.CALL_AGENT) ? "redirect:/cases/workspace" : "redirect:/cases/inbox";
    }

    private void formModel(Model model, Map<String, String> values) {
        model.addAttribute("types", catalogue.types());
        model.addAttribute("categories", catalogue.categories());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("replyBys", ReplyBy.values());
        model.addAttribute("v", values);
    }

    @GetMapping({"/cases/workspace", "/cases/new"})
    String workspace(@RequestParam(required = false) String done, Model model,
                     jakarta.servlet.http.HttpServletRequest request) {
        ShizhengUser u = CurrentUser.require();
        boolean workspace = request.getRequestURI().endsWith("/workspace");
        Map<String, String> v = new LinkedHashMap<>();
        v.put("channel", workspace ? "PHONE" : "COUNTER");
        v.put("type", workspace ? "ENQUIRY" : "PETITION");
        formModel(model, v);
        model.addAttribute("workspace", workspace);
        model.addAttribute("mayTake", CaseAccess.mayTakeCases(u));
        if (done != null) {
            store.byNo(done).filter(c -> access.handles(u, c)).ifPresent(c -> model.addAttribute("done", access.view(c, u, false)));
        }
        return "cases/workspace";
    }

    @PostMapping("/cases/new")
    String intake(@RequestParam Map<String, String> p, @RequestParam(value = "photo", required = false) MultipartFile photo,
                  Model model, RedirectAttributes redirect) {
        Map<String, String> attrs = new LinkedHashMap<>();
        p.forEach((k, val) -> {
            if (k.startsWith("attribute[") && k.endsWith("]") && val != null && !val.isBlank()) {
                attrs.put(k.substring(10, k.length() - 1), val);
            }
        });
        boolean workspace = "true".equals(p.get("workspace"));
        try {
            IntakeForm f = new IntakeForm(p.get("type"), p.get("channel"), p.get("category"), p.get("description"),
                    number(p.get("lon"), "lon"), number(p.get("lat"), "lat"), p.get("address"), p.get("name"), p.get("idNumber"),
                    p.get("phone"), p.get("email"), p.get("citizenAddress"), p.get("replyBy"), p.get("relatedCaseNo"),
                    p.get("duplicateOf"), p.get("reply"), attrs, null);
            if (photo != null && !photo.isEmpty()) {
                photos.check(photo);
            }
            CaseRow row = cases.intakeWithPhoto(f, photo);
            return "redirect:/cases/" + (workspace ? "workspace" : "new") + "?done=" + row.caseNo();
        } catch (InvalidInputException e) {
            formModel(model, p);
            model.addAttribute("workspace", workspace);
            model.addAttribute("mayTake", true);
            model.addAttribute("errors", e.problems());
            return "cases/workspace";
        }
    }

    private static Double number(String s, String field) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "請填數字 / must be a number");
        }
    }

    @GetMapping("/cases/inbox")
    String inbox(@RequestParam(required = false) String status, @RequestParam(defaultValue = "false") boolean overdue,
                 @RequestParam(required = false) String category, @RequestParam(required = false) String q,
                 @RequestParam(required = false) Integer year, @RequestParam(defaultValue = "1") int page, Model model) {
        ShizhengUser u = CurrentUser.require();
        String st = status == null ? "OPEN" : status;
        CaseQueries.Filter f = new CaseQueries.Filter(st.isBlank() ? null : st, overdue, null, category, null, q, year, null);
        model.addAttribute("page", queries.list(u, f, Math.max(1, page), 50));
        model.addAttribute("status", st);
        model.addAttribute("overdue", overdue);
        model.addAttribute("category", category);
        model.addAttribute("q", q);
        model.addAttribute("year", year);
        model.addAttribute("years", queries.years());
        model.addAttribute("categories", catalogue.allCategories());
        model.addAttribute("today", access.today());
        return "cases/inbox";
    }

    @GetMapping("/cases/{caseNo:[0-9]+}")
    String detail(@PathVariable String caseNo, Model model) {
        CaseView c = access.view(caseNo);
        model.addAttribute("c", c);
        model.addAttribute("closings", List.of(ClosingCategory.RESOLVED, ClosingCategory.EXPLAINED, ClosingCategory.SCHEDULED,
                ClosingCategory.UNABLE, ClosingCategory.ANSWERED));
        model.addAttribute("agencies", agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY).toList());
        model.addAttribute("photos", photos.list(caseNo));
        return "cases/case";
    }

    @PostMapping("/cases/{caseNo:[0-9]+}/{action}")
    String act(@PathVariable String caseNo, @PathVariable String action, @RequestParam Map<String, String> p,
               RedirectAttributes redirect) {
        try {
            switch (action) {
                case "handover" -> handling.handOver(caseNo, p.get("kind"), p.get("toAgency"), p.get("reason"));
                case "extension" -> handling.extend(caseNo, p.get("reason"));
                case "close" -> handling.close(caseNo, p.get("reply"), p.get("closingCategory"));
                case "close-by-reference" -> handling.closeByReference(caseNo, p.get("earlierCaseNo"));
                case "link" -> handling.link(caseNo, p.get("relatedCaseNo"));
                default -> throw new NotFoundException("沒有這個動作 / no such action");
            }
            redirect.addFlashAttribute("ok", "已儲存 / saved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/cases/" + caseNo;
    }

    @GetMapping("/cases/dashboard")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String category, Model model) {
        ShizhengUser u = CurrentUser.require();
        List<Integer> years = queries.years();
        Integer y = year != null ? year : years.stream().filter(x -> x == DemoCaseData.YEAR).findFirst()
                .orElse(years.isEmpty() ? null : years.get(0));
        CaseQueries.Filter f = new CaseQueries.Filter(null, false, null, category, null, null, y, null);
        List<CaseQueries.Count> byAgency = queries.counts(u, f, "agency");
        model.addAttribute("byAgency", byAgency);
        model.addAttribute("byCategory", queries.counts(u, f, "category"));
        model.addAttribute("byDistrict", queries.counts(u, f, "district"));
        long total = byAgency.stream().mapToLong(CaseQueries.Count::total).sum();
        long open = byAgency.stream().mapToLong(CaseQueries.Count::open).sum();
        long overdue = byAgency.stream().mapToLong(CaseQueries.Count::overdue).sum();
        long closed = byAgency.stream().mapToLong(CaseQueries.Count::closed).sum();
        long onTime = byAgency.stream().mapToLong(CaseQueries.Count::closedOnTime).sum();
        model.addAttribute("total", total);
        model.addAttribute("open", open);
        model.addAttribute("overdueCount", overdue);
        model.addAttribute("onTimeRate", closed == 0 ? null : Math.round(onTime * 1000.0 / closed) / 10.0);
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("category", category);
        model.addAttribute("categories", catalogue.allCategories());
        return "cases/dashboard";
    }

    @GetMapping("/cases/faq")
    String faq(@RequestParam(required = false) String q, @RequestParam(required = false) Long edit, Model model) {
        ShizhengUser u = CurrentUser.require();
        model.addAttribute("q", q);
        model.addAttribute("faqs", q == null || q.isBlank() ? kb.all(null) : kb.search(q, 20));
        model.addAttribute("edit", edit == null ? null : kb.get(edit));
        model.addAttribute("mayEdit", u.cityWide() || u.has(io.shizheng.platform.Role.AGENCY_OFFICER));
        AgencyScope scope = agencies.scopeOf(u);
        model.addAttribute("agencies", agencies.all().stream().filter(a -> scope.covers(a.id()) && a.active()).toList());
        return "cases/faq";
    }

    @PostMapping("/cases/faq")
    String saveFaq(@RequestParam(required = false) Long id, @RequestParam(required = false) Long agencyId,
                   @RequestParam String question, @RequestParam String answer, @RequestParam(required = false) String keywords,
                   RedirectAttributes redirect) {
        try {
            kb.save(id, agencyId, question, answer, keywords);
            redirect.addFlashAttribute("ok", "已儲存 / saved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/cases/faq";
    }

    // ------------------------------------------------------------------ the citizen

    @GetMapping("/cases/status")
    String status(@RequestParam(required = false) String no, @RequestParam(required = false) String code, Model model,
                  jakarta.servlet.http.HttpServletRequest request) {
        model.addAttribute("no", no);
        model.addAttribute("code", code);
        if (no != null && code != null && !no.isBlank() && !code.isBlank()) {
            try {
                model.addAttribute("s", publicStatus.status(attempts.open(no, code, CodeAttempts.client(request))));
            } catch (NotFoundException e) {
                model.addAttribute("notFound", true);
            }
        }
        return "cases/status";
    }

    private PublicCaseApi publicStatus;
    private CodeAttempts attempts;

    @org.springframework.beans.factory.annotation.Autowired
    void setPublicStatus(PublicCaseApi publicStatus, CodeAttempts attempts) {
        this.publicStatus = publicStatus;
        this.attempts = attempts;
    }

    @PostMapping("/cases/status/{action}")
    String citizenAction(@PathVariable String action, @RequestParam String no, @RequestParam String code,
                         @RequestParam(required = false) Integer rating, @RequestParam(required = false) String reason,
                         RedirectAttributes redirect, jakarta.servlet.http.HttpServletRequest request) {
        try {
            attempts.open(no, code, CodeAttempts.client(request));
            switch (action) {
                case "rate" -> citizen.rate(no, code, rating);
                case "reopen" -> citizen.reopen(no, code, reason);
                default -> throw new NotFoundException("沒有這個動作 / no such action");
            }
            redirect.addFlashAttribute("ok", "rate".equals(action) ? "感謝您的評分 / thank you for rating"
                    : "已重新交辦處理 / the case is handled again");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        } catch (NotFoundException e) {
            FormProblems.flash(redirect, List.of(new InvalidInputException.FieldProblem("code", e.getMessage())));
        }
        redirect.addAttribute("no", no);
        redirect.addAttribute("code", code);
        return "redirect:/cases/status";
    }

    Map<String, String> districtNames() {
        Map<String, String> m = new LinkedHashMap<>();
        geo.districts().forEach(d -> m.put(d.code(), d.name()));
        return m;
    }
}
