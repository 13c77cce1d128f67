package io.shizheng.plan.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Direction;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.Scorecard;
import io.shizheng.plan.internal.ManualValueStore.ManualValue;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.TableExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Plan and scorecard", description = "年度施政計畫與績效指標 / annual plans and the live KPI scorecard")
class PlanApi {

    private final PlanService plans;
    private final PlanStore store;
    private final ScorecardService scorecards;
    private final IndicatorDetails details;
    private final ManualValueService manual;
    private final ManualValueStore manualStore;
    private final MetricRegistry metrics;
    private final TableExporter exporter;

    PlanApi(PlanService plans, PlanStore store, ScorecardService scorecards, IndicatorDetails details,
            ManualValueService manual, ManualValueStore manualStore, MetricRegistry metrics, TableExporter exporter) {
        this.plans = plans;
        this.store = store;
        this.scorecards = scorecards;
        this.details = details;
        this.manual = manual;
        this.manualStore = manualStore;
        this.metrics = metrics;
        this.exporter = exporter;
    }

    @GetMapping("/plans")
    @Operation(summary = "List plan years")
    List<Map<String, Object>> years() {
        return store.years().stream().map(y -> Map.<String, Object>of("year", y.year(), "rocYear", y.year() - 1911,
                "title", y.title(), "weight", y.totalWeight(), "budgetThousand", y.totalBudget(),
                "indicators", y.indicators(), "scorecard", "/api/plans/" + y.year() + "/scorecard")).toList();
    }

    record NewPlan(@jakarta.validation.constraints.NotNull(message = "{plan.new.year.required}") Integer year, Integer copyFrom,
                   String title) {
    }

    @PostMapping("/plans")
    @Operation(summary = "Create a plan year, empty or copied from another year (RDEC staff)")
    ResponseEntity<PlanDocument> create(@jakarta.validation.Valid @RequestBody NewPlan body) {
        PlanDocument doc = plans.create(body.year(), body.copyFrom(), body.title());
        return ResponseEntity.created(URI.create("/api/plans/" + doc.year())).body(doc);
    }

    @GetMapping("/plans/{year}")
    @Operation(summary = "The whole plan: vision, aims, goals with indicators, programs with budgets")
    PlanDocument plan(@PathVariable int year) {
        return plans.get(checkedYear(year));
    }

    @PutMapping("/plans/{year}")
    @Operation(summary = "Replace the plan as a whole (RDEC staff); refused whole when any rule breaks")
    PlanDocument replace(@PathVariable int year, @RequestBody PlanDocument body) {
        return plans.replace(checkedYear(year), body);
    }

    record IndicatorPatch(String name, String nameEn, String measure, String unit, Direction direction,
                          Aggregation aggregation, BigDecimal weight, BigDecimal target, Long ownerAgencyId,
                          String source) {
    }

    @PatchMapping("/plans/{year}/indicators/{code}")
    @Operation(summary = "Change fields of one indicator (RDEC staff); the plan's rules still apply")
    PlanDocument patchIndicator(@PathVariable int year, @PathVariable String code, @RequestBody IndicatorPatch p) {
        PlanDocument doc = plans.get(checkedYear(year));
        doc.indicator(code).orElseThrow(() -> new NotFoundException("沒有指標 " + code + " / no indicator " + code));
        List<PlanDocument.Goal> goals = new ArrayList<>();
        for (PlanDocument.Goal g : doc.goals()) {
            goals.add(new PlanDocument.Goal(g.code(), g.name(), g.nameEn(), g.weight(), g.indicators().stream()
                    .map(i -> !i.code().equals(code) ? i : new PlanDocument.Indicator(i.code(),
                            or(p.name(), i.name()), or(p.nameEn(), i.nameEn()), or(p.measure(), i.measure()),
                            or(p.unit(), i.unit()), or(p.direction(), i.direction()), or(p.aggregation(), i.aggregation()),
                            or(p.weight(), i.weight()), or(p.target(), i.target()), or(p.ownerAgencyId(), i.ownerAgencyId()),
                            or(p.source(), i.source())))
                    .toList()));
        }
        return plans.replace(year, new PlanDocument(doc.year(), doc.title(), doc.vision(), doc.aims(), goals, doc.programs()));
    }

    @GetMapping("/plans/{year}/scorecard")
    @Operation(summary = "The live scorecard for a year (Gregorian), optionally through a month; public")
    Scorecard scorecard(@PathVariable int year, @RequestParam(required = false) Integer month) {
        return scorecards.compute(checkedYear(year), month);
    }

    @GetMapping("/plans/{year}/scorecard/export")
    @Operation(summary = "The scorecard as ODS, XLSX or CSV (UTF-8 with BOM)")
    ResponseEntity<byte[]> export(@PathVariable int year, @RequestParam(defaultValue = "ods") String format,
                                  @RequestParam(required = false) Integer month) throws IOException {
        ExportFormat f = ExportFormat.parse(format);
        Scorecard s = scorecards.compute(checkedYear(year), month);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(ScorecardTable.of(s), f, out);
        String name = "scorecard-" + year + (month == null ? "" : "-" + month) + "." + f.extension();
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    @GetMapping("/plans/{year}/indicators/{code}/series")
    @Operation(summary = "An indicator by month or quarter, city-wide or for one agency (metric indicators)")
    IndicatorDetails.Series series(@PathVariable int year, @PathVariable String code,
                                   @RequestParam(defaultValue = "month") String granularity,
                                   @RequestParam(required = false) Long agency) {
        IndicatorDetails.Granularity g = switch (granularity.toLowerCase()) {
            case "month" -> IndicatorDetails.Granularity.MONTH;
            case "quarter" -> IndicatorDetails.Granularity.QUARTER;
            default -> throw new InvalidInputException("granularity", "須為 month 或 quarter / must be month or quarter");
        };
        return details.series(checkedYear(year), code, g, agency);
    }

    @GetMapping("/plans/{year}/indicators/{code}/evidence")
    @Operation(summary = "The rows behind an indicator's value for the year to date (or through a month)")
    Evidence evidence(@PathVariable int year, @PathVariable String code, @RequestParam(required = false) Integer month,
                      @RequestParam(required = false) Long agency) {
        return details.evidence(checkedYear(year), code, month, agency);
    }

    @GetMapping("/plans/{year}/indicators/{code}/values")
    @Operation(summary = "Manual values of an indicator, all statuses (signed-in users of the owner agency or RDEC)")
    List<ManualValue> values(@PathVariable int year, @PathVariable String code) {
        PlanDocument.Indicator indicator = details.indicator(checkedYear(year), code);
        if (!ManualValueService.mayEnter(CurrentUser.require(), indicator)) {
            throw new ForbiddenException("指標 " + code + " 由其他機關填報 / indicator " + code + " belongs to another agency");
        }
        return manualStore.forIndicator(year, code);
    }

    @PostMapping("/plans/{year}/indicators/{code}/values")
    @Operation(summary = "Enter a month's value of a manual indicator (owner agency); it waits for RDEC approval")
    ResponseEntity<ManualValue> submit(@PathVariable int year, @PathVariable String code,
                                       @RequestBody ManualValueService.Submission body) {
        ManualValue v = manual.submit(checkedYear(year), code, body, null);
        return ResponseEntity.created(URI.create("/api/plans/values/" + v.id())).body(v);
    }

    @GetMapping("/plans/values/{id}")
    ManualValue value(@PathVariable long id) {
        return manual.get(id);
    }

    record Review(@jakarta.validation.constraints.Size(max = 2_000, message = "{plan.review.note.size}") String note) {
    }

    @PostMapping("/plans/values/{id}/approve")
    @Operation(summary = "Approve a manual value (RDEC staff)")
    ManualValue approve(@PathVariable long id, @jakarta.validation.Valid @RequestBody(required = false) Review body) {
        return manual.review(id, true, body == null ? null : body.note());
    }

    @PostMapping("/plans/values/{id}/reject")
    @Operation(summary = "Return a manual value with a reason (RDEC staff)")
    ManualValue reject(@PathVariable long id, @jakarta.validation.Valid @RequestBody Review body) {
        return manual.review(id, false, body.note());
    }

    @GetMapping("/metrics")
    @Operation(summary = "Metrics registered by modules, to bind indicators to (source METRIC:<name>)")
    List<Map<String, String>> metrics() {
        return metrics.all().stream().map(m -> Map.of("name", m.name(), "description", m.description(), "unit", m.unit(),
                "source", "METRIC:" + m.name())).toList();
    }

    /** Plans are kept by Gregorian year; a ROC year (e.g. 107) gets a hint instead of a bare 404. */
    private static int checkedYear(int year) {
        if (year < 1912) {
            if (year > 0 && year < 300) {
                throw new NotFoundException("年度請用西元年：民國 " + year + " 年即 " + (year + 1911)
                        + " / use the Gregorian year: ROC " + year + " is " + (year + 1911));
            }
            throw new NotFoundException("沒有 " + year + " 年度的施政計畫 / no plan for year " + year);
        }
        return year;
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
