package io.shizheng.cases.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** RDEC's settings of the cases module: deadline rules per case type, Open311 API keys. */
@Service
class CaseSettings {

    private final Catalogue catalogue;
    private final Open311Keys keys;
    private final AuditLog audit;

    CaseSettings(Catalogue catalogue, Open311Keys keys, AuditLog audit) {
        this.catalogue = catalogue;
        this.keys = keys;
        this.audit = audit;
    }

    /** RDEC sets the deadline rule of a case type (working days to reply, counting, days to hand over). */
    @Transactional
    CaseType updateType(String code, Integer replyDays, Boolean fromNextDay, Integer reassignDays) {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有研考會可以設定期限 / only RDEC sets deadlines");
        }
        CaseType before = catalogue.type(code).orElseThrow(() -> new NotFoundException("沒有這個案件類型 / no such case type"));
        List<FieldProblem> p = new ArrayList<>();
        if (replyDays == null || replyDays < 0 || replyDays > 60) {
            p.add(new FieldProblem("replyDays", "答復期限須為 0 到 60 個工作天 / 0 to 60 working days"));
        }
        if (reassignDays == null || reassignDays < 0 || reassignDays > 10) {
            p.add(new FieldProblem("reassignDays", "改派期限須為 0 到 10 個工作天 / 0 to 10 working days"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        boolean next = fromNextDay == null ? before.fromNextDay() : fromNextDay;
        catalogue.updateType(code, replyDays, next, reassignDays);
        CaseType after = catalogue.type(code).orElseThrow();
        audit.record("cases.type", code, AuditAction.UPDATE,
                Map.of("replyDays", before.replyDays(), "fromNextDay", before.fromNextDay(), "reassignDays", before.reassignDays()),
                Map.of("replyDays", after.replyDays(), "fromNextDay", after.fromNextDay(), "reassignDays", after.reassignDays()));
        return after;
    }

    @Transactional
    String issueKey(String name) {
        String key = keys.issue(name);
        audit.record("cases.open311-key", name, AuditAction.CREATE, null, Map.of("name", name));
        return key;
    }

    @Transactional
    void deactivateKey(long id) {
        if (!keys.deactivate(id)) {
            throw new io.shizheng.platform.NotFoundException("沒有這把 API 金鑰 / no such API key: " + id);
        }
        audit.record("cases.open311-key", id, AuditAction.UPDATE, Map.of("active", true), Map.of("active", false));
    }
}
