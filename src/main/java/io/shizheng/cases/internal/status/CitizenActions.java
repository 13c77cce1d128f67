package io.shizheng.cases.internal.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import io.shizheng.cases.internal.CaseRow;
import io.shizheng.cases.internal.Deadlines;
import io.shizheng.cases.internal.CaseType;
import io.shizheng.cases.internal.CaseAccess;
import io.shizheng.cases.internal.ClosingCategory;
import io.shizheng.cases.internal.Catalogue;
import io.shizheng.cases.internal.CaseStore;

import static io.shizheng.cases.internal.Inputs.isBlank;

/** What a citizen does with their case number and verification code: read it, rate the reply, ask for it to be reopened. */
@Service
public class CitizenActions {

    private final CaseStore store;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final CaseAccess access;
    private final AuditLog audit;
    private final Clock clock;
    private final int reopenDays;

    CitizenActions(CaseStore store, Catalogue catalogue, Deadlines deadlines, CaseAccess access, AuditLog audit,
                   Clock clock, @Value("${shizheng.cases.reopen-days:7}") int reopenDays) {
        this.store = store;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
        this.reopenDays = reopenDays;
    }

    /** The case when number and verification code match; one answer for both kinds of miss. */
    CaseRow byCode(String caseNo, String code) {
        if (isBlank(caseNo) || isBlank(code)) {
            throw new NotFoundException("案號或查詢碼不正確 / case number or verification code is wrong");
        }
        return store.byNo(caseNo.strip()).filter(c -> java.security.MessageDigest.isEqual(
                        c.verifyCode().getBytes(), code.strip().getBytes()))
                .orElseThrow(() -> new NotFoundException("案號或查詢碼不正確 / case number or verification code is wrong"));
    }

    @Transactional
    public CaseRow rate(String caseNo, String code, Integer rating) {
        CaseRow c = byCode(caseNo, code);
        if (c.open()) {
            throw new InvalidInputException("rating", "結案後才能評分 / you can rate once the case is answered");
        }
        if (rating == null || rating < 1 || rating > 5) {
            throw new InvalidInputException("rating", "請給 1 到 5 分 / rate from 1 to 5");
        }
        if (c.rating() != null) {
            throw new InvalidInputException("rating", "此答復已評分 / this reply was already rated");
        }
        store.update(c.id(), "rating = :r, rated_at = now()", Map.of("r", rating));
        store.hop(c.id(), clock.instant(), "RATE", null, null, rating + " / 5", "citizen");
        audit.record("cases.case", caseNo, AuditAction.UPDATE, null, Map.of("rating", rating));
        return store.byId(c.id()).orElseThrow();
    }

    boolean mayReopen(CaseRow c) {
        return !c.open() && c.closedAt() != null && c.closingCategory() != ClosingCategory.DUPLICATE
                && !clock.instant().isAfter(c.closedAt().plus(java.time.Duration.ofDays(reopenDays)));
    }

    /** Within the reopen window (7 days by default) the citizen may ask for the case to be handled again. */
    @Transactional
    public CaseRow reopen(String caseNo, String code, String reason) {
        CaseRow c = byCode(caseNo, code);
        if (isBlank(reason) || reason.length() > 1000) {
            throw new InvalidInputException("reason", "請說明不滿意的原因（1000 字內）/ say why (up to 1000 characters)");
        }
        if (!mayReopen(c)) {
            throw new InvalidInputException("reason", "已超過 " + reopenDays + " 日或案件未結案，無法重新處理 / "
                    + "a case can be reopened within " + reopenDays + " days of its reply");
        }
        CaseType type = catalogue.type(c.type()).orElseThrow();
        LocalDate due = deadlines.replyDue(type, access.today());
        store.update(c.id(), "status = 'OPEN', reopen_count = reopen_count + 1, due_on = :due, extended_due_on = null, "
                + "extension_reason = null, escalated_at = null, closed_at = null", Map.of("due", due));
        store.hop(c.id(), clock.instant(), "REOPEN", null, c.agencyId(), reason.strip(), "citizen");
        audit.record("cases.case", caseNo, AuditAction.UPDATE, Map.of("status", "CLOSED"), Map.of("status", "OPEN", "reopened", true));
        return store.byId(c.id()).orElseThrow();
    }
}
