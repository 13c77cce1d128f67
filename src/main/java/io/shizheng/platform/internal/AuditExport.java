package io.shizheng.platform.internal;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditEntry;
import io.shizheng.platform.AuditLog.AuditPage;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.Table;
import io.shizheng.platform.internal.AuditCriteria.AuditQuery;
import io.shizheng.platform.internal.AuditCriteria.InvalidAuditFilter;
import io.shizheng.platform.internal.AuditCriteria.Problem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The filtered audit entries (all pages, newest first) as a {@link Table} for ODS, XLSX or CSV. */
@Component
class AuditExport {

    /** One export holds at most this many rows; a wider filter is refused rather than cut short silently. */
    static final int MAX_ROWS = 50_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final List<String> COLUMNS = List.of("id", "date", "time", "roc", "user", "agency", "action",
            "entityType", "entityId", "before", "after", "demo");

    private final AuditLog audit;
    private final RocDate roc;
    private final MessageSource messages;

    AuditExport(AuditLog audit, RocDate roc, MessageSource messages) {
        this.audit = audit;
        this.roc = roc;
        this.messages = messages;
    }

    Table table(AuditQuery query, Locale locale) {
        AuditPage all = audit.search(query.filter(), 0, MAX_ROWS);
        if (all.total() > MAX_ROWS) {
            throw new InvalidAuditFilter(List.of(new Problem("export", "audit.error.tooMany", all.total(), MAX_ROWS)));
        }
        List<String> headings = COLUMNS.stream().map(c -> messages.getMessage("audit.col." + c, null, locale)).toList();
        String yes = messages.getMessage("common.yes", null, locale);
        String no = messages.getMessage("common.no", null, locale);
        List<List<Object>> rows = new ArrayList<>(all.entries().size());
        for (AuditEntry e : all.entries()) {
            LocalDateTime local = LocalDateTime.ofInstant(e.at(), RocDate.TAIPEI);
            List<Object> row = new ArrayList<>(COLUMNS.size());
            row.add(e.id());
            row.add(local.toLocalDate());
            row.add(TIME.format(local));
            row.add(roc.dateTime(e.at()));
            row.add(e.username());
            row.add(e.agencyId());
            row.add(e.action().name());
            row.add(e.entityType());
            row.add(e.entityId());
            row.add(e.before());
            row.add(e.after());
            row.add(e.demo() ? yes : no);
            rows.add(row);
        }
        return new Table(messages.getMessage("audit.title", null, locale), headings, rows);
    }
}
