package io.shizheng.org.internal;

import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own profile and personal API tokens. */
@Controller
class AccountPages {

    private final Accounts accounts;
    private final AccountTokens tokens;

    AccountPages(Accounts accounts, AccountTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(Model model) {
        ShizhengUser me = CurrentUser.require();
        model.addAttribute("profile", accounts.detail(me.id()).orElseThrow());
        model.addAttribute("tokens", accounts.tokens(me.id()));
        model.addAttribute("isAdmin", me.has(Role.ADMIN));
        return "org/account";
    }

    @PostMapping("/account/tokens")
    String create(@RequestParam(defaultValue = "") String name, RedirectAttributes redirect) {
        try {
            Accounts.IssuedToken issued = tokens.issue(name);
            // Shown on the next page once: flash attributes live for exactly one request.
            redirect.addFlashAttribute("newToken", issued.raw());
            redirect.addFlashAttribute("newTokenName", name.strip());
        } catch (Violations.Rejected e) {
            redirect.addFlashAttribute("tokenError", e.problems().get(0).message());
        }
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        try {
            tokens.revoke(id);
            redirect.addFlashAttribute("revoked", true);
        } catch (Violations.Rejected e) {
            redirect.addFlashAttribute("tokenError", e.problems().get(0).message());
        }
        return "redirect:/account";
    }
}
