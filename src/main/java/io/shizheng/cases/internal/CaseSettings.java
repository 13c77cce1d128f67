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
    private final CatalogueAdmin admin;

    CaseSettings(Catalogue catalogue, Open311Keys keys, AuditLog audit, CatalogueAdmin admin) {
        this.admin = admin;
        this.catalogue = catalogue;
        this.keys = keys;
        this.audit = audit;
    }

    /**
     * RDEC sets the deadline rule of a case type (working days to reply, counting, days to hand over), and optionally its
     * names and order: the same rules and audit as the catalogue pages ({@link CatalogueAdmin}).
     */
    @Transactional
    CaseType updateType(String code, Integer replyDays, Boolean fromNextDay, Integer reassignDays, String name, String nameEn,
                        Integer sort) {
        CatalogueAdmin.requireCityWide();
        catalogue.type(code).orElseThrow(() -> CatalogueAdmin.noType(code));
        List<FieldProblem> p = new ArrayList<>();
        if (replyDays == null) {
            p.add(new FieldProblem("replyDays", "答復期限須為 0 到 60 個工作天 / 0 to 60 working days"));
        }
        if (reassignDays == null) {
            p.add(new FieldProblem("reassignDays", "改派期限須為 0 到 10 個工作天 / 0 to 10 working days"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return admin.updateType(code, new CatalogueAdmin.TypeInput(null, name, nameEn, replyDays, fromNextDay, reassignDays, sort));
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
