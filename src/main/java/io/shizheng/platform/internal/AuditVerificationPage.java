package io.shizheng.platform.internal;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The audit chain's verification for administrators and auditors who do not use the command line. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditVerificationPage {

    private final AuditChain chain;

    AuditVerificationPage(AuditChain chain) {
        this.chain = chain;
    }

    @GetMapping(AuditBrowser.PATH + "/verification")
    String show(Model model) {
        model.addAttribute("verification", chain.verify());
        return "platform/audit-verification";
    }
}
