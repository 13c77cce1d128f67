package io.shizheng.platform.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.AuditLog.AuditPage;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.Table;
import io.shizheng.platform.TableExporter;
import io.shizheng.platform.internal.AuditCriteria.AuditQuery;
import io.shizheng.platform.internal.AuditCriteria.InvalidAuditFilter;
import io.shizheng.platform.internal.AuditCriteria.Problem;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/** The audit trail for administrators: filter, page through, compare before and after, export. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class AuditBrowser {

    static final String PATH = "/admin/audit";
    private static final List<Integer> SIZES = List.of(25, 50, 100, 200);

    private final AuditLog audit;
    private final AuditExport export;
    private final TableExporter exporter;
    private final MessageSource messages;
    private final JsonMapper json;
    private final RocDate roc;

    AuditBrowser(AuditLog audit, AuditExport export, TableExporter exporter, MessageSource messages, JsonMapper json,
                 RocDate roc) {
        this.audit = audit;
        this.export = export;
        this.exporter = exporter;
        this.messages = messages;
        this.json = json;
        this.roc = roc;
    }

    @GetMapping(PATH)
    String browse(@ModelAttribute("criteria") AuditCriteria criteria, Model model, Locale locale,
                  HttpServletResponse response) {
        AuditQuery query;
        try {
            query = criteria.check();
        } catch (InvalidAuditFilter e) {
            return refused(e, model, locale, response);
        }
        AuditPage page = audit.search(query.filter(), query.page(), query.size());
        model.addAttribute("result", page);
        model.addAttribute("rows", page.entries().stream().map(e -> AuditRow.of(e, json)).toList());
        model.addAttribute("range", range(query, locale));
        if (query.page() > 0) {
            model.addAttribute("prevUrl", link(PATH, criteria, "page", String.valueOf(query.page() - 1)));
        }
        if ((long) (query.page() + 1) * query.size() < page.total()) {
            model.addAttribute("nextUrl", link(PATH, criteria, "page", String.valueOf(query.page() + 1)));
        }
        if (!SIZES.contains(query.size())) {
            // a size typed into the URL stays selected instead of falling back to the first choice
            model.addAttribute("sizes", Stream.concat(SIZES.stream(), Stream.of(query.size()))
                    .sorted().toList());
        }
        Map<String, String> exports = new LinkedHashMap<>();
        for (ExportFormat f : ExportFormat.values()) {
            exports.put(f.name(), link(PATH + "/export", criteria, "format", f.extension()));
        }
        model.addAttribute("exports", exports);
        return common(model);
    }

    @GetMapping(PATH + "/export")
    String export(@ModelAttribute("criteria") AuditCriteria criteria,
                  @RequestParam(name = "format", required = false) String format,
                  Model model, Locale locale, HttpServletResponse response) throws IOException {
        List<Problem> problems = new ArrayList<>();
        AuditQuery query = null;
        try {
            query = criteria.check();
        } catch (InvalidAuditFilter e) {
            problems.addAll(e.problems());
        }
        ExportFormat fmt = format(format, problems);
        Table table;
        try {
            if (!problems.isEmpty()) {
                throw new InvalidAuditFilter(problems);
            }
            table = export.table(query, locale);
        } catch (InvalidAuditFilter e) {
            return refused(e, model, locale, response);
        }
        String filename = "shizheng-audit-" + LocalDate.now(RocDate.TAIPEI) + "." + fmt.extension();
        response.setContentType(fmt.mediaType());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(filename).build().toString());
        exporter.write(table, fmt, response.getOutputStream());
        return null;
    }

    private static ExportFormat format(String text, List<Problem> problems) {
        String t = text == null ? "" : text.trim();
        for (ExportFormat f : ExportFormat.values()) {
            if (f.extension().equalsIgnoreCase(t)) {
                return f;
            }
        }
        problems.add(new Problem("format", "audit.error.format", t));
        return null;
    }

    /** A bad filter: the form again with the person's input and what is wrong with it, and no results. */
    private String refused(InvalidAuditFilter e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("errors", e.problems().stream()
                .map(p -> messages.getMessage(p.code(), p.args(), locale)).toList());
        model.addAttribute("errorFields", e.problems().stream().map(Problem::field).toList());
        return common(model);
    }

    private static String common(Model model) {
        model.addAttribute("actions", AuditAction.values());
        if (!model.containsAttribute("sizes")) {
            model.addAttribute("sizes", SIZES);
        }
        model.addAttribute("defaultSize", AuditCriteria.DEFAULT_SIZE);
        return "platform/audit";
    }

    private String range(AuditQuery q, Locale locale) {
        if (q.fromDate() == null && q.toDate() == null) {
            return null;
        }
        String open = messages.getMessage("audit.range.open", null, locale);
        return messages.getMessage("audit.range", new Object[] {
                q.fromDate() == null ? open : roc.date(q.fromDate()),
                q.toDate() == null ? open : roc.date(q.toDate())}, locale);
    }

    /** A context-relative link that keeps the current filters and sets one more parameter. */
    static String link(String path, AuditCriteria c, String name, String value) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
        add(b, "username", c.username());
        add(b, "entityType", c.entityType());
        add(b, "entityId", c.entityId());
        add(b, "agencyId", c.agencyId());
        add(b, "action", c.action());
        add(b, "from", c.from());
        add(b, "to", c.to());
        add(b, "size", c.size());
        add(b, name, value);
        return b.encode().build().toUriString();
    }

    private static void add(UriComponentsBuilder b, String name, String value) {
        if (value != null && !value.isBlank()) {
            b.queryParam(name, value.trim());
        }
    }
}
