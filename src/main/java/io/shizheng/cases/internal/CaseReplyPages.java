package io.shizheng.cases.internal;

import java.io.IOException;

import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

/** The case page's reply actions: print the reply letter (recorded as sent), record a call to the citizen. */
@Controller
class CaseReplyPages {

    private final CaseReplies replies;

    CaseReplyPages(CaseReplies replies) {
        this.replies = replies;
    }

    /** The letter as a download; printing it is sending it. A letter that cannot be made says why on the case page. */
    @PostMapping("/cases/{caseNo:[0-9]+}/letter")
    ModelAndView letter(@PathVariable String caseNo, @RequestParam(required = false) String format,
                        RedirectAttributes redirect, HttpServletResponse response) throws IOException {
        CaseReplies.Printed p;
        try {
            p = replies.print(caseNo, format);
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return new ModelAndView("redirect:/cases/" + caseNo + "#replies");
        }
        response.setContentType(p.contentType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(p.fileName()).build().toString());
        response.setContentLength(p.bytes().length);
        response.getOutputStream().write(p.bytes());
        return null;
    }

    static ResponseEntity<byte[]> download(CaseReplies.Printed p) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(p.fileName()).build().toString())
                .header("X-Letter-No", java.net.URLEncoder.encode(p.letterNo(), java.nio.charset.StandardCharsets.UTF_8))
                .body(p.bytes());
    }

    @PostMapping("/cases/{caseNo:[0-9]+}/phone-replies")
    String call(@PathVariable String caseNo, @RequestParam(required = false) String phone,
                @RequestParam(required = false) String outcome, @RequestParam(required = false) String calledAt,
                @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            replies.recordCall(caseNo, new CaseReplies.CallInput(phone, outcome, calledAt, note));
            redirect.addFlashAttribute("ok", "已記錄電話答復 / call recorded");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/cases/" + caseNo + "#replies";
    }
}
