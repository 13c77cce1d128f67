package io.shizheng.opendata.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shizheng.org.AgencyScope;
import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

/** The open-data portal: search with facets, dataset pages with quality and history, forms, upload, lifecycle. */
@Controller
class OpendataPages {

    static final int PAGE = 20;

    private final Catalog catalog;
    private final DatasetStore store;
    private final DatasetSearch search;
    private final ResourceIntake intake;
    private final ResourceFiles files;
    private final AgencyDirectory agencies;
    private final CkanDicts dicts;

    OpendataPages(Catalog catalog, DatasetStore store, DatasetSearch search, ResourceIntake intake, ResourceFiles files,
                  AgencyDirectory agencies, CkanDicts dicts) {
        this.catalog = catalog;
        this.store = store;
        this.search = search;
        this.intake = intake;
        this.files = files;
        this.agencies = agencies;
        this.dicts = dicts;
    }

    /** A filter in force, with the link that removes it. */
    record ActiveFilter(String field, String value, String label, String removeUrl) {
    }

    @GetMapping("/opendata")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) List<String> fq,
                  @RequestParam(defaultValue = "1") int page, @RequestParam(required = false) String sort, Model model) {
        List<String> filters = fq == null ? List.of() : fq.stream().filter(f -> f != null && !f.isBlank()).toList();
        int p = Math.max(1, page);
        String fqText = String.join(" ", filters.stream().map(OpendataPages::quoted).toList());
        DatasetSearch.Result r;
        String error = null;
        try {
            r = search.search(new DatasetSearch.Query(q, fqText, PAGE, (p - 1) * PAGE, sort, DatasetSearch.DEFAULT_FACETS,
                    12, true, true), CurrentUser.get().orElse(null));
        } catch (InvalidInputException e) {
            error = e.getMessage();
            r = new DatasetSearch.Result(0, List.of(), "", Map.of());
        }
        List<ActiveFilter> active = new ArrayList<>();
        for (String f : filters) {
            List<String> rest = new ArrayList<>(filters);
            rest.remove(f);
            int colon = f.indexOf(':');
            String field = colon > 0 ? f.substring(0, colon) : f;
            String value = colon > 0 ? f.substring(colon + 1) : "";
            active.add(new ActiveFilter(field, value, facetLabel(field, value, r), url(q, rest, sort)));
        }
        Map<String, Map<String, String>> facetLinks = new LinkedHashMap<>();
        r.facets().forEach((field, items) -> {
            Map<String, String> links = new LinkedHashMap<>();
            for (DatasetSearch.FacetItem i : items) {
                List<String> more = new ArrayList<>(filters);
                String f = field + ":" + i.name();
                if (!more.contains(f)) {
                    more.add(f);
                }
                links.put(i.name(), url(q, more, sort));
            }
            facetLinks.put(field, links);
        });
        model.addAttribute("q", q);
        model.addAttribute("sort", sort);
        model.addAttribute("filters", filters);
        model.addAttribute("active", active);
        model.addAttribute("result", r);
        model.addAttribute("facetLinks", facetLinks);
        model.addAttribute("page", p);
        model.addAttribute("pages", Math.max(1, (r.count() + PAGE - 1) / PAGE));
        model.addAttribute("prevUrl", p > 1 ? url(q, filters, sort) + "&page=" + (p - 1) : null);
        model.addAttribute("nextUrl", (long) p * PAGE < r.count() ? url(q, filters, sort) + "&page=" + (p + 1) : null);
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("error", error);
        model.addAttribute("mayCreate", CurrentUser.get().map(Catalog::mayWrite).orElse(false));
        return "opendata/search";
    }

    private static String quoted(String f) {
        int colon = f.indexOf(':');
        if (colon < 0) {
            return f;
        }
        String v = f.substring(colon + 1);
        return v.contains(" ") && !v.startsWith("\"") ? f.substring(0, colon + 1) + "\"" + v + "\"" : f;
    }

    private String facetLabel(String field, String value, DatasetSearch.Result r) {
        return r.facets().getOrDefault(field, List.of()).stream().filter(i -> i.name().equals(value))
                .map(DatasetSearch.FacetItem::displayName).findFirst().orElse(value);
    }

    private static String url(String q, List<String> filters, String sort) {
        StringBuilder b = new StringBuilder("/opendata?q=").append(q == null ? "" : UriUtils.encodeQueryParam(q, "UTF-8"));
        for (String f : filters) {
            b.append("&fq=").append(UriUtils.encodeQueryParam(f, "UTF-8"));
        }
        if (sort != null && !sort.isBlank()) {
            b.append("&sort=").append(UriUtils.encodeQueryParam(sort, "UTF-8"));
        }
        return b.toString();
    }

    /** A resource row on the dataset page, with its parsed quality report and file versions. */
    record ResourceView(Resource resource, String downloadUrl, JsonNode report, List<ResourceFiles.StoredFile> versions,
                        boolean convertible) {
    }

    @GetMapping("/opendata/datasets/{name}")
    String dataset(@PathVariable String name, Model model) {
        Dataset d = catalog.visible(name);
        ShizhengUser me = CurrentUser.get().orElse(null);
        boolean mayEdit = catalog.mayEdit(d, me);
        List<ResourceView> resources = new ArrayList<>();
        for (Resource r : d.resources()) {
            resources.add(new ResourceView(r, "/opendata/resources/" + r.id() + "/download",
                    r.qualityReport() == null ? null : dicts.json().readTree(r.qualityReport()),
                    mayEdit ? files.versions(r.id()) : List.of(),
                    r.format() != null && Conversion.SOURCES.contains(r.format().toUpperCase()) && files.latest(r.id()).isPresent()));
        }
        model.addAttribute("d", d);
        model.addAttribute("agency", agencies.find(d.agencyId()).orElse(null));
        model.addAttribute("resources", resources);
        model.addAttribute("targets", Conversion.TARGETS);
        model.addAttribute("freshness", intake.datasetReport(d).get("freshness"));
        model.addAttribute("versions", store.versions(d.id()));
        model.addAttribute("mayEdit", mayEdit);
        model.addAttribute("uploads", mayEdit ? intake.uploads(d.id(), 20) : List.of());
        model.addAttribute("license", Licenses.of(d.license()));
        model.addAttribute("frequency", UpdateFrequency.label(d.updateFrequency()));
        model.addAttribute("level", QualityLevel.label(d.qualityLevel()));
        return "opendata/dataset";
    }

    @GetMapping("/opendata/organizations/{name}")
    String organization(@PathVariable String name) {
        return "redirect:/opendata?fq=" + UriUtils.encodeQueryParam("organization:" + name, "UTF-8");
    }

    @GetMapping("/opendata/resources/{id}")
    String resource(@PathVariable String id) {
        try {
            Resource r = store.resource(UUID.fromString(id)).orElseThrow(() -> new NotFoundException("找不到資源 / Resource not found"));
            return "redirect:/opendata/datasets/" + store.find(r.datasetId()).orElseThrow().name();
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("找不到資源 / Resource not found");
        }
    }

    /** The metadata form's fields as typed, so that a refused form comes back filled in. */
    record Form(String name, String title, String notes, String category, String fieldsDesc, String ownerOrg,
                String contactName, String contactEmail, String contactPhone, String updateFrequency, String license,
                String charge, String tags, List<String> groups, String fieldSchema, Boolean isPrivate, String state) {

        DatasetDraft draft() {
            List<String> tagList = tags == null ? List.of() : Arrays.stream(tags.split("[,，、]")).map(String::strip)
                    .filter(s -> !s.isEmpty()).toList();
            return new DatasetDraft(name, title, notes, category, fieldsDesc, ownerOrg, contactName, contactEmail,
                    contactPhone, updateFrequency, license, charge, state, isPrivate != null && isPrivate, fieldSchema, null, tagList,
                    groups == null ? List.of() : groups, null);
        }

        static Form of(Dataset d) {
            return new Form(d.name(), d.title(), d.notes(), d.category(), d.fieldsDesc(), String.valueOf(d.agencyId()),
                    d.contactName(), d.contactEmail(), d.contactPhone(), d.updateFrequency(), d.license(), d.charge(),
                    String.join(", ", d.tags()), d.groups(), d.fieldSchema(), d.isPrivate(), null);
        }
    }

    @GetMapping("/opendata/new")
    String newForm(Model model) {
        ShizhengUser me = Catalog.requireWriter();
        return form(model, null, new Form(null, null, null, null, null, me.agencyId() == null ? null : String.valueOf(me.agencyId()),
                me.displayName(), null, null, "irregular", Licenses.DEFAULT, "免費", null, List.of(), null, false, "draft"), Map.of());
    }

    @PostMapping("/opendata/new")
    String create(@ModelAttribute Form form, Model model, RedirectAttributes redirect) {
        try {
            Dataset d = catalog.create(form.draft());
            redirect.addFlashAttribute("ok", "已建立資料集 / Dataset created: " + d.title());
            return "redirect:/opendata/datasets/" + d.name();
        } catch (InvalidInputException e) {
            return form(model, null, form, errors(e));
        }
    }

    @GetMapping("/opendata/datasets/{name}/edit")
    String editForm(@PathVariable String name, Model model) {
        Dataset d = catalog.editable(name);
        return form(model, d, Form.of(d), Map.of());
    }

    @PostMapping("/opendata/datasets/{name}/edit")
    String update(@PathVariable String name, @ModelAttribute Form form, Model model, RedirectAttributes redirect) {
        Dataset d = catalog.editable(name);
        try {
            Dataset saved = catalog.update(name, form.draft(), false);
            redirect.addFlashAttribute("ok", "已儲存 / Saved");
            return "redirect:/opendata/datasets/" + saved.name();
        } catch (InvalidInputException e) {
            return form(model, d, form, errors(e));
        }
    }

    @PostMapping("/opendata/datasets/{name}/publish")
    String publish(@PathVariable String name, RedirectAttributes redirect) {
        try {
            catalog.publish(name);
            redirect.addFlashAttribute("ok", "已上架 / Published");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/opendata/datasets/" + name;
    }

    @PostMapping("/opendata/datasets/{name}/withdraw")
    String withdraw(@PathVariable String name, RedirectAttributes redirect) {
        try {
            catalog.withdraw(name);
            redirect.addFlashAttribute("ok", "已下架 / Withdrawn");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/opendata/datasets/" + name;
    }

    @PostMapping("/opendata/datasets/{name}/quality")
    String recheck(@PathVariable String name, RedirectAttributes redirect) {
        Dataset d = catalog.editable(name);
        String level = intake.recheck(d.id());
        redirect.addFlashAttribute("ok", "已重新檢核：" + QualityLevel.label(level) + " / Checks re-run");
        return "redirect:/opendata/datasets/" + name;
    }

    private String form(Model model, Dataset d, Form form, Map<String, String> errors) {
        ShizhengUser me = Catalog.requireWriter();
        AgencyScope scope = agencies.scopeOf(me);
        List<Agency> owners = agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY
                && scope.covers(a.id())).toList();
        model.addAttribute("d", d);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("owners", owners);
        model.addAttribute("frequencies", UpdateFrequency.values());
        model.addAttribute("licenses", Licenses.ALL.values());
        model.addAttribute("groups", store.groups());
        return "opendata/form";
    }

    private static Map<String, String> errors(InvalidInputException e) {
        Map<String, String> m = new LinkedHashMap<>();
        Map<String, String> fieldNames = Map.of("owner_org", "ownerOrg", "maintainer_email", "contactEmail",
                "update_frequency", "updateFrequency", "license_id", "license", "field_schema", "fieldSchema");
        e.problems().forEach(p -> m.merge(fieldNames.getOrDefault(p.field(), p.field()), p.message(), (a, b) -> a + "；" + b));
        return m;
    }

    private Map<Long, String> agencyNames() {
        return agencies.names();
    }
}
