package io.shizheng.servicequality.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** Pages of service-award coaching: candidates, visits, self-assessment, result. */
@Controller
@RequestMapping("/servicequality")
class AwardPages {

    private final AwardCoaching award;
    private final Access access;
    private final PageChoices choices;
    private final Clock clock;

    AwardPages(AwardCoaching award, Access access, PageChoices choices, Clock clock) {
        this.award = award;
        this.access = access;
        this.choices = choices;
        this.clock = clock;
    }

    // ------------------------------------------------------------ award

    @GetMapping("/award")
    String award(@RequestParam(required = false) Integer year, Model model) {
        int y = choices.year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", choices.years(y));
        model.addAttribute("candidates", award.candidates(y));
        model.addAttribute("categories", AwardCoaching.CATEGORIES);
        model.addAttribute("agencies", choices.agencies(access.me()));
        return "servicequality/award";
    }

    @PostMapping("/award")
    String addCandidate(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        int y = integer("year", f.get("year")) == null ? LocalDate.now(clock).getYear() : integer("year", f.get("year"));
        try {
            AwardCoaching.Candidate c = award.add(new AwardCoaching.CandidateInput(y, f.get("category"),
                    f.get("agencyId") == null || f.get("agencyId").isBlank() ? null : (long) integer("agencyId", f.get("agencyId")),
                    f.get("coach")));
            return "redirect:/servicequality/award/" + c.id();
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return "redirect:/servicequality/award?year=" + y;
        }
    }

    @GetMapping("/award/{id}")
    String candidate(@PathVariable long id, Model model) {
        ShizhengUser me = access.me();
        AwardCoaching.Candidate c = award.candidate(id);
        model.addAttribute("c", c);
        model.addAttribute("visits", award.visits(id));
        model.addAttribute("assessment", award.assessment(id));
        model.addAttribute("categories", AwardCoaching.CATEGORIES);
        model.addAttribute("statuses", AwardCoaching.STATUSES);
        model.addAttribute("mayVisit", me.cityWide() || me.getUsername().equals(c.coach()));
        model.addAttribute("mayAssess", access.covers(me, c.agencyId()));
        return "servicequality/candidate";
    }

    @PostMapping("/award/{id}/visits")
    String addVisit(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            award.addVisit(id, new AwardCoaching.VisitInput(f.get("kind"), date("visitedOn", f.get("visitedOn")), f.get("host"), f.get("notes")));
            redirect.addFlashAttribute("ok", "已記錄訪視 / visit recorded");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/award/" + id;
    }

    @PostMapping("/award/{id}/assessment")
    String assess(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            List<AwardCoaching.Assessment> in = new ArrayList<>();
            for (String dim : AwardCoaching.DIMENSIONS.keySet()) {
                String s = f.get("score." + dim);
                if (s != null && !s.isBlank()) {
                    in.add(new AwardCoaching.Assessment(dim, null, integer("score." + dim, s), f.get("note." + dim)));
                }
            }
            award.selfAssess(id, in);
            redirect.addFlashAttribute("ok", "自評已儲存 / self-assessment saved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/award/" + id;
    }

    @PostMapping("/award/{id}/result")
    String result(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            award.setResult(id, new AwardCoaching.ResultInput(f.get("status"), f.get("result")));
            redirect.addFlashAttribute("ok", "已更新結果 / result saved");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/award/" + id;
    }
}
