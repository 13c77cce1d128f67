package io.shizheng.plan.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.Scorecard;
import io.shizheng.plan.Status;
import io.shizheng.plan.internal.ManualValueStore.Attachment;
import io.shizheng.plan.internal.ManualValueStore.ManualValue;
import io.shizheng.plan.internal.ManualValueStore.ValueStatus;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scorecard dashboard, the indicator drill-down, the plan pages, manual entry and approval. */
@Controller
class PlanPages {

    private final ScorecardService scorecards;
    private final PlanService plans;
    private final PlanStore store;
    private final IndicatorDetails details;
    private final ManualValueService manual;
    private final ManualValueStore manualStore;
    private final MetricRegistry metrics;
    private final AgencyDirectory agencies;

    PlanPages(ScorecardService scorecards, PlanService plans, PlanStore store, IndicatorDetails details,
              ManualValueService manual, ManualValueStore manualStore, MetricRegistry metrics, AgencyDirectory agencies) {
        this.scorecards = scorecards;
        this.plans = plans;
        this.store = store;
        this.details = details;
        this.manual = manual;
        this.manualStore = manualStore;
        this.metrics = metrics;
        this.agencies = agencies;
    }

    /** The latest plan year that has begun; a city keeps looking at last year's plan until this year's exists. */
    private int defaultYear() {
        int now = Year.now(java.time.ZoneId.of("Asia/Taipei")).getValue();
        return store.years().stream().map(PlanStore.PlanYear::year).filter(y -> y <= now).findFirst()
                .orElseGet(() -> store.years().stream().map(PlanStore.PlanYear::year).findFirst().orElse(now));
    }

    @GetMapping("/")
    String scorecard(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
                     Model model) {
        int y = year == null ? defaultYear() : year;
        Scorecard s = scorecards.compute(y, month);
        Map<Status, Long> counts = new EnumMap<>(Status.class);
        for (Status st : Status.values()) {
            counts.put(st, s.indicators().stream().filter(i -> i.status() == st).count());
        }
        model.addAttribute("s", s);
        model.addAttribute("counts", counts);
        model.addAttribute("years", store.years());
        model.addAttribute("month", month);
        return "plan/scorecard";
    }

    @GetMapping("/plan/{year:[0-9]+}")
    String plan(@PathVariable int year, Model model) {
        PlanDocument doc = plans.get(year);
        model.addAttribute("plan", doc);
        model.addAttribute("agencyNames", agencyNames());
        return "plan/plan";
    }

    @GetMapping("/plan/{year:[0-9]+}/indicators/{code}")
    String indicator(@PathVariable int year, @PathVariable String code, @RequestParam(required = false) Integer month,
                     Model model) {
        PlanDocument.Indicator indicator = details.indicator(year, code);
        Scorecard s = scorecards.compute(year, month);
        model.addAttribute("s", s);
        model.addAttribute("i", s.indicators().stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow());
        model.addAttribute("evidence", details.evidence(year, code, month, null));
        model.addAttribute("metric", indicator.metricName() == null ? null : metrics.find(indicator.metricName()).orElse(null));
        ShizhengUser me = CurrentUser.get().orElse(null);
        boolean mayEnter = me != null && ManualValueService.mayEnter(me, indicator);
        model.addAttribute("mayEnter", mayEnter && indicator.manual());
        model.addAttribute("history", mayEnter ? manualStore.forIndicator(year, code) : List.of());
        model.addAttribute("month", month);
        return "plan/indicator";
    }

    /** Evidence of a metric for any period and scope, e.g. the link a MetricValue carries. */
    @GetMapping("/plan/metrics/{name}")
    String metricEvidence(@PathVariable String name, @RequestParam LocalDate from, @RequestParam LocalDate to,
                          @RequestParam(required = false) Long agency, Model model) {
        var metric = metrics.find(name).orElseThrow(() -> new NotFoundException("沒有系統指標 " + name + " / no such metric"));
        MetricQuery q = new MetricQuery(from, to, agency);
        model.addAttribute("metric", metric);
        model.addAttribute("query", q);
        model.addAttribute("value", metric.compute(q));
        model.addAttribute("evidence", metric.evidence(q));
        return "plan/metric";
    }

    @GetMapping("/plan/editor")
    String editor(@RequestParam(required = false) Integer year, Model model) {
        PlanService.requirePlanEditor();
        int y = year == null ? defaultYear() : year;
        model.addAttribute("plan", plans.get(y));
        model.addAttribute("years", store.years());
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("metrics", metrics.all());
        return "plan/editor";
    }

    @GetMapping("/plan/values")
    String values(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = CurrentUser.require();
        int y = year == null ? defaultYear() : year;
        PlanDocument doc = plans.get(y);
        List<PlanDocument.Indicator> mine = doc.indicators().stream()
                .filter(i -> i.manual() && ManualValueService.mayEnter(me, i)).toList();
        Map<String, List<ManualValue>> history = new HashMap<>();
        for (PlanDocument.Indicator i : mine) {
            history.put(i.code(), manualStore.forIndicator(y, i.code()));
        }
        model.addAttribute("year", y);
        model.addAttribute("years", store.years());
        model.addAttribute("indicators", mine);
        model.addAttribute("history", history);
        model.addAttribute("agencyNames", agencyNames());
        model.addAttribute("pending", me.cityWide() ? manualStore.byStatus(ValueStatus.PENDING, 200) : List.of());
        return "plan/values";
    }

    @PostMapping("/plan/values")
    String submit(@RequestParam int year, @RequestParam String code, @RequestParam(required = false) String month,
                  @RequestParam(required = false) String value, @RequestParam(required = false) String evidenceNote,
                  @RequestParam(required = false) MultipartFile attachment, RedirectAttributes redirect) throws IOException {
        Attachment file = attachment == null || attachment.isEmpty() ? null
                : new Attachment(attachment.getOriginalFilename(), attachment.getContentType(), attachment.getBytes());
        try {
            manual.submit(year, code, new ManualValueService.Submission(parseInt(month), parseDecimal(value), evidenceNote), file);
            redirect.addFlashAttribute("ok", "已送出 " + code + " " + month + " 月數值，待研考會核定。/ Submitted for RDEC approval.");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            redirect.addFlashAttribute("errorCode", code);
        }
        return "redirect:/plan/values?year=" + year + "#ind-" + code;
    }

    @PostMapping("/plan/values/{id}/review")
    String review(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String note,
                  @RequestParam(required = false) Integer year, RedirectAttributes redirect) {
        try {
            ManualValue v = manual.review(id, "approve".equals(decision), note);
            redirect.addFlashAttribute("ok", ("approve".equals(decision) ? "已核定 " : "已退回 ") + v.indicatorCode()
                    + " " + v.month().getMonthValue() + " 月 / " + decision + "d");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/plan/values" + (year == null ? "" : "?year=" + year);
    }

    @GetMapping("/plan/values/{id}/attachment")
    ResponseEntity<byte[]> attachment(@PathVariable long id) {
        ManualValue v = manual.get(id);
        Attachment a = manualStore.attachment(v.id()).orElseThrow(() -> new NotFoundException("沒有附件 / no attachment"));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(a.name(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(a.contentType() == null ? MediaType.APPLICATION_OCTET_STREAM : MediaType.parseMediaType(a.contentType()))
                .body(a.bytes());
    }

    private Map<Long, String> agencyNames() {
        return agencies.names();
    }

    private static Integer parseInt(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("month", "月份須為 1 至 12 的整數 / month must be a whole number 1 to 12");
        }
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException("value", "數值格式不正確：" + s + " / not a number");
        }
    }
}
