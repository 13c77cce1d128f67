package io.shizheng.servicequality.internal;

import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Training certificates as PDF, their revocation by RDEC, and the public page where anyone checks a code. */
@Controller
class CertificatePages {

    private final Certificates certificates;
    private final CertificatePdf pdf;
    private final Training training;

    CertificatePages(Certificates certificates, CertificatePdf pdf, Training training) {
        this.certificates = certificates;
        this.pdf = pdf;
        this.training = training;
    }

    static String verifyUrl(String code) {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/verify/certificate/{code}")
                .buildAndExpand(Certificates.display(code)).toUriString();
    }

    /** The certificate as PDF, issued with its verification code the first time it is printed. */
    @GetMapping("/servicequality/training/registrations/{id}/certificate.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        Certificates.Certificate c = certificates.issue(id);
        Training.Registration r = training.registration(id);
        byte[] bytes = pdf.write(c, r.agencyName(), certificates.issuer(), verifyUrl(c.code()));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificate-" + c.code() + ".pdf").build().toString())
                .body(bytes);
    }

    @PostMapping("/servicequality/training/registrations/{id}/certificate/revoke")
    String revoke(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        try {
            certificates.revoke(id, reason);
            redirect.addFlashAttribute("ok", "已撤銷研習證明 / certificate revoked");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/training/registrations/" + id + "/certificate";
    }

    /** The public check: a form, and the result for a code (404 with the form again for a code nobody was given). */
    @GetMapping({"/verify/certificate", "/verify/certificate/{code}"})
    String verify(@PathVariable(required = false) String code, @RequestParam(name = "code", required = false) String typed,
                  Model model, HttpServletResponse response) {
        String asked = code != null ? code : typed;
        model.addAttribute("code", asked);
        if (asked != null && !asked.isBlank()) {
            try {
                model.addAttribute("v", certificates.verify(asked));
            } catch (NotFoundException e) {
                response.setStatus(HttpServletResponse.SC_NOT_FOUND);
                model.addAttribute("notFound", true);
            }
        }
        return "servicequality/verify";
    }
}
