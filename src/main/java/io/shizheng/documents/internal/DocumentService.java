package io.shizheng.documents.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changes to single documents: extensions (logged, moving the deadline), overdue reasons, project control. */
@Service
class DocumentService {

    private final DocumentQueries queries;
    private final DeadlineRules rules;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final ClosureCounts counts;
    private final int projectControlMinDays;

    DocumentService(DocumentQueries queries, DeadlineRules rules, AgencyDirectory agencies, AuditLog audit,
                    JdbcClient jdbc, ClosureCounts counts,
                    @Value("${shizheng.documents.project-control.min-days:30}") int projectControlMinDays) {
        this.queries = queries;
        this.rules = rules;
        this.agencies = agencies;
        this.audit = audit;
        this.jdbc = jdbc;
        this.counts = counts;
        this.projectControlMinDays = projectControlMinDays;
    }

    /** The document, if the current user may see it. */
    DocumentQueries.Doc get(long id) {
        DocumentQueries.Doc d = queries.find(id).orElseThrow(() -> new NotFoundException("查無公文 / no such document " + id));
        Readers.require(CurrentUser.require());
        if (!agencies.covers(CurrentUser.require(), d.agencyId())) {
            throw new ForbiddenException("此公文不屬於您的機關 / this document belongs to another agency");
        }
        return d;
    }

    @Transactional
    DocumentQueries.Doc grantExtension(long id, Integer days, String reason) {
        DocumentQueries.Doc d = get(id);
        ShizhengUser me = CurrentUser.require();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (days == null) {
            problems.add(new InvalidInputException.FieldProblem("days", "請填展期日數 / days is required"));
        } else if (days <= 0) {
            problems.add(new InvalidInputException.FieldProblem("days", "展期日數須為正整數，不可為負或零 / an extension must be a positive number of days"));
        }
        if (reason == null || reason.isBlank()) {
            problems.add(new InvalidInputException.FieldProblem("reason", "請說明展期理由 / give the reason for the extension"));
        } else if (reason.length() > 300) {
            problems.add(new InvalidInputException.FieldProblem("reason", "理由上限 300 字 / at most 300 characters"));
        }
        if (d.closed() != null) {
            problems.add(new InvalidInputException.FieldProblem("days", "已結案的公文不能展期 / a closed document cannot be extended"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        List<Integer> all = new ArrayList<>(queries.extensions(id).stream().map(DocumentQueries.Extension::days).toList());
        all.add(days);
        String limit = rules.checkExtensions(all);
        if (limit != null) {
            throw new InvalidInputException("days", limit);
        }
        int total = all.stream().mapToInt(Integer::intValue).sum();
        DeadlineRules.Deadline deadline = rules.compute(d.received(), d.docPriority(), d.setDeadline(), total);
        jdbc.sql("""
                update documents_document set extension_count = ?, extension_days = ?, deadline = ?, updated_at = now()
                where id = ?""").params(all.size(), total, deadline.deadline(), id).update();
        jdbc.sql("insert into documents_extension (document_id, seq, days, reason, source, granted_by) values (?, ?, ?, ?, 'MANUAL', ?)")
                .params(id, all.size(), days, reason.trim(), me.getUsername()).update();
        audit.record("documents.document", id, AuditAction.UPDATE,
                Map.of("extensions", d.extensionCount(), "extensionDays", d.extensionDays(), "deadline", d.deadline().toString()),
                Map.of("extensions", all.size(), "extensionDays", total, "deadline", deadline.deadline().toString(),
                        "reason", reason.trim()));
        return queries.find(id).orElseThrow();
    }

    @Transactional
    DocumentQueries.Doc setOverdueReason(long id, String reason) {
        DocumentQueries.Doc d = get(id);
        OverdueReason r;
        try {
            r = OverdueReason.parse(reason);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("reason", "逾期原因須為 " + java.util.Arrays.toString(OverdueReason.values())
                    + " 之一 / unknown overdue reason");
        }
        jdbc.sql("update documents_document set overdue_reason = ?, updated_at = now() where id = ?").params(r.name(), id).update();
        audit.record("documents.document", id, AuditAction.UPDATE, Map.of("overdueReason", String.valueOf(d.overdueReason())),
                Map.of("overdueReason", r.name()));
        return queries.find(id).orElseThrow();
    }

    /** 專案管制: only for work of at least the configured number of days; it leaves the ordinary count. */
    @Transactional
    DocumentQueries.Doc setProjectControl(long id, boolean on, Integer expectedDays) {
        DocumentQueries.Doc d = get(id);
        if (on && (expectedDays == null || expectedDays < projectControlMinDays)) {
            throw new InvalidInputException("expectedDays", "專案管制限需 %d 日以上才能辦結之案件 / only work of %d days or more may be put under project control"
                    .formatted(projectControlMinDays, projectControlMinDays));
        }
        jdbc.sql("update documents_document set project_control = ?, updated_at = now() where id = ?").params(on, id).update();
        if (d.closed() != null) {
            counts.refresh(List.of(d.closed()));
        }
        audit.record("documents.document", id, AuditAction.UPDATE, Map.of("projectControl", d.projectControl()),
                Map.of("projectControl", on, "expectedDays", expectedDays == null ? 0 : expectedDays));
        return queries.find(id).orElseThrow();
    }

    int projectControlMinDays() { return projectControlMinDays; }
}
