package io.shizheng.org.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ShizhengUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/** The agency tree for everyone; the agency form for RDEC staff and administrators. */
@Controller
@RequestMapping("/org/agencies")
class AgencyPages {

    private final AgencyDirectory directory;
    private final AgencyRegistry registry;
    private final Boundaries boundaries;
    private final MessageSource messages;

    AgencyPages(AgencyDirectory directory, AgencyRegistry registry, Boundaries boundaries, MessageSource messages) {
        this.directory = directory;
        this.registry = registry;
        this.boundaries = boundaries;
        this.messages = messages;
    }

    @GetMapping
    String tree(Model model) {
        model.addAttribute("tree", AgencyTree.of(directory.all()));
        model.addAttribute("canEdit", CurrentUser.get().map(ShizhengUser::cityWide).orElse(false));
        return "org/agencies";
    }

    @GetMapping("/new")
    @PreAuthorize(AgencyRegistry.EDITORS)
    String newForm(@RequestParam(required = false) Long parentId, Model model) {
        return form(model, null, AgencyForm.blank(parentId), Map.of());
    }

    @PostMapping
    @PreAuthorize(AgencyRegistry.EDITORS)
    String create(@ModelAttribute AgencyForm form, Model model, Locale locale, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            Agency created = registry.create(form.toInput(messages));
            return saved(created, redirect);
        } catch (Violations.Rejected e) {
            response.setStatus(422);
            return form(model, null, form, e.byField(messages, locale));
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize(AgencyRegistry.EDITORS)
    String editForm(@PathVariable long id, Model model) {
        Agency agency = existing(id);
        return form(model, agency, AgencyForm.of(agency), Map.of());
    }

    @PostMapping("/{id}")
    @PreAuthorize(AgencyRegistry.EDITORS)
    String update(@PathVariable long id, @ModelAttribute AgencyForm form, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Agency agency = existing(id);
        try {
            return saved(registry.update(id, form.toInput(messages)), redirect);
        } catch (Violations.Rejected e) {
            response.setStatus(422);
            return form(model, agency, form, e.byField(messages, locale));
        }
    }

    private Agency existing(long id) {
        return directory.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                AgencyRegistry.notFound(id).getMessage()));
    }

    private static String saved(Agency agency, RedirectAttributes redirect) {
        redirect.addFlashAttribute("saved", agency.name());
        return "redirect:/org/agencies#agency-" + UriUtils.encodeFragment(agency.code(), "UTF-8");
    }

    private String form(Model model, Agency agency, AgencyForm form, Map<String, String> errors) {
        AgencyTree tree = AgencyTree.of(directory.all());
        // An agency cannot hang under itself or its own subtree, so those are not offered as parents.
        Set<Long> excluded = agency == null ? Set.of()
                : directory.subtree(agency.id()).stream().map(Agency::id).collect(Collectors.toSet());
        model.addAttribute("agency", agency);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("parents", tree.options(excluded));
        model.addAttribute("kinds", List.of(AgencyKind.values()));
        model.addAttribute("districts", boundaries.districts());
        return "org/agency-form";
    }
}
