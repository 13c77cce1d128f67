package io.shizheng.platform.internal;

import java.time.LocalDate;
import java.time.Year;

import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.RocDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class CalendarPage {

    private final CalendarAdmin admin;

    CalendarPage(CalendarAdmin admin) {
        this.admin = admin;
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        CalendarAdmin.requireKeeper();
        int y = year == null ? Year.now(RocDate.TAIPEI).getValue() : year;
        model.addAttribute("summary", admin.summary(y));
        model.addAttribute("year", y);
        return "platform/calendar";
    }

    @PostMapping("/admin/calendar")
    String put(@RequestParam(required = false) String day, @RequestParam(required = false) String kind,
               @RequestParam(required = false) String name, RedirectAttributes redirect) {
        try {
            var saved = admin.put(new CalendarAdmin.DayInput(day, kind, name));
            redirect.addFlashAttribute("ok", "已儲存 " + saved.day() + " " + saved.name()
                    + "；未結案件的期限將自動重新計算 / saved: open deadlines follow by themselves");
            return "redirect:/admin/calendar?year=" + saved.day().getYear();
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            redirect.addFlashAttribute("form", new CalendarAdmin.DayInput(day, kind, name));
            return "redirect:/admin/calendar";
        }
    }

    @PostMapping("/admin/calendar/delete")
    String delete(@RequestParam LocalDate day, RedirectAttributes redirect) {
        admin.delete(day);
        redirect.addFlashAttribute("ok", "已刪除 " + day + "；未結案件的期限將自動重新計算 / removed: open deadlines follow by themselves");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }
}
