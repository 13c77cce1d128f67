package io.shizheng.callcenter.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.callcenter.ServiceLevel;
import io.shizheng.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/callcenter")
@Tag(name = "Call centre", description = "1999 話務：通話紀錄匯入、服務水準、人力排班 / 1999 call records, service level, staffing")
class CallCenterApi {

    private final CallImporter importer;
    private final CallImports imports;
    private final CallStatistics stats;
    private final StaffingPlanner staffing;
    private final CallCenterRules rules;
    private final Clock clock;
    private final JsonMapper json;

    CallCenterApi(CallImporter importer, CallImports imports, CallStatistics stats, StaffingPlanner staffing,
                  CallCenterRules rules, Clock clock, JsonMapper json) {
        this.importer = importer;
        this.imports = imports;
        this.stats = stats;
        this.staffing = staffing;
        this.rules = rules;
        this.clock = clock;
        this.json = json;
    }

    record Report(LocalDate from, LocalDate to, String by, String queue, String language, int answerSeconds,
                  int shortAbandonSeconds, int satisfiedMinScore, ServiceLevel total, List<ServiceLevel> rows) {
    }

    @GetMapping("/service-level")
    @Operation(summary = "Service level, abandonment, ASA, AHT and satisfaction for a period, grouped",
            description = "by = hour | hour_of_day | day | weekday | month | queue | language | total. Dates are Taipei "
                    + "dates, both included; default: the year to date of the latest data. Hourly rows cover at most 62 days.")
    Report serviceLevel(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                        @RequestParam(defaultValue = "month") String by,
                        @RequestParam(required = false) String queue, @RequestParam(required = false) String language) {
        CallCenterAccess.requireRead();
        CallStatistics.Grouping g = CallStatistics.Grouping.parse(by);
        LocalDate[] range = CallCenterPages.range(from, to, stats, clock);
        return new Report(range[0], range[1], g.name().toLowerCase(), queue, language, rules.answerSeconds(),
                rules.shortAbandonSeconds(), rules.satisfiedMinScore(), stats.total(range[0], range[1], queue, language),
                stats.by(g, range[0], range[1], queue, language));
    }

    @GetMapping("/format")
    @Operation(summary = "The documented CSV columns of a call-detail import")
    Map<String, Object> format() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("header", CallCsvFormat.HEADER);
        m.put("columns", java.util.Arrays.stream(CallCsvFormat.Column.values())
                .map(c -> Map.of("name", c.name, "zh", c.zh, "required", c.required)).toList());
        m.put("times", "2018-03-05 08:01:02 (Taipei time), 2018-03-05T08:01:02+08:00, or with Z; slashes allowed");
        m.put("encoding", "UTF-8 (a byte-order mark is allowed)");
        return m;
    }

    @PostMapping(value = "/imports", consumes = {"text/csv", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import call-detail records (RDEC staff, admin)",
            description = "The CSV file as the request body, streamed: any size. Every row must be good or nothing is "
                    + "stored (422 with each bad row's line number). Records already stored (same call_id) are skipped, "
                    + "so a file imported twice adds nothing the second time.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "the CSV: " + CallCsvFormat.HEADER,
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "text/csv",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))))
    ResponseEntity<CallImporter.ImportResult> importCsv(
            @Parameter(description = "name shown in the import history") @RequestParam(required = false) String fileName,
            HttpServletRequest request) throws IOException {
        CallCenterAccess.requireImport();
        try (InputStream in = request.getInputStream()) {
            CallImporter.ImportResult r = importer.importCsv(in, fileName);
            return ResponseEntity.created(URI.create("/api/callcenter/imports/" + r.id())).body(r);
        }
    }

    @ExceptionHandler(CallImporter.RejectedImport.class)
    ProblemDetail rejected(CallImporter.RejectedImport e) {
        CallImporter.ImportResult r = e.result;
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
                r.rowsBad() + " 列有誤，整個檔案未匯入；請修正後重新匯入 / " + r.rowsBad()
                        + " bad rows: nothing was imported; fix them and import again");
        p.setTitle("匯入被拒 / Import rejected");
        p.setType(URI.create("https://shizheng.io/problems/422"));
        p.setProperty("importId", r.id());
        p.setProperty("rowsRead", r.rowsRead());
        p.setProperty("rowsBad", r.rowsBad());
        p.setProperty("errors", r.errors().stream().map(x -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("line", x.line());
            m.put("field", x.field() == null ? "line " + x.line() : x.field());
            m.put("message", x.message());
            return m;
        }).toList());
        return p;
    }

    @GetMapping("/imports")
    @Operation(summary = "The latest imports, newest first")
    List<CallImports.ImportRow> imports(@RequestParam(defaultValue = "50")
                                       @jakarta.validation.constraints.Min(value = 1, message = "{callcenter.imports.limit}")
                                       @jakarta.validation.constraints.Max(value = 500, message = "{callcenter.imports.limit}") int limit) {
        CallCenterAccess.requireRead();
        return imports.recent(limit).stream().map(CallCenterApi::withoutErrors).toList();
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "One import, with the bad rows of a rejected one")
    Map<String, Object> importDetail(@PathVariable long id) {
        CallCenterAccess.requireRead();
        CallImports.ImportRow r = imports.find(id);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("import", withoutErrors(r));
        m.put("errors", r.errorsJson() == null ? List.of() : json.readTree(r.errorsJson()));
        return m;
    }

    private static CallImports.ImportRow withoutErrors(CallImports.ImportRow r) {
        return new CallImports.ImportRow(r.id(), r.fileName(), r.startedAt(), r.finishedAt(), r.importedBy(), r.status(),
                r.rowsRead(), r.rowsAdded(), r.rowsDuplicate(), r.rowsBad(), r.firstCall(), r.lastCall(), r.demo(), null);
    }

    @GetMapping("/staffing")
    @Operation(summary = "Agents needed per half-hour by Erlang C for a day's forecast, beside actual staffing and service level")
    StaffingPlanner.Day staffing(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        CallCenterAccess.requireRead();
        return staffing.day(date);
    }

    record ErlangRequest(List<Double> calls, Double handlingSeconds, Double targetPercent, Integer answerSeconds,
                         Integer intervalMinutes) {
    }

    @PostMapping("/staffing/erlang")
    @Operation(summary = "Erlang C for your own forecast: agents needed per interval for the service-level target",
            description = "calls: calls per interval (1–96 intervals); handlingSeconds: average handling time; "
                    + "targetPercent (default the configured target) within answerSeconds (default 20); intervalMinutes (default 30).")
    List<StaffingPlanner.Interval> erlang(@RequestBody ErlangRequest body) {
        CallCenterAccess.requireRead();
        return staffing.plan(body.calls(), body.handlingSeconds(), body.targetPercent(), body.answerSeconds(),
                body.intervalMinutes());
    }
}
