package io.shizheng.cases.internal.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.shizheng.platform.PersonalData;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.shizheng.cases.internal.CaseRow;
import io.shizheng.cases.internal.CaseType;
import io.shizheng.cases.internal.Citizen;
import io.shizheng.cases.internal.CaseAccess;
import io.shizheng.cases.internal.Category;
import io.shizheng.cases.internal.Catalogue;
import io.shizheng.cases.internal.CaseStore;

/**
 * What a citizen sees of their own case by case number and verification code: no personal data, no names of staff.
 * Free text (reply, reasons) is shown through {@link PersonalData}: anyone who learns number and code reads it too.
 */
@RestController
@RequestMapping("/api/cases/public")
@Tag(name = "Cases", description = "陳情與 1999 案件 / citizen cases from every channel")
public class PublicCaseApi {

    private final CaseStore store;
    private final CaseAccess access;
    private final CitizenActions citizen;
    private final Catalogue catalogue;
    private final CodeAttempts attempts;

    PublicCaseApi(CaseStore store, CaseAccess access, CitizenActions citizen, Catalogue catalogue, CodeAttempts attempts) {
        this.store = store;
        this.access = access;
        this.citizen = citizen;
        this.catalogue = catalogue;
        this.attempts = attempts;
    }

    record Step(Instant at, String kind, String agency, String note) {
    }

    record PublicStatus(String caseNo, String type, String category, String channel, String status, Instant receivedAt,
                        String agency, LocalDate due, LocalDate extendedDue, String extensionReason, Instant closedAt,
                        String closingCategory, String reply, Integer rating, boolean mayRate, boolean mayReopen,
                        List<Step> history) {
    }

    public PublicStatus status(CaseRow c) {
        List<String> names = store.citizen(c.citizenId()).map(Citizen::name).stream().toList();
        List<Step> steps = store.hops(c.id()).stream()
                .filter(h -> !h.kind().equals("ESCALATE"))
                .map(h -> new Step(h.at(), h.kind(), access.agencyName(h.toAgencyId() != null ? h.toAgencyId() : h.fromAgencyId()),
                        h.kind().equals("EXTEND") || h.kind().equals("HAND_ON") || h.kind().equals("HAND_BACK")
                                || h.kind().equals("CLOSE") || h.kind().equals("LINK") ? PersonalData.mask(h.reason(), names) : null))
                .toList();
        return new PublicStatus(c.caseNo(), catalogue.type(c.type()).map(CaseType::label).orElse(c.type()),
                catalogue.known(c.categoryCode()).map(Category::label).orElse(c.categoryCode()), c.channel().label(),
                c.status(), c.receivedAt(), access.agencyName(c.agencyId()), c.dueOn(), c.extendedDueOn(),
                PersonalData.mask(c.extensionReason(), names), c.closedAt(),
                c.closingCategory() == null ? null : c.closingCategory().label(), PersonalData.mask(c.reply(), names),
                c.rating(), !c.open() && c.rating() == null, citizen.mayReopen(c), steps);
    }

    @GetMapping("/{caseNo}")
    @Operation(summary = "Public: a case's status and reply by case number and verification code")
    PublicStatus get(@PathVariable String caseNo, @RequestParam(required = false) String code, HttpServletRequest request) {
        return status(attempts.open(caseNo, code, CodeAttempts.client(request)));
    }

    record Rating(String code, Integer rating) {
    }

    @PostMapping("/{caseNo}/rating")
    @Operation(summary = "Public: rate the reply (1–5)")
    PublicStatus rate(@PathVariable String caseNo, @RequestBody Rating body, HttpServletRequest request) {
        attempts.open(caseNo, body.code(), CodeAttempts.client(request));
        return status(citizen.rate(caseNo, body.code(), body.rating()));
    }

    record Reopen(String code, String reason) {
    }

    @PostMapping("/{caseNo}/reopen")
    @Operation(summary = "Public: ask for the case to be handled again (within 7 days of the reply)")
    PublicStatus reopen(@PathVariable String caseNo, @RequestBody Reopen body, HttpServletRequest request) {
        attempts.open(caseNo, body.code(), CodeAttempts.client(request));
        return status(citizen.reopen(caseNo, body.code(), body.reason()));
    }
}
