package io.shizheng.servicequality.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import io.shizheng.platform.FormProblems;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static io.shizheng.servicequality.internal.FormValues.decimal;
import static io.shizheng.servicequality.internal.FormValues.integer;
import static io.shizheng.servicequality.internal.FormValues.trim;

/** Pages of service training: courses, sessions, registrations, check-in by QR code, certificates. */
@Controller
@RequestMapping("/servicequality")
class TrainingPages {

    private final Training training;
    private final Access access;
    private final PageChoices choices;

    TrainingPages(Training training, Access access, PageChoices choices) {
        this.training = training;
        this.access = access;
        this.choices = choices;
    }

    // ------------------------------------------------------------ training

    @GetMapping("/training")
    String training(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = access.me();
        int y = choices.year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", choices.years(y));
        model.addAttribute("sessions", training.sessions(y));
        model.addAttribute("courses", training.courses());
        model.addAttribute("categories", Training.CATEGORIES.stream().sorted().toList());
        model.addAttribute("attendances", training.attendances(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31),
                access.scope(me)));
        model.addAttribute("byAgency", training.byAgency(y, access.scope(me)));
        return "servicequality/training";
    }

    @PostMapping("/training/courses")
    String addCourse(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            training.addCourse(new Training.CourseInput(trim(f.get("code")), f.get("name"), f.get("nameEn"), f.get("category"),
                    decimal("hours", f.get("hours"))));
            redirect.addFlashAttribute("ok", "已新增課程 / course added");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/training";
    }

    @PostMapping("/training/sessions")
    String addSession(@RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            LocalDateTime starts;
            try {
                starts = f.get("startsAt") == null || f.get("startsAt").isBlank() ? null : LocalDateTime.parse(f.get("startsAt"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("startsAt", "時間格式須為 yyyy-MM-ddTHH:mm / malformed time");
            }
            Training.Session s = training.addSession(new Training.SessionInput(f.get("courseId") == null ? null
                    : (long) integer("courseId", f.get("courseId")), starts, f.get("place"), integer("capacity", f.get("capacity"))));
            redirect.addFlashAttribute("ok", "已新增場次 / session added");
            return "redirect:/servicequality/training/sessions/" + s.id();
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
            return "redirect:/servicequality/training";
        }
    }

    @GetMapping("/training/sessions/{id}")
    String session(@PathVariable long id, Model model) {
        ShizhengUser me = access.me();
        model.addAttribute("ts", training.session(id));
        model.addAttribute("registrations", training.registrations(id, access.scope(me)));
        model.addAttribute("agencies", choices.agencies(me));
        return "servicequality/session";
    }

    @PostMapping("/training/sessions/{id}/registrations")
    String register(@PathVariable long id, @RequestParam Map<String, String> f, RedirectAttributes redirect) {
        try {
            Long agencyId = f.get("agencyId") == null || f.get("agencyId").isBlank() ? null : (long) integer("agencyId", f.get("agencyId"));
            Training.Registration r = training.register(id, new Training.RegistrationInput(agencyId, f.get("personName"), f.get("email")));
            redirect.addFlashAttribute("ok", "已報名：" + r.personName() + " / registered");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/training/sessions/" + id;
    }

    @PostMapping("/training/registrations/{id}/attendance")
    String attend(@PathVariable long id, RedirectAttributes redirect) {
        Training.Registration r = training.registration(id);
        try {
            training.attend(id);
            redirect.addFlashAttribute("ok", r.personName() + " 已報到 / checked in");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/training/sessions/" + r.sessionId();
    }

    /** What the QR code opens: staff at the door confirm the check-in. */
    @GetMapping("/training/check-in")
    String checkInPage(@RequestParam(required = false) String token, Model model) {
        access.requireRdec();
        model.addAttribute("token", token);
        return "servicequality/check-in";
    }

    @PostMapping("/training/check-in")
    String checkIn(@RequestParam(required = false) String token, RedirectAttributes redirect) {
        try {
            Training.Registration r = training.checkInByToken(token);
            redirect.addFlashAttribute("ok", r.personName() + "（" + r.agencyName() + "）已報到 / checked in");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/training/check-in";
    }

    @GetMapping("/training/registrations/{id}/ticket")
    String ticket(@PathVariable long id, HttpServletRequest request, Model model) {
        Training.Registration r = training.registration(id);
        String url = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/servicequality/training/check-in?token=" + r.token();
        model.addAttribute("r", r);
        model.addAttribute("ts", training.session(r.sessionId()));
        model.addAttribute("checkInUrl", url);
        return "servicequality/ticket";
    }

    @GetMapping("/training/registrations/{id}/qr.svg")
    ResponseEntity<String> qr(@PathVariable long id, HttpServletRequest request) {
        Training.Registration r = training.registration(id);
        String url = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort()
                + request.getContextPath() + "/servicequality/training/check-in?token=" + r.token();
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml")).body(QrCode.svg(url));
    }

    @GetMapping("/training/registrations/{id}/certificate")
    String certificate(@PathVariable long id, Model model) {
        Training.Registration r = training.registration(id);
        if (!r.attended()) {
            throw new NotFoundException("尚未報到，無研習證明 / no certificate before attendance");
        }
        model.addAttribute("r", r);
        model.addAttribute("ts", training.session(r.sessionId()));
        model.addAttribute("issuedOn", LocalDate.ofInstant(r.attendedAt(), RocDate.TAIPEI));
        return "servicequality/certificate";
    }
}
