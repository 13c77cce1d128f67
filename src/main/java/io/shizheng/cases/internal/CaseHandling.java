package io.shizheng.cases.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Notifications;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import static io.shizheng.cases.internal.Inputs.MAX_TEXT;
import static io.shizheng.cases.internal.Inputs.isBlank;
import static io.shizheng.cases.internal.Inputs.parse;

/** The handling agency acts on a case: hands it over, extends it once, closes it with a reply, links it, adds photos. */
@Service
class CaseHandling {

    private final CaseStore store;
    private final Catalogue catalogue;
    private final Deadlines deadlines;
    private final Dispatcher dispatcher;
    private final AgencyDirectory agencies;
    private final CaseAccess access;
    private final AuditLog audit;
    private final Notifications notifications;
    private final Photos photos;
    private final Clock clock;
    private final Jurisdiction jurisdiction;
    private final int reopenDays;
    private final String publicBaseUrl;

    CaseHandling(CaseStore store, Catalogue catalogue, Deadlines deadlines, Dispatcher dispatcher,
                 AgencyDirectory agencies, CaseAccess access, AuditLog audit, Notifications notifications,
                 Photos photos, Clock clock, Jurisdiction jurisdiction,
                 @Value("${shizheng.cases.reopen-days:7}") int reopenDays,
                 @Value("${shizheng.cases.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.store = store;
        this.catalogue = catalogue;
        this.deadlines = deadlines;
        this.dispatcher = dispatcher;
        this.agencies = agencies;
        this.access = access;
        this.audit = audit;
        this.notifications = notifications;
        this.photos = photos;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
        this.reopenDays = reopenDays;
        this.publicBaseUrl = publicBaseUrl;
    }

    private CaseRow actable(String caseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.lock(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!access.mayAct(u, c)) {
            throw new ForbiddenException("只有承辦機關可以處理此案件 / only the handling agency may act on this case");
        }
        if (!c.open()) {
            throw new InvalidInputException("status", "案件已結案 / the case is closed");
        }
        return c;
    }

    /**
     * Hands a case back to RDEC (who dispatched it) or on to another agency, with a reason, within the reassignment
     * deadline (one working day by default). City-wide staff may redispatch at any time.
     */
    @Transactional
    CaseRow handOver(String caseNo, String kind, String toAgencyCode, String reason) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        List<FieldProblem> p = new ArrayList<>();
        if (isBlank(reason)) {
            p.add(new FieldProblem("reason", "請說明改派理由 / give a reason"));
        } else if (reason.length() > 1000) {
            p.add(new FieldProblem("reason", "理由過長 / reason is too long (1000)"));
        }
        Agency to = null;
        boolean back = "BACK".equalsIgnoreCase(kind);
        if (!back && !"ON".equalsIgnoreCase(kind)) {
            p.add(new FieldProblem("kind", "請選擇退回或移轉 / kind must be BACK or ON"));
        } else if (back) {
            to = dispatcher.rdec().orElseThrow();
        } else if (isBlank(toAgencyCode)) {
            p.add(new FieldProblem("toAgency", "請選擇移轉機關 / choose the agency to hand on to"));
        } else {
            to = agencies.findByCode(toAgencyCode.strip()).filter(Agency::active).orElse(null);
            if (to == null) {
                p.add(new FieldProblem("toAgency", "沒有這個機關 / no such agency"));
            }
        }
        if (to != null && to.id() == c.agencyId()) {
            p.add(new FieldProblem("toAgency", "案件已在該機關 / the case is already there"));
        }
        CaseType type = catalogue.type(c.type()).orElseThrow();
        Instant arrived = store.arrivedAtAgency(c.id(), c.agencyId());
        LocalDate by = deadlines.reassignBy(type, LocalDate.ofInstant(arrived == null ? c.receivedAt() : arrived, RocDate.TAIPEI));
        if (!u.cityWide() && access.today().isAfter(by)) {
            p.add(new FieldProblem("kind", "已逾改派期限 " + new RocDate().date(by) + "，請自行辦理或洽研考會 / "
                    + "the hand-over deadline has passed; handle the case or ask RDEC"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        Instant now = clock.instant();
        store.update(c.id(), "agency_id = :a", Map.of("a", to.id()));
        store.hop(c.id(), now, back ? "HAND_BACK" : "HAND_ON", c.agencyId(), to.id(), reason.strip(), u.getUsername());
        audit.record("cases.case", caseNo, AuditAction.UPDATE, Map.of("agencyId", c.agencyId()),
                Map.of("agencyId", to.id(), "hop", back ? "HAND_BACK" : "HAND_ON", "reason", reason.strip()));
        return store.byId(c.id()).orElseThrow();
    }

    /** The one extension a case may get, with a reason the citizen is told. */
    @Transactional
    CaseRow extend(String caseNo, String reason) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        if (isBlank(reason)) {
            throw new InvalidInputException("reason", "請說明展延理由（將告知民眾）/ give the reason (the citizen is told)");
        }
        if (reason.length() > 500) {
            throw new InvalidInputException("reason", "理由過長 / reason is too long (500)");
        }
        if (c.extendedDueOn() != null) {
            throw new InvalidInputException("reason", "案件已展延過一次 / the case was already extended once");
        }
        LocalDate newDue = deadlines.extended(c.dueOn());
        store.update(c.id(), "extended_due_on = :d, extension_reason = :r, escalated_at = null",
                Map.of("d", newDue, "r", reason.strip()));
        store.hop(c.id(), clock.instant(), "EXTEND", c.agencyId(), null, reason.strip(), u.getUsername());
        audit.record("cases.case", caseNo, AuditAction.UPDATE, Map.of("dueOn", c.dueOn().toString()),
                Map.of("extendedDueOn", newDue.toString(), "reason", reason.strip()));
        tellCitizen(c, "您的案件 " + caseNo + " 延長處理期限",
                "您的案件 " + caseNo + " 處理期限延長至 " + new RocDate().date(newDue) + "。\n理由：" + reason.strip()
                        + "\n\nThe deadline of your case " + caseNo + " was extended to " + newDue + ". Reason: " + reason.strip());
        return store.byId(c.id()).orElseThrow();
    }

    /** Closes with a reply to the citizen by their channel and a closing category. */
    @Transactional
    CaseRow close(String caseNo, String reply, String closingCategory) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        List<FieldProblem> p = new ArrayList<>();
        if (isBlank(reply)) {
            p.add(new FieldProblem("reply", "請填寫答復內容 / the reply is required"));
        } else if (reply.length() > MAX_TEXT) {
            p.add(new FieldProblem("reply", "答復不可超過 " + MAX_TEXT + " 字 / reply is limited to " + MAX_TEXT + " characters"));
        }
        ClosingCategory cc = parse(ClosingCategory.class, closingCategory, "closingCategory", p);
        if (cc == ClosingCategory.DUPLICATE || cc == ClosingCategory.REFERENCE) {
            p.add(new FieldProblem("closingCategory", "併案或引用前案請用連結功能 / use link or close by reference"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return finish(c, u, reply.strip(), cc, null);
    }

    /** A repeated petition on a matter already answered: closed by reference to the earlier reply. */
    @Transactional
    CaseRow closeByReference(String caseNo, String earlierCaseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = actable(caseNo);
        CaseRow earlier = isBlank(earlierCaseNo) ? null : store.byNo(earlierCaseNo.strip()).orElse(null);
        if (earlier == null) {
            throw new InvalidInputException("earlierCaseNo", "沒有這個案號 / no such case");
        }
        if (earlier.open() || earlier.reply() == null || earlier.id() == c.id()) {
            throw new InvalidInputException("earlierCaseNo", "前案須已答復 / the earlier case must have been answered");
        }
        String reply = "本案與 " + new RocDate().dateTime(earlier.closedAt()) + " 答復之案號 " + earlier.caseNo()
                + " 為同一事項，答復內容如下 / the same matter was answered in case " + earlier.caseNo() + ":\n" + earlier.reply();
        return finish(c, u, reply.length() > MAX_TEXT ? reply.substring(0, MAX_TEXT) : reply, ClosingCategory.REFERENCE, earlier.id());
    }

    private CaseRow finish(CaseRow c, ShizhengUser u, String reply, ClosingCategory cc, Long relatedId) {
        Instant now = clock.instant();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reply", reply);
        params.put("cc", cc.name());
        params.put("at", java.sql.Timestamp.from(now));
        String set = "status = 'CLOSED', reply = :reply, closing_category = :cc, closed_at = :at, rating = null, rated_at = null";
        if (relatedId != null) {
            set += ", related_case_id = :rel";
            params.put("rel", relatedId);
        }
        store.update(c.id(), set, params);
        store.hop(c.id(), now, "CLOSE", c.agencyId(), null, cc.label() + " · " + c.replyBy().label(), u.getUsername());
        audit.record("cases.case", c.caseNo(), AuditAction.UPDATE, Map.of("status", "OPEN"),
                Map.of("status", "CLOSED", "closingCategory", cc.name()));
        tellCitizen(c, jurisdiction.government() + "答復您的案件 " + c.caseNo(), reply + "\n\n如對答復不滿意，可於 " + reopenDays
                + " 日內至 " + publicBaseUrl + "/cases/status?no=" + c.caseNo() + " 評分或要求重新處理。");
        return store.byId(c.id()).orElseThrow();
    }

    /** Links a case to a related (earlier or repeated) one. */
    @Transactional
    CaseRow link(String caseNo, String relatedCaseNo) {
        ShizhengUser u = CurrentUser.require();
        CaseRow c = store.lock(caseNo).orElseThrow(() -> new NotFoundException("沒有案號 " + caseNo + " / no such case"));
        if (!access.mayAct(u, c)) {
            throw new ForbiddenException("只有承辦機關可以處理此案件 / only the handling agency may act on this case");
        }
        CaseRow other = isBlank(relatedCaseNo) ? null : store.byNo(relatedCaseNo.strip()).orElse(null);
        if (other == null || other.id() == c.id()) {
            throw new InvalidInputException("relatedCaseNo", "沒有這個案號 / no such case");
        }
        store.update(c.id(), "related_case_id = :r", Map.of("r", other.id()));
        store.hop(c.id(), clock.instant(), "LINK", null, null, "關聯 / linked to " + other.caseNo(), u.getUsername());
        audit.record("cases.case", caseNo, AuditAction.UPDATE, null, Map.of("relatedCaseNo", other.caseNo()));
        return store.byId(c.id()).orElseThrow();
    }

    private void tellCitizen(CaseRow c, String subject, String body) {
        if (c.replyBy() != ReplyBy.EMAIL) {
            return;
        }
        store.citizen(c.citizenId()).map(Citizen::email).filter(e -> !e.isBlank())
                .ifPresent(e -> notifications.email(e, subject, body, "cases.case", c.caseNo()));
    }

    @Transactional
    void addPhoto(CaseRow c, MultipartFile photo) {
        photos.store(c.id(), photo);
        store.hop(c.id(), clock.instant(), "PHOTO", null, null, null, CurrentUser.require().getUsername());
        audit.record("cases.case", c.caseNo(), AuditAction.UPDATE, null, Map.of("photo", "added"));
    }
}
