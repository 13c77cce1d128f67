package io.shizheng.plan.internal;

import java.util.List;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Plan edits by RDEC staff: whole-document replace, validated as a whole, audited before and after. */
@Service
class PlanService {

    private final PlanStore store;
    private final MetricRegistry metrics;
    private final AgencyDirectory agencies;
    private final AuditLog audit;

    PlanService(PlanStore store, MetricRegistry metrics, AgencyDirectory agencies, AuditLog audit) {
        this.store = store;
        this.metrics = metrics;
        this.agencies = agencies;
        this.audit = audit;
    }

    PlanDocument get(int year) {
        return store.load(year).orElseThrow(() -> new NotFoundException(
                "沒有 " + year + " 年度（民國 " + (year - 1911) + " 年）的施政計畫 / no plan for year " + year));
    }

    @Transactional
    PlanDocument replace(int year, PlanDocument edited) {
        requirePlanEditor();
        PlanDocument before = get(year);
        if (edited.year() != year) {
            throw new InvalidInputException("year", "年度不可變更 / the year of a plan cannot change");
        }
        check(edited);
        store.replace(edited);
        PlanDocument after = get(year);
        audit.record("plan.plan", year, AuditAction.UPDATE, before, after);
        return after;
    }

    /** A new plan year, empty or copied from an earlier one (targets and all) for the staff to adjust. */
    @Transactional
    PlanDocument create(int year, Integer copyFrom, String title) {
        requirePlanEditor();
        if (store.planId(year).isPresent()) {
            throw new InvalidInputException("year", year + " 年度的計畫已存在 / a plan for " + year + " already exists");
        }
        PlanDocument doc;
        if (copyFrom != null) {
            PlanDocument source = get(copyFrom);
            doc = new PlanDocument(year, title == null || title.isBlank() ? source.title().replace(
                    String.valueOf(source.rocYear()), String.valueOf(year - 1911)) : title, source.vision(), source.aims(),
                    source.goals(), source.programs());
        } else {
            doc = new PlanDocument(year, title, null, List.of(), List.of(), List.of());
        }
        check(doc);
        store.replace(doc);
        PlanDocument after = get(year);
        audit.record("plan.plan", year, AuditAction.CREATE, null, after);
        return after;
    }

    private void check(PlanDocument doc) {
        List<FieldProblem> problems = PlanValidator.validate(doc, metrics::exists, id -> agencies.find(id).isPresent());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static void requirePlanEditor() {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會同仁與系統管理者可修改施政計畫 / only RDEC staff and administrators edit plans");
        }
    }
}
