package io.shizheng.cases.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases/{caseNo}")
@Tag(name = "Cases", description = "陳情與 1999 案件 / citizen cases from every channel")
class CaseRepliesApi {

    private final CaseReplies replies;

    CaseRepliesApi(CaseReplies replies) {
        this.replies = replies;
    }

    @GetMapping("/letters")
    @Operation(summary = "Reply letters printed for the case (number, format, who, when); for those who handle it")
    List<CaseReplies.SentLetter> letters(@PathVariable String caseNo) {
        return replies.letters(caseNo);
    }

    @PostMapping("/letters")
    @Operation(summary = "Print the reply letter (format PDF or ODT) of a closed case whose citizen asked for a letter; "
            + "it is recorded as sent by the caller, now")
    ResponseEntity<byte[]> print(@PathVariable String caseNo, @RequestParam(defaultValue = "PDF") String format) {
        return CaseReplyPages.download(replies.print(caseNo, format));
    }

    @GetMapping("/phone-replies")
    @Operation(summary = "Calls made to the citizen about the case (numbers masked)")
    List<CaseReplies.PhoneCall> calls(@PathVariable String caseNo) {
        return replies.calls(caseNo);
    }

    record CallBody(String phone, String outcome, String calledAt, String note) {
    }

    @PostMapping("/phone-replies")
    @Operation(summary = "Record a call to the citizen: number (default the citizen's), outcome (REACHED, NO_ANSWER, BUSY, "
            + "VOICEMAIL, WRONG_NUMBER, REFUSED), calledAt (yyyy-MM-ddTHH:mm, Asia/Taipei; default now), note")
    ResponseEntity<CaseReplies.PhoneCall> call(@PathVariable String caseNo, @RequestBody(required = false) CallBody body) {
        CaseReplies.CallInput in = body == null ? null : new CaseReplies.CallInput(body.phone(), body.outcome(), body.calledAt(),
                body.note());
        return ResponseEntity.status(201).body(replies.recordCall(caseNo, in));
    }
}
