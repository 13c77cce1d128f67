package io.shizheng.servicequality.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static io.shizheng.servicequality.internal.FormValues.date;
import static io.shizheng.servicequality.internal.FormValues.integer;
import static io.shizheng.servicequality.internal.FormValues.trim;

/** Pages of the phone-answering tests: rounds and scoring, tested lines, rubric, notices, pass rates. */
@Controller
@RequestMapping("/servicequality")
class PhoneTestPages {

    private final Rubrics rubrics;
    private final PhoneTests tests;
    private final PassRates passRates;
    private final ImprovementNotices notices;
    private final Access access;
    private final PageChoices choices;
    private final Clock clock;
    private final BigDecimal passRateTarget;
    private final MonthlyRounds monthly;

    PhoneTestPages(Rubrics rubrics, PhoneTests tests, PassRates passRates, ImprovementNotices notices, Access access, PageChoices choices, Clock clock,
                   @org.springframework.beans.factory.annotation.Value("${shizheng.servicequality.pass-rate-target:85}")
                   BigDecimal passRateTarget, MonthlyRounds monthly) {
        this.monthly = monthly;
        this.rubrics = rubrics;
        this.tests = tests;
        this.passRates = passRates;
        this.notices = notices;
        this.access = access;
        this.choices = choices;
        this.clock = clock;
        this.passRateTarget = passRateTarget;
    }

    // ------------------------------------------------------------ phone tests

    @GetMapping("/tests")
    String rounds(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = access.me();
        int y = choices.year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", choices.years(y));
        model.addAttribute("rounds", tests.rounds(y, access.scope(me)));
        model.addAttribute("lineCount", tests.lines(access.scope(me)).size());
        model.addAttribute("monthlyRules", monthly.rules());
        return "servicequality/rounds";
    }

    @PostMapping("/tests/rounds")
    String plan(@RequestParam(required = false) String year, @RequestParam(required = false) String month,
                @RequestParam(required = false) String calls, RedirectAttributes redirect) {
        try {
            PhoneTests.Round r = tests.plan(new PhoneTests.RoundInput(integer("year", year), integer("month", month),
                    integer("calls", calls)));
            redirect.addFlashAttribute("ok", "已排定 " + r.title() + "，共 " + r.planned() + " 通 / planned");
            return "redirect:/servicequality/tests/rounds/" + r.id();
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return "redirect:/servicequality/tests" + (year == null ? "" : "?year=" + year.trim());
        }
    }

    @GetMapping("/tests/rounds/{id}")
    String round(@PathVariable long id, Model model) {
        AgencyScope scope = access.scope(access.me());
        model.addAttribute("round", tests.round(id, scope));
        model.addAttribute("calls", tests.calls(id, scope));
        model.addAttribute("times", monthly.times(id));
        model.addAttribute("roundRules", monthly.rulesOf(id));
        return "servicequality/round";
    }

    @GetMapping("/tests/calls/{id}")
    String call(@PathVariable long id, Model model) {
        PhoneTests.Call call = tests.call(id);
        model.addAttribute("call", call);
        model.addAttribute("scores", tests.scores(id));
        model.addAttribute("rubric", rubrics.inForce(call.scheduledOn().getYear()));
        if (!model.containsAttribute("entered")) {
            model.addAttribute("entered", Map.of());
        }
        return "servicequality/call";
    }

    @PostMapping("/tests/calls/{id}")
    String score(@PathVariable long id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Integer> points = new LinkedHashMap<>();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        Map<String, String> entered = new LinkedHashMap<>();
        for (var e : form.entrySet()) {
            if (e.getKey().startsWith("points.")) {
                String code = e.getKey().substring(7);
                entered.put(code, e.getValue());
                if (e.getValue() == null || e.getValue().isBlank()) {
                    continue;
                }
                try {
                    points.put(code, Integer.valueOf(e.getValue().trim()));
                } catch (NumberFormatException ex) {
                    problems.add(new InvalidInputException.FieldProblem(e.getKey(), "分數須為整數 / points must be a whole number"));
                }
            }
        }
        try {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
            LocalDateTime calledAt;
            try {
                calledAt = form.get("calledAt") == null || form.get("calledAt").isBlank() ? null : LocalDateTime.parse(form.get("calledAt"));
            } catch (java.time.format.DateTimeParseException ex) {
                throw new InvalidInputException("calledAt", "時間格式須為 yyyy-MM-ddTHH:mm / malformed time");
            }
            PhoneTests.Call c = tests.score(id, new PhoneTests.ScoreInput(form.get("answerer"), points, form.get("note"), calledAt));
            redirect.addFlashAttribute("ok", "已記錄評分：" + c.total() + " 分" + (Boolean.TRUE.equals(c.passed()) ? "（合格）"
                    : "（不合格，已發改善通知）") + " / scored " + c.total());
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            redirect.addFlashAttribute("entered", entered);
            redirect.addFlashAttribute("answerer", form.get("answerer"));
            redirect.addFlashAttribute("note", form.get("note"));
            redirect.addFlashAttribute("calledAt", form.get("calledAt"));
        }
        return "redirect:/servicequality/tests/calls/" + id;
    }

    @GetMapping("/lines")
    String lines(Model model) {
        ShizhengUser me = access.me();
        model.addAttribute("lines", tests.lines(access.scope(me)));
        model.addAttribute("agencies", choices.agencies(me));
        return "servicequality/lines";
    }

    @PostMapping("/lines")
    String addLine(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            Long agencyId = f.get("agencyId") == null || f.get("agencyId").isBlank() ? null : (long) integer("agencyId", f.get("agencyId"));
            PhoneTests.Line l = tests.addLine(new PhoneTests.LineInput(agencyId, f.get("unitName"), f.get("phone"), f.get("contactEmail")));
            redirect.addFlashAttribute("ok", "已新增受測電話：" + l.unitName() + " " + l.phone() + " / line added");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/lines";
    }

    @GetMapping("/rubric")
    String rubric(@RequestParam(required = false) Integer year, Model model) {
        int y = choices.year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", choices.years(y));
        Rubrics.Rubric r = rubrics.find(y).orElse(null);
        model.addAttribute("own", r != null);
        model.addAttribute("rubric", r != null ? r : rubrics.inForce(y));
        return "servicequality/rubric";
    }

    @PostMapping("/rubric")
    String saveRubric(@RequestParam int year, @RequestParam(required = false) String total,
                      @RequestParam(required = false) String passMark, @RequestParam(name = "code", required = false) List<String> codes,
                      @RequestParam(name = "name", required = false) List<String> names,
                      @RequestParam(name = "nameEn", required = false) List<String> namesEn,
                      @RequestParam(name = "maxPoints", required = false) List<String> maxPoints, RedirectAttributes redirect) {
        try {
            List<Rubrics.Item> items = new ArrayList<>();
            for (int i = 0; codes != null && i < codes.size(); i++) {
                String code = codes.get(i) == null ? "" : codes.get(i).trim().toUpperCase();
                String name = i < names.size() ? names.get(i) : "";
                String pts = i < maxPoints.size() ? maxPoints.get(i) : "";
                if (code.isEmpty() && (name == null || name.isBlank()) && (pts == null || pts.isBlank())) {
                    continue; // an empty spare row
                }
                Integer p = pts == null || pts.isBlank() ? 0 : integer("items[" + i + "].maxPoints", pts);
                items.add(new Rubrics.Item(null, code, name, namesEn != null && i < namesEn.size() ? namesEn.get(i) : null, p));
            }
            rubrics.save(year, new Rubrics.Input(integer("total", total), integer("passMark", passMark), items));
            redirect.addFlashAttribute("ok", "評分表已儲存 / rubric saved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/rubric?year=" + year;
    }

    @GetMapping("/notices")
    String notices(@RequestParam(required = false) String status, Model model) {
        ShizhengUser me = access.me();
        String st = status == null || status.isBlank() ? null : status;
        model.addAttribute("notices", notices.notices(access.scope(me), st, null));
        model.addAttribute("status", st);
        model.addAttribute("today", LocalDate.now(clock));
        return "servicequality/notices";
    }

    @PostMapping("/notices/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        try {
            notices.answer(id, answer);
            redirect.addFlashAttribute("ok", "已回復改善說明 / answered");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/notices#notice-" + id;
    }

    @PostMapping("/notices/{id}/retest")
    String retest(@PathVariable long id, @RequestParam(required = false) String date, RedirectAttributes redirect) {
        try {
            notices.scheduleRetest(id, date("date", date));
            redirect.addFlashAttribute("ok", "已排定複測 / retest scheduled");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/notices#notice-" + id;
    }

    @GetMapping("/pass-rates")
    String passRates(@RequestParam(required = false) Integer year, Model model) {
        int y = choices.year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", choices.years(y));
        model.addAttribute("t", passRates.of(y, access.scope(access.me())));
        model.addAttribute("target", passRateTarget);
        return "servicequality/pass-rates";
    }
}
