package io.shizheng.servicequality.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.shizheng.org.AgencyScope;
import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of service quality: the overview and the 1999 phone statistics. */
@Controller
@RequestMapping("/servicequality")
class ServiceQualityPages {

    private final PhoneTests tests;
    private final PassRates passRates;
    private final ImprovementNotices notices;
    private final PhoneStatistics stats;
    private final Training training;
    private final AwardCoaching award;
    private final Access access;
    private final PageChoices choices;
    private final Clock clock;

    ServiceQualityPages(PhoneTests tests, PassRates passRates, ImprovementNotices notices, PhoneStatistics stats, Training training, AwardCoaching award, Access access,
                        PageChoices choices, Clock clock) {
        this.tests = tests;
        this.passRates = passRates;
        this.notices = notices;
        this.stats = stats;
        this.training = training;
        this.award = award;
        this.access = access;
        this.choices = choices;
        this.clock = clock;
    }

    // ------------------------------------------------------------ overview

    @GetMapping
    String home(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = access.me();
        int y = choices.year(year);
        AgencyScope scope = access.scope(me);
        PassRates.PassRateTable rates = passRates.of(y, scope);
        model.addAttribute("year", y);
        model.addAttribute("years", choices.years(y));
        model.addAttribute("passRate", rates.cityYear());
        model.addAttribute("attendances", training.attendances(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), scope));
        model.addAttribute("openNotices", notices.notices(scope, "OPEN", null).size());
        model.addAttribute("sessions", training.sessions(y).size());
        model.addAttribute("candidates", award.candidates(y).size());
        model.addAttribute("rounds", tests.rounds(y, scope));
        return "servicequality/home";
    }

    // ------------------------------------------------------------ phone statistics

    @GetMapping("/phone-stats")
    String phoneStats(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month, Model model) {
        ShizhengUser me = access.me();
        List<int[]> months = stats.months();
        int y = year != null ? year : months.isEmpty() ? LocalDate.now(clock).getYear() : months.get(0)[0];
        int m = month != null ? month : months.isEmpty() ? LocalDate.now(clock).getMonthValue() : months.get(0)[1];
        model.addAttribute("year", y);
        model.addAttribute("month", m);
        model.addAttribute("months", months);
        model.addAttribute("line", stats.line());
        model.addAttribute("rows", stats.ranking(y, m, access.scope(me)));
        return "servicequality/phone-stats";
    }

    @PostMapping("/phone-stats")
    String importStats(@RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        try {
            if (file == null || file.isEmpty()) {
                throw new InvalidInputException("file", "請選擇 CSV 檔 / choose a CSV file");
            }
            PhoneStatistics.ImportResult r = stats.importCsv(new String(file.getBytes(), StandardCharsets.UTF_8));
            redirect.addFlashAttribute("ok", "已匯入 " + r.rows() + " 列（" + String.join("、", r.months()) + "），發出改善通知 "
                    + r.notices() + " 件 / imported " + r.rows() + " rows");
            String[] first = r.months().get(0).split("-");
            return "redirect:/servicequality/phone-stats?year=" + first[0] + "&month=" + first[1];
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return "redirect:/servicequality/phone-stats";
        }
    }
}
