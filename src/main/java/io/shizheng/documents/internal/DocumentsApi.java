package io.shizheng.documents.internal;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/documents")
@Tag(name = "Document timeliness", description = "公文時效：匯入、期限、依限結案率、逾期清單與分析、月報 / official-document timeliness")
class DocumentsApi {

    private final DocumentViews views;
    private final DocumentQueries queries;
    private final DocumentService documents;
    private final DocumentImport imports;
    private final DeadlineRules rules;
    private final TimelinessReport report;
    private final AgencyDirectory agencies;
    private final DeadlineRecompute recompute;

    DocumentsApi(DocumentViews views, DocumentQueries queries, DocumentService documents, DocumentImport imports,
                 DeadlineRules rules, TimelinessReport report, AgencyDirectory agencies, DeadlineRecompute recompute) {
        this.recompute = recompute;
        this.views = views;
        this.queries = queries;
        this.documents = documents;
        this.imports = imports;
        this.rules = rules;
        this.report = report;
        this.agencies = agencies;
    }

    @GetMapping("/timeliness")
    @Operation(summary = "On-time closure rate for a year or month, city-wide by agency or for one agency by unit, with the monthly trend")
    DocumentViews.Dashboard timeliness(@RequestParam(defaultValue = "2018") int year, @RequestParam(required = false) Integer month,
                                       @RequestParam(required = false) Long agency, @RequestParam(required = false) String unit) {
        return views.dashboard(year, month, agency, blank(unit));
    }

    @GetMapping("/overdue")
    @Operation(summary = "Open documents past their deadline on a day (today by default), oldest deadline first, with days overdue")
    Map<String, Object> overdue(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Long agency,
                                @RequestParam(required = false) String unit, @RequestParam(defaultValue = "0") int page,
                                @RequestParam(defaultValue = "50") int size) {
        LocalDate day = asOf == null ? views.today() : asOf;
        AgencyScope scope = views.scope(agency);
        int s = Math.max(1, Math.min(size, 500));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", day);
        out.put("total", views.overdueCount(day, scope, blank(unit)));
        out.put("page", Math.max(0, page));
        out.put("size", s);
        // a page past the end is an empty page, whatever its number (page × size may pass the int range)
        out.put("items", views.overdue(day, scope, blank(unit), s, (int) Math.min(Integer.MAX_VALUE, (long) Math.max(0, page) * s)));
        return out;
    }

    @GetMapping("/overdue/export")
    @Operation(summary = "The open overdue list as ODS, XLSX or CSV")
    ResponseEntity<byte[]> overdueExport(@RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) Long agency,
                                         @RequestParam(required = false) String unit, @RequestParam(defaultValue = "ods") String format)
            throws IOException {
        LocalDate day = asOf == null ? views.today() : asOf;
        return views.export(views.overdueTable(day, views.scope(agency), blank(unit)), format, "overdue-" + day);
    }

    @GetMapping("/analysis")
    @Operation(summary = "Documents closed late in a period (groups) and those still open past a deadline in the period (open), each grouped by reason, unit, type and priority")
    Map<String, Object> analysis(@RequestParam LocalDate from, @RequestParam LocalDate to, @RequestParam(required = false) Long agency) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "結束日不可早於開始日 / to must not be before from");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from);
        out.put("to", to);
        out.put("groups", views.analysis(from, to, views.scope(agency)));
        out.put("open", views.openAnalysis(from, to, views.scope(agency)));
        return out;
    }

    @GetMapping("/reports/monthly")
    @Operation(summary = "Monthly timeliness report: city-wide per agency, or for one agency per unit; as JSON or ODS/XLSX/CSV (format=)")
    ResponseEntity<?> monthly(@RequestParam int year, @RequestParam int month, @RequestParam(required = false) Long agency,
                              @RequestParam(required = false) String format) throws IOException {
        DocumentViews.checkMonth(month);
        AgencyScope scope = views.scope(agency);
        TimelinessReport.Report r = report.build(YearMonth.of(year, month), scope);
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return ResponseEntity.ok(r);
        }
        String code = agency == null ? "city" : agencies.find(agency).map(a -> a.code().toLowerCase(Locale.ROOT)).orElse("agency");
        return views.export(report.table(r), format, "documents-timeliness-" + code + "-" + YearMonth.of(year, month));
    }

    @GetMapping
    @Operation(summary = "Find documents by number (exact or prefix) within your scope")
    List<DocumentQueries.Doc> search(@RequestParam String no, @RequestParam(required = false) Long agency) {
        if (no.isBlank()) {
            throw new InvalidInputException("no", "請輸入文號 / give a document number");
        }
        return queries.search(views.scope(agency), no.trim(), 50);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document with its extension log and the deadline calculation explained")
    Map<String, Object> get(@PathVariable long id) {
        DocumentQueries.Doc d = documents.get(id);
        List<DocumentQueries.Extension> ext = queries.extensions(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("document", d);
        out.put("extensions", ext);
        out.put("deadlineExplained", rules.explain(d.received(), d.docPriority(), d.setDeadline(),
                ext.stream().map(DocumentQueries.Extension::days).toList()));
        return out;
    }

    record ExtensionRequest(Integer days, String reason) {
    }

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Grant an extension (at most three, 30 days in total by default): moves the deadline and is logged")
    DocumentQueries.Doc extend(@PathVariable long id, @RequestBody ExtensionRequest body) {
        DocumentViews.writer();
        return documents.grantExtension(id, body.days(), body.reason());
    }

    record ReasonRequest(String reason) {
    }

    @PutMapping("/{id}/overdue-reason")
    @Operation(summary = "Record why a document is or was late (MULTI_UNIT, COMPLEX, STAFFING, AWAITING_PARTY, SYSTEM, OTHER)")
    DocumentQueries.Doc reason(@PathVariable long id, @RequestBody ReasonRequest body) {
        DocumentViews.writer();
        return documents.setOverdueReason(id, body.reason());
    }

    record ProjectControlRequest(@jakarta.validation.constraints.NotNull(message = "{documents.projectControl.required}") Boolean projectControl,
                                 Integer expectedDays) {
    }

    @PutMapping("/{id}/project-control")
    @Operation(summary = "Put work of 30 days or more under project control (it leaves the ordinary count), or take it out")
    DocumentQueries.Doc projectControl(@PathVariable long id, @jakarta.validation.Valid @RequestBody ProjectControlRequest body) {
        DocumentViews.writer();
        return documents.setProjectControl(id, body.projectControl(), body.expectedDays());
    }

    @PostMapping(value = "/import", consumes = "multipart/form-data")
    @Operation(summary = "Import an export of the document management system (CSV or ODS file): all rows or none; every bad row reported by line")
    DocumentImport.Result importFile(@RequestPart("file") MultipartFile file) throws IOException {
        ShizhengUser me = DocumentViews.writer();
        String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            return imports.run(source(name, null, in), sourceName(name, null), name, me);
        }
    }

    @PostMapping(value = "/import", consumes = {"text/csv", "application/vnd.oasis.opendocument.spreadsheet", "application/octet-stream"})
    @Operation(summary = "Import a CSV or ODS export sent as the request body (no size limit of forms; for millions of rows)")
    DocumentImport.Result importBody(HttpServletRequest request, @RequestParam(required = false) String format,
                                     @RequestParam(required = false) String name) throws IOException {
        ShizhengUser me = DocumentViews.writer();
        String fmt = format != null ? format : request.getContentType() != null && request.getContentType().contains("opendocument") ? "ods" : "csv";
        String file = name == null ? "body." + fmt : name;
        try (InputStream in = request.getInputStream()) {
            return imports.run(source(file, fmt, in), sourceName(file, fmt), file, me);
        }
    }

    record PushRecord(String docNo, String agency, String unit, String type, String priority, String subject,
                      String received, String deadline, String closed, List<Integer> extensions, Boolean projectControl,
                      String overdueReason) {
    }

    @PostMapping("/batch")
    @Operation(summary = "Nightly push from the document management system: a JSON array of records, upserted by document number (idempotent); all or nothing")
    DocumentImport.Result push(@RequestBody List<PushRecord> records) {
        ShizhengUser me = DocumentViews.writer();
        if (records == null || records.isEmpty()) {
            throw new InvalidInputException("records", "沒有資料 / no records");
        }
        List<List<String>> rows = new ArrayList<>(records.size());
        for (PushRecord r : records) {
            rows.add(java.util.Arrays.asList(r.docNo(), r.agency(), r.unit(), r.type(), r.priority(), r.subject(), r.received(),
                    r.deadline(), r.closed(), r.extensions() == null ? "" : String.join(";", r.extensions().stream().map(String::valueOf).toList()),
                    r.projectControl() == null ? "" : r.projectControl() ? "Y" : "N", r.overdueReason()));
        }
        return imports.run(RowSource.ofRecords(RecordParser.COLUMNS, rows), "API", "push", me);
    }

    @GetMapping("/imports")
    @Operation(summary = "Recent imports (who, when, rows inserted / updated / unchanged)")
    List<Map<String, Object>> importsDone() {
        ShizhengUser me = CurrentUser.require();
        return queries.imports(views.scope(null), 50);
    }

    @PostMapping("/recompute")
    @Operation(summary = "Recompute deadlines and on-time flags of documents received in a period, after the calendar or the rules changed (RDEC staff)")
    DeadlineRecompute.Result recompute(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        return recompute.run(from, to);
    }

    @GetMapping("/rules")
    @Operation(summary = "The deadline rules in force (working days per priority class, extension limits, target)")
    Map<String, Object> rulesInForce() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Priority p : Priority.values()) {
            out.put(p.name(), rules.days(p));
        }
        out.put("maxExtensions", rules.maxExtensions());
        out.put("maxExtensionDays", rules.maxExtensionDays());
        out.put("projectControlMinDays", documents.projectControlMinDays());
        out.put("targetPercent", report.target());
        return out;
    }

    static RowSource source(String name, String format, InputStream in) {
        String fmt = sourceName(name, format);
        if (fmt.equals("ODS")) {
            return RowSource.ods(in);
        }
        return RowSource.csv(in);
    }

    static String sourceName(String name, String format) {
        if (format != null) {
            String f = format.toUpperCase(Locale.ROOT);
            if (!f.equals("CSV") && !f.equals("ODS")) {
                throw new InvalidInputException("format", "格式須為 csv 或 ods / format must be csv or ods");
            }
            return f;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".ods")) {
            return "ODS";
        }
        if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
            return "CSV";
        }
        throw new InvalidInputException("file", "請上傳 .csv 或 .ods 檔 / upload a .csv or .ods file");
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("查無公文 / no such document " + id);
    }
}
