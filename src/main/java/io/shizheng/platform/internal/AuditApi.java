package io.shizheng.platform.internal;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditEntry;
import io.shizheng.platform.AuditLog.AuditPage;
import io.shizheng.platform.internal.AuditCriteria.AuditQuery;
import io.shizheng.platform.internal.AuditCriteria.InvalidAuditFilter;
import io.shizheng.platform.internal.AuditCriteria.Problem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail as JSON for administrators' tools; the same filters as the page. */
@RestController
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "audit", description = "稽核紀錄 / Audit log (administrators)")
class AuditApi {

    private static final Locale ZH_TW = PlatformConfig.ZH_TW;

    private final AuditLog audit;
    private final AuditChain chain;
    private final JsonMapper json;
    private final MessageSource messages;

    AuditApi(AuditLog audit, AuditChain chain, JsonMapper json, MessageSource messages) {
        this.audit = audit;
        this.chain = chain;
        this.json = json;
        this.messages = messages;
    }

    @Operation(summary = "Verify the audit log's hash chain",
            description = "Walks the sealed entries from the first and reports the first broken link: an entry "
                    + "changed after it was sealed, or deleted. Entries are sealed within seconds of their write; "
                    + "`unsealed` counts those not yet sealed. The same check as `java -jar shizheng.jar "
                    + "--verify-audit`.")
    @GetMapping("/api/audit/verification")
    AuditChain.Verification verification() {
        return chain.verify();
    }

    @Operation(summary = "Search the audit log, newest first",
            description = "Filters: username, entityType, entityId, agencyId, action (CREATE, UPDATE, DELETE, APPROVE, "
                    + "REJECT, LOGIN), from and to (whole days in Asia/Taipei, inclusive; 2018-03-05 or ROC 107/03/05); "
                    + "page (from 0) and size (1-200, default 50). A bad filter gives 400 problem+json naming each field.")
    @GetMapping("/api/audit")
    AuditSearchPage search(@ParameterObject @ModelAttribute AuditCriteria criteria) {
        AuditQuery q = criteria.check();
        AuditPage page = audit.search(q.filter(), q.page(), q.size());
        return new AuditSearchPage(page.entries().stream().map(this::entry).toList(), page.total(), page.page(),
                page.size());
    }

    private AuditSearchEntry entry(AuditEntry e) {
        return new AuditSearchEntry(e.id(), e.at(), e.userId(), e.username(), e.agencyId(), e.action().name(),
                e.entityType(), e.entityId(), state(e.before()), state(e.after()), e.demo());
    }

    /** Before and after go out as JSON objects, not as strings that hold JSON. */
    private JsonNode state(String text) {
        if (text == null) {
            return null;
        }
        JsonNode node = AuditRow.parse(text, json);
        return node != null ? node : json.getNodeFactory().stringNode(text);
    }

    @ExceptionHandler(InvalidAuditFilter.class)
    ProblemDetail invalid(InvalidAuditFilter e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", both(p))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                String.join("；", e.problems().stream().map(this::both).toList()));
        problem.setTitle(messages.getMessage("audit.api.title", null, ZH_TW));
        problem.setType(URI.create("https://shizheng.io/problems/400"));
        problem.setInstance(URI.create(request.getRequestURI()));
        problem.setProperty("errors", errors);
        return problem;
    }

    /** Every API message in Traditional Chinese and English, as the rest of the API does. */
    private String both(Problem p) {
        return messages.getMessage(p.code(), p.args(), ZH_TW) + " / "
                + messages.getMessage(p.code(), p.args(), Locale.ENGLISH);
    }

    record AuditSearchPage(List<AuditSearchEntry> entries, long total, int page, int size) {
    }

    record AuditSearchEntry(long id, Instant at, Long userId, String username, Long agencyId, String action,
                            String entityType, String entityId, JsonNode before, JsonNode after, boolean demo) {
    }
}
