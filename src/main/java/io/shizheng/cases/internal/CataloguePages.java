package io.shizheng.cases.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** RDEC's pages for case types (deadline rules) and categories (competent agency, retiring). */
@Controller
@RequestMapping("/cases/catalogue")
class CataloguePages {

    private final CatalogueAdmin admin;

    CataloguePages(CatalogueAdmin admin) {
        this.admin = admin;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("o", admin.overview());
        return "cases/catalogue";
    }

    // ------------------------------------------------------------------ case types

    @GetMapping("/types/new")
    String newType(Model model) {
        CatalogueAdmin.requireCityWide();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("replyDays", "6");
        v.put("reassignDays", "1");
        v.put("fromNextDay", "true");
        return typeForm(model, null, v, List.of());
    }

    @GetMapping("/types/{code}")
    String editType(@PathVariable String code, Model model) {
        CaseType t = admin.type(code);
        Map<String, String> v = new LinkedHashMap<>();
        v.put("code", t.code());
        v.put("name", t.name());
        v.put("nameEn", t.nameEn());
        v.put("replyDays", String.valueOf(t.replyDays()));
        v.put("fromNextDay", String.valueOf(t.fromNextDay()));
        v.put("reassignDays", String.valueOf(t.reassignDays()));
        v.put("sort", String.valueOf(admin.typeSort(code)));
        return typeForm(model, t, v, List.of());
    }

    @PostMapping("/types")
    String createType(@RequestParam Map<String, String> p, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CatalogueAdmin.requireCityWide();
        try {
            CaseType t = admin.createType(typeInput(p.get("code"), p));
            redirect.addFlashAttribute("ok", "已新增案件類型 / case type added: " + t.label());
            return "redirect:/cases/catalogue#types";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return typeForm(model, null, p, e.problems());
        }
    }

    @PostMapping("/types/{code}")
    String updateType(@PathVariable String code, @RequestParam Map<String, String> p, Model model, HttpServletResponse response,
                      RedirectAttributes redirect) {
        CaseType before = admin.type(code);
        try {
            CaseType t = admin.updateType(code, typeInput(code, p));
            redirect.addFlashAttribute("ok", "已儲存案件類型 / case type saved: " + t.label());
            return "redirect:/cases/catalogue#types";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Map<String, String> v = new LinkedHashMap<>(p);
            v.put("code", code);
            return typeForm(model, before, v, e.problems());
        }
    }

    private String typeForm(Model model, CaseType type, Map<String, String> v, List<FieldProblem> problems) {
        model.addAttribute("type", type);
        model.addAttribute("v", v);
        model.addAttribute("errors", problems.isEmpty() ? null : problems);
        model.addAttribute("fieldErrors", byField(problems));
        return "cases/catalogue-type";
    }

    /** A checkbox sends nothing when unchecked: on these forms that means false, never "keep". */
    private static CatalogueAdmin.TypeInput typeInput(String code, Map<String, String> p) {
        List<FieldProblem> bad = new java.util.ArrayList<>();
        Integer reply = number(p.get("replyDays"), "replyDays", bad);
        Integer reassign = number(p.get("reassignDays"), "reassignDays", bad);
        Integer sort = number(p.get("sort"), "sort", bad);
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        return new CatalogueAdmin.TypeInput(code, nonNull(p.get("name")), nonNull(p.get("nameEn")), reply, checked(p, "fromNextDay"),
                reassign, sort);
    }

    // ------------------------------------------------------------------ categories

    @GetMapping("/categories/new")
    String newCategory(Model model) {
        CatalogueAdmin.requireCityWide();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("needsLocation", "true");
        return categoryForm(model, null, v, List.of());
    }

    @GetMapping("/categories/{code}")
    String editCategory(@PathVariable String code, Model model) {
        CatalogueAdmin.CategoryEntry e = admin.entry(code);
        Category c = e.category();
        Map<String, String> v = new LinkedHashMap<>();
        v.put("code", c.code());
        v.put("name", c.name());
        v.put("nameEn", c.nameEn());
        v.put("description", c.description());
        v.put("group", c.group());
        v.put("keywords", c.keywords());
        v.put("agencyCode", c.agencyCode());
        v.put("byDistrict", String.valueOf(c.byDistrict()));
        v.put("needsLocation", String.valueOf(c.needsLocation()));
        v.put("sort", String.valueOf(c.sort()));
        return categoryForm(model, e, v, List.of());
    }

    @PostMapping("/categories")
    String createCategory(@RequestParam Map<String, String> p, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        CatalogueAdmin.requireCityWide();
        try {
            Category c = admin.createCategory(categoryInput(p.get("code"), p));
            redirect.addFlashAttribute("ok", "已新增案件類別 / category added: " + c.label());
            return "redirect:/cases/catalogue#categories";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            return categoryForm(model, null, p, e.problems());
        }
    }

    @PostMapping("/categories/{code}")
    String updateCategory(@PathVariable String code, @RequestParam Map<String, String> p, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        CatalogueAdmin.CategoryEntry before = admin.entry(code);
        try {
            Category c = admin.updateCategory(code, categoryInput(code, p));
            redirect.addFlashAttribute("ok", "已儲存案件類別 / category saved: " + c.label());
            return "redirect:/cases/catalogue#categories";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            Map<String, String> v = new LinkedHashMap<>(p);
            v.put("code", code);
            return categoryForm(model, before, v, e.problems());
        }
    }

    @PostMapping("/categories/{code}/retirement")
    String retire(@PathVariable String code, RedirectAttributes redirect) {
        try {
            Category c = admin.retire(code);
            redirect.addFlashAttribute("ok", "已停用類別，既有案件保留原類別 / category retired; its cases keep it: " + c.label());
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/cases/catalogue#categories";
    }

    @PostMapping("/categories/{code}/reinstatement")
    String reinstate(@PathVariable String code, RedirectAttributes redirect) {
        try {
            Category c = admin.reinstate(code);
            redirect.addFlashAttribute("ok", "已恢復使用類別 / category in use again: " + c.label());
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/cases/catalogue#categories";
    }

    private String categoryForm(Model model, CatalogueAdmin.CategoryEntry entry, Map<String, String> v, List<FieldProblem> problems) {
        model.addAttribute("entry", entry);
        model.addAttribute("v", v);
        model.addAttribute("agencies", admin.handlingAgencies());
        model.addAttribute("errors", problems.isEmpty() ? null : problems);
        model.addAttribute("fieldErrors", byField(problems));
        return "cases/catalogue-category";
    }

    private static CatalogueAdmin.CategoryInput categoryInput(String code, Map<String, String> p) {
        List<FieldProblem> bad = new java.util.ArrayList<>();
        Integer sort = number(p.get("sort"), "sort", bad);
        if (!bad.isEmpty()) {
            throw new InvalidInputException(bad);
        }
        return new CatalogueAdmin.CategoryInput(code, nonNull(p.get("name")), nonNull(p.get("nameEn")), nonNull(p.get("description")),
                nonNull(p.get("group")), nonNull(p.get("keywords")), nonNull(p.get("agencyCode")), checked(p, "byDistrict"),
                checked(p, "needsLocation"), sort);
    }

    // ------------------------------------------------------------------ form values

    private static Map<String, String> byField(List<FieldProblem> problems) {
        Map<String, String> m = new LinkedHashMap<>();
        problems.forEach(x -> m.putIfAbsent(x.field(), x.message()));
        return m;
    }

    private static boolean checked(Map<String, String> p, String name) {
        String s = p.get(name);
        return s != null && (s.equals("true") || s.equals("on"));
    }

    /** A field left out of the form is an empty field (so that it is refused, not kept). */
    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private static Integer number(String s, String field, List<FieldProblem> bad) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            bad.add(new FieldProblem(field, "請填整數 / must be a whole number"));
            return null;
        }
    }
}
