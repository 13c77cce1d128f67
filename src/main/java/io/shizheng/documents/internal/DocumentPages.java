package io.shizheng.documents.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages: timeliness dashboard, overdue list and analysis, late documents, import, document detail. */
@Controller
class DocumentPages {

    private final DocumentViews views;
    private final DocumentQueries queries;
    private final DocumentService documents;
    private final DocumentImport imports;
    private final DeadlineRules rules;
    private final AgencyDirectory agencies;

    DocumentPages(DocumentViews views, DocumentQueries queries, DocumentService documents, DocumentImport imports,
                  DeadlineRules rules, AgencyDirectory agencies) {
        this.views = views;
        this.queries = queries;
        this.documents = documents;
        this.imports = imports;
        this.rules = rules;
        this.agencies = agencies;
    }

    /** The agencies a user may pick: all first-level agencies and district offices, or their own subtree. */
    List<Agency> choices() {
        ShizhengUser me = CurrentUser.require();
        if (me.cityWide()) {
            return agencies.all().stream().filter(a -> a.active() && (a.kind() == AgencyKind.FIRST_LEVEL
                    || a.kind() == AgencyKind.DISTRICT_OFFICE)).toList();
        }
        return me.agencyId() == null ? List.of() : agencies.subtree(me.agencyId());
    }

    private void common(Model model, Long agency) {
        model.addAttribute("agencies", choices());
        model.addAttribute("agency", agency);
        model.addAttribute("cityWide", CurrentUser.require().cityWide());
    }

    @GetMapping("/documents")
    String dashboard(@RequestParam(defaultValue = "2018") int year, @RequestParam(required = false) Integer month,
                     @RequestParam(required = false) Long agency, @RequestParam(required = false) String unit, Model model) {
        DocumentViews.Dashboard d = views.dashboard(year, month, agency, DocumentsApi.blank(unit));
        common(model, agency);
        model.addAttribute("d", d);
        model.addAttribute("unit", DocumentsApi.blank(unit));
        model.addAttribute("units", d.scope().cityWide() ? List.of() : queries.units(d.scope()));
        model.addAttribute("reportMonth", month == null ? 12 : month);
        return "documents/dashboard";
    }

    @GetMapping("/documents/overdue")
    String overdue(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Long agency,
                   @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page, Model model) {
        LocalDate day = asOf == null ? views.today() : asOf;
        AgencyScope scope = views.scope(agency);
        String u = DocumentsApi.blank(unit);
        int size = 100;
        long total = views.overdueCount(day, scope, u);
        common(model, agency);
        model.addAttribute("asOf", day);
        model.addAttribute("unit", u);
        model.addAttribute("units", queries.units(scope));
        model.addAttribute("total", total);
        model.addAttribute("page", Math.max(0, page));
        model.addAttribute("pages", Math.max(1, (total + size - 1) / size));
        model.addAttribute("rows", views.overdue(day, scope, u, size, Math.max(0, page) * size));
        return "documents/overdue";
    }

    @GetMapping("/documents/analysis")
    String analysis(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                    @RequestParam(required = false) Long agency, Model model) {
        LocalDate f = from == null ? LocalDate.of(DocumentViews.DEFAULT_YEAR, 1, 1) : from;
        LocalDate t = to == null ? LocalDate.of(DocumentViews.DEFAULT_YEAR, 12, 31) : to;
        if (t.isBefore(f)) {
            throw new InvalidInputException("to", "結束日不可早於開始日 / to must not be before from");
        }
        common(model, agency);
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("groups", views.analysis(f, t, views.scope(agency)));
        model.addAttribute("open", views.openAnalysis(f, t, views.scope(agency)));
        model.addAttribute("today", views.today());
        return "documents/analysis";
    }

    /** The drill-down behind indicator 1.3: the documents closed late in a period. */
    @GetMapping("/documents/late")
    String late(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) Long agency, Model model) {
        AgencyScope scope = views.scope(agency);
        common(model, agency);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("total", queries.total(from, to, scope));
        model.addAttribute("rows", queries.late(from, to, scope, 500));
        model.addAttribute("names", views.agencyMap());
        return "documents/late";
    }

    @GetMapping("/documents/find")
    String find(@RequestParam String no, RedirectAttributes redirect) {
        List<DocumentQueries.Doc> found = queries.search(views.scope(null), no.trim(), 2);
        if (found.size() == 1) {
            return "redirect:/documents/" + found.get(0).id();
        }
        FormProblems.flash(redirect, List.of(new InvalidInputException.FieldProblem("no",
                found.isEmpty() ? "查無文號「" + no + "」/ no document with that number" : "多筆符合，請輸入完整文號 / several match: type the full number")));
        return "redirect:/documents";
    }

    @GetMapping("/documents/import")
    String importPage(Model model) {
        ShizhengUser me = CurrentUser.require();
        model.addAttribute("imports", queries.imports(views.scope(null), 20));
        model.addAttribute("columns", RecordParser.COLUMNS);
        model.addAttribute("rules", rules);
        return "documents/import";
    }

    @PostMapping("/documents/import")
    String importFile(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) {
        ShizhengUser me = DocumentViews.writer();
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.csv" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            if (file.isEmpty()) {
                throw new InvalidInputException("file", "請選擇檔案 / choose a file");
            }
            DocumentImport.Result r = imports.run(DocumentsApi.source(name, null, in), DocumentsApi.sourceName(name, null), name, me);
            redirect.addFlashAttribute("result", r);
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        } catch (java.io.IOException e) {
            FormProblems.flash(redirect, List.of(new InvalidInputException.FieldProblem("file", "讀取檔案失敗 / could not read the file")));
        }
        return "redirect:/documents/import";
    }

    @GetMapping("/documents/{id:[0-9]+}")
    String detail(@PathVariable long id, Model model) {
        DocumentQueries.Doc d = documents.get(id);
        List<DocumentQueries.Extension> ext = queries.extensions(id);
        model.addAttribute("doc", d);
        model.addAttribute("agencyName", views.name(d.agencyId()));
        model.addAttribute("extensions", ext);
        model.addAttribute("steps", rules.explain(d.received(), d.docPriority(), d.setDeadline(),
                ext.stream().map(DocumentQueries.Extension::days).toList()));
        model.addAttribute("reasons", Arrays.asList(OverdueReason.values()));
        model.addAttribute("today", views.today());
        model.addAttribute("rules", rules);
        model.addAttribute("mayWrite", CurrentUser.require().cityWide() || CurrentUser.require().has(io.shizheng.platform.Role.AGENCY_OFFICER));
        return "documents/detail";
    }

    @PostMapping("/documents/{id:[0-9]+}/extensions")
    String extend(@PathVariable long id, @RequestParam(required = false) String days, @RequestParam(required = false) String reason,
                  RedirectAttributes redirect) {
        DocumentViews.writer();
        try {
            Integer n;
            try {
                n = days == null || days.isBlank() ? null : Integer.valueOf(days.trim());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("days", "展期日數須為整數 / days must be a whole number");
            }
            documents.grantExtension(id, n, reason);
            redirect.addFlashAttribute("ok", "已展期並重新計算限辦日期 / extension granted, deadline moved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/documents/" + id;
    }

    @PostMapping("/documents/{id:[0-9]+}/reason")
    String reason(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        DocumentViews.writer();
        try {
            documents.setOverdueReason(id, reason);
            redirect.addFlashAttribute("ok", "已記錄逾期原因 / reason recorded");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/documents/" + id;
    }
}
