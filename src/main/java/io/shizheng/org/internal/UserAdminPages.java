package io.shizheng.org.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.Role;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration for administrators: list, create, change roles, agency and state. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize(AccountAdmin.ADMIN)
class UserAdminPages {

    private final Accounts accounts;
    private final AccountAdmin admin;
    private final AgencyDirectory agencies;
    private final MessageSource messages;

    UserAdminPages(Accounts accounts, AccountAdmin admin, AgencyDirectory agencies, MessageSource messages) {
        this.accounts = accounts;
        this.admin = admin;
        this.agencies = agencies;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("users", accounts.list());
        return "org/users";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        return form(model, null, UserForm.blank(), Map.of());
    }

    @PostMapping
    String create(@ModelAttribute UserForm form, Model model, Locale locale, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            admin.create(form);
        } catch (Violations.Rejected e) {
            response.setStatus(422);
            return form(model, null, withoutPassword(form), e.byField(messages, locale));
        }
        redirect.addFlashAttribute("saved", form.username().trim());
        return "redirect:/admin/users";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Accounts.UserDetail user = existing(id);
        return form(model, user, UserForm.of(user), Map.of());
    }

    @PostMapping("/{id}")
    String update(@PathVariable long id, @ModelAttribute UserForm form, Model model, Locale locale,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Accounts.UserDetail user = existing(id);
        try {
            admin.update(id, form);
        } catch (Violations.Rejected e) {
            response.setStatus(422);
            return form(model, user, withoutPassword(form), e.byField(messages, locale));
        }
        redirect.addFlashAttribute("saved", user.username());
        return "redirect:/admin/users";
    }

    private Accounts.UserDetail existing(long id) {
        return accounts.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "沒有編號為 %d 的使用者 / No user with id %d".formatted(id, id)));
    }

    /** A password typed into a rejected form is not sent back to the browser. */
    private static UserForm withoutPassword(UserForm f) {
        return new UserForm(f.username(), f.displayName(), f.email(), "", f.agencyId(), f.roles(), f.enabled());
    }

    private String form(Model model, Accounts.UserDetail user, UserForm form, Map<String, String> errors) {
        model.addAttribute("user", user);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("chosenRoles", Set.copyOf(form.roleList()));
        model.addAttribute("allRoles", List.of(Role.values()));
        model.addAttribute("agencyOptions", AgencyTree.of(agencies.all()).options(Set.of()));
        return "org/user-form";
    }
}
