package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.plan.internal.ManualValueStore.Attachment;
import io.shizheng.plan.internal.ManualValueStore.ManualValue;
import io.shizheng.plan.internal.ManualValueStore.ValueStatus;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Manual indicator values: the owner agency enters a month's value with its evidence, RDEC staff approve
 * or return it. Only approved values reach the scorecard.
 */
@Service
class ManualValueService {

    static final int MAX_ATTACHMENT = 10 * 1024 * 1024;

    private final PlanService plans;
    private final PlanStore store;
    private final ManualValueStore values;
    private final AuditLog audit;

    ManualValueService(PlanService plans, PlanStore store, ManualValueStore values, AuditLog audit) {
        this.plans = plans;
        this.store = store;
        this.values = values;
        this.audit = audit;
    }

    record Submission(Integer month, BigDecimal value, String evidenceNote) {
    }

    /** Whether the user may enter values for the indicator: its owner agency's officers, or RDEC staff. */
    static boolean mayEnter(ShizhengUser user, PlanDocument.Indicator indicator) {
        if (user.cityWide()) {
            return true;
        }
        return user.has(Role.AGENCY_OFFICER) && indicator.ownerAgencyId() != null
                && indicator.ownerAgencyId().equals(user.agencyId());
    }

    @Transactional
    ManualValue submit(int year, String code, Submission s, Attachment attachment) {
        ShizhengUser user = CurrentUser.require();
        PlanDocument plan = plans.get(year);
        PlanDocument.Indicator indicator = plan.indicator(code).orElseThrow(() -> new NotFoundException(
                "沒有指標 " + code + " / no indicator " + code + " in " + year));
        if (!mayEnter(user, indicator)) {
            throw new ForbiddenException("指標 " + code + " 由其他機關填報，您無權填報 / indicator " + code
                    + " belongs to another agency");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!indicator.manual()) {
            problems.add(new FieldProblem("source", "指標 " + code + " 由系統資料自動計算（" + indicator.source()
                    + "），不需人工填報 / this indicator is computed from live data"));
        }
        if (s.month() == null || s.month() < 1 || s.month() > 12) {
            problems.add(new FieldProblem("month", "月份須為 1 至 12 / month must be 1 to 12"));
        }
        if (s.value() == null) {
            problems.add(new FieldProblem("value", "請填數值 / value is required"));
        } else if (s.value().signum() < 0) {
            problems.add(new FieldProblem("value", "數值不可為負 / value must be zero or more"));
        } else if ("%".equals(indicator.unit()) && s.value().compareTo(BigDecimal.valueOf(100000)) > 0) {
            problems.add(new FieldProblem("value", "百分比數值過大 / percentage is out of range"));
        }
        if (s.evidenceNote() != null && s.evidenceNote().length() > 4000) {
            problems.add(new FieldProblem("evidenceNote", "佐證說明請在 4000 字以內 / evidence note is too long"));
        }
        if (attachment != null && attachment.bytes().length > MAX_ATTACHMENT) {
            problems.add(new FieldProblem("attachment", "附件不可超過 10 MB / attachment must be at most 10 MB"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        long indicatorId = store.indicatorId(year, code).orElseThrow();
        LocalDate month = LocalDate.of(year, s.month(), 1);
        ManualValue before = values.find(indicatorId, month).orElse(null);
        if (before != null && before.status() == ValueStatus.APPROVED && !user.cityWide()) {
            throw new InvalidInputException("month", "此月份數值已核定，如需更正請洽研考會 / this month's value is approved; ask RDEC to reopen it");
        }
        long id = values.upsert(indicatorId, month, s.value(), blankToNull(s.evidenceNote()), attachment,
                indicator.ownerAgencyId(), user.id(), user.displayName(), false, ValueStatus.PENDING);
        ManualValue after = values.find(id).orElseThrow();
        audit.record("plan.manual-value", id, before == null ? AuditAction.CREATE : AuditAction.UPDATE, before, after);
        return after;
    }

    @Transactional
    ManualValue review(long id, boolean approve, String note) {
        ShizhengUser user = CurrentUser.require();
        if (!user.cityWide()) {
            throw new ForbiddenException("只有研考會同仁可核定填報值 / only RDEC staff review values");
        }
        ManualValue before = values.find(id).orElseThrow(() -> new NotFoundException("沒有填報值 " + id + " / no such value"));
        if (!approve && (note == null || note.isBlank())) {
            throw new InvalidInputException("note", "退回時請說明原因 / say why the value is returned");
        }
        values.review(id, approve ? ValueStatus.APPROVED : ValueStatus.REJECTED, user.displayName(), blankToNull(note));
        ManualValue after = values.find(id).orElseThrow();
        audit.record("plan.manual-value", id, approve ? AuditAction.APPROVE : AuditAction.REJECT, before, after);
        return after;
    }

    ManualValue get(long id) {
        ShizhengUser user = CurrentUser.require();
        ManualValue v = values.find(id).orElseThrow(() -> new NotFoundException("沒有填報值 " + id + " / no such value"));
        if (!user.cityWide() && (v.agencyId() == null || !v.agencyId().equals(user.agencyId()))) {
            throw new ForbiddenException("此填報值屬其他機關 / this value belongs to another agency");
        }
        return v;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
