package io.shizheng.callcenter.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.RocDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The service-level dashboard, the import page and the staffing page. */
@Controller
class CallCenterPages {

    private final CallStatistics stats;
    private final CallImports imports;
    private final StaffingPlanner staffing;
    private final CallCenterRules rules;
    private final JdbcClient jdbc;
    private final Clock clock;

    CallCenterPages(CallStatistics stats, CallImports imports, StaffingPlanner staffing, CallCenterRules rules,
                    JdbcClient jdbc, Clock clock) {
        this.stats = stats;
        this.imports = imports;
        this.staffing = staffing;
        this.rules = rules;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** [from, to] as asked, or the year of the latest data (Jan 1 to its last day). */
    static LocalDate[] range(LocalDate from, LocalDate to, CallStatistics stats, Clock clock) {
        LocalDate latest = stats.latestDay().orElse(LocalDate.now(clock.withZone(RocDate.TAIPEI)));
        LocalDate t = to != null ? to : from != null && from.getYear() != latest.getYear()
                ? LocalDate.of(from.getYear(), 12, 31) : latest;
        LocalDate f = from != null ? from : LocalDate.of(t.getYear(), 1, 1);
        if (t.isBefore(f)) {
            throw new InvalidInputException("to", "迄日早於起日 / 'to' is before 'from'");
        }
        return new LocalDate[] {f, t};
    }

    private boolean demoData() {
        return jdbc.sql("select exists (select 1 from callcenter_import where demo)").query(Boolean.class).single();
    }

    private void common(Model model) {
        model.addAttribute("rules", rules);
        model.addAttribute("demoCalls", demoData());
        model.addAttribute("mayImport", CallCenterAccess.mayImport(io.shizheng.platform.CurrentUser.get().orElse(null)));
    }

    @GetMapping("/callcenter")
    String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     @RequestParam(required = false) String queue, @RequestParam(required = false) String language,
                     Model model) {
        CallCenterAccess.requireRead();
        LocalDate[] r = range(from, to, stats, clock);
        String q = queue == null || queue.isBlank() ? null : queue;
        String l = language == null || language.isBlank() ? null : language;
        model.addAttribute("from", r[0]);
        model.addAttribute("to", r[1]);
        model.addAttribute("queue", q);
        model.addAttribute("language", l);
        model.addAttribute("queues", stats.values("queue"));
        model.addAttribute("languages", stats.values("language"));
        model.addAttribute("total", stats.total(r[0], r[1], q, l));
        model.addAttribute("byMonth", stats.by(CallStatistics.Grouping.MONTH, r[0], r[1], q, l));
        model.addAttribute("byQueue", stats.by(CallStatistics.Grouping.QUEUE, r[0], r[1], q, l));
        model.addAttribute("byLanguage", stats.by(CallStatistics.Grouping.LANGUAGE, r[0], r[1], q, l));
        model.addAttribute("singleDay", r[0].equals(r[1]));
        common(model);
        return "callcenter/dashboard";
    }

    @GetMapping("/callcenter/import")
    String importPage(Model model) {
        CallCenterAccess.requireRead();
        model.addAttribute("imports", imports.recent(30));
        model.addAttribute("columns", java.util.Arrays.stream(CallCsvFormat.Column.values())
                .map(c -> java.util.Map.of("name", c.name, "zh", c.zh, "required", c.required)).toList());
        model.addAttribute("header", CallCsvFormat.HEADER);
        common(model);
        return "callcenter/import";
    }

    @GetMapping("/callcenter/staffing")
    String staffingPage(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                        @RequestParam(required = false) String calls, @RequestParam(required = false) Double aht,
                        @RequestParam(required = false) Double target, @RequestParam(required = false) Integer answer,
                        Model model) {
        CallCenterAccess.requireRead();
        LocalDate d = date != null ? date : stats.latestDay().orElse(LocalDate.now(clock.withZone(RocDate.TAIPEI)));
        model.addAttribute("date", d);
        model.addAttribute("day", staffing.day(d));
        model.addAttribute("calls", calls);
        model.addAttribute("aht", aht);
        model.addAttribute("target", target == null ? rules.targetPercent() : target);
        model.addAttribute("answer", answer == null ? rules.answerSeconds() : answer);
        if (calls != null && !calls.isBlank()) {
            try {
                List<Double> forecast = new ArrayList<>();
                for (String part : calls.split("[,\\s]+")) {
                    if (!part.isBlank()) {
                        try {
                            forecast.add(Double.parseDouble(part));
                        } catch (NumberFormatException e) {
                            throw new InvalidInputException("calls", "「" + part + "」不是數字 / '" + part + "' is not a number");
                        }
                    }
                }
                model.addAttribute("plan", staffing.plan(forecast, aht, target, answer, 30));
            } catch (InvalidInputException e) {
                model.addAttribute("planErrors", e.problems());
            }
        }
        common(model);
        return "callcenter/staffing";
    }
}
