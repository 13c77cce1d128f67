package io.shizheng.servicequality.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Pages of service quality: tests and scoring, rubric, notices, pass rates, phone statistics, training, award. */
@Controller
@RequestMapping("/servicequality")
class ServiceQualityPages {

    private final Rubrics rubrics;
    private final PhoneTests tests;
    private final PhoneStatistics stats;
    private final Training training;
    private final AwardCoaching award;
    private final Access access;
    private final AgencyDirectory agencies;
    private final Clock clock;
    private final BigDecimal passRateTarget;

    ServiceQualityPages(Rubrics rubrics, PhoneTests tests, PhoneStatistics stats, Training training, AwardCoaching award,
                        Access access, AgencyDirectory agencies, Clock clock,
                        @org.springframework.beans.factory.annotation.Value("${shizheng.servicequality.pass-rate-target:85}")
                        BigDecimal passRateTarget) {
        this.passRateTarget = passRateTarget;
        this.rubrics = rubrics;
        this.tests = tests;
        this.stats = stats;
        this.training = training;
        this.award = award;
        this.access = access;
        this.agencies = agencies;
        this.clock = clock;
    }

    /** The latest year with test rounds, else this year. */
    private int year(Integer year) {
        if (year != null) {
            return year;
        }
        int now = LocalDate.now(clock).getYear();
        return rubrics.years().stream().filter(y -> y <= now).findFirst().orElse(now);
    }

    private List<Integer> years(int around) {
        List<Integer> ys = new ArrayList<>();
        int now = LocalDate.now(clock).getYear();
        for (int y = Math.max(now, around) ; y >= Math.min(2018, around); y--) {
            ys.add(y);
        }
        return ys;
    }

    private List<Agency> scopedAgencies(ShizhengUser me) {
        AgencyScope scope = access.scope(me);
        return agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY && scope.covers(a.id()))
                .toList();
    }

    // ------------------------------------------------------------ overview

    @GetMapping
    String home(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = access.me();
        int y = year(year);
        AgencyScope scope = access.scope(me);
        PhoneTests.PassRateTable rates = tests.passRates(y, scope);
        model.addAttribute("year", y);
        model.addAttribute("years", years(y));
        model.addAttribute("passRate", rates.cityYear());
        model.addAttribute("attendances", training.attendances(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), scope));
        model.addAttribute("openNotices", tests.notices(scope, "OPEN", null).size());
        model.addAttribute("sessions", training.sessions(y).size());
        model.addAttribute("candidates", award.candidates(y).size());
        model.addAttribute("rounds", tests.rounds(y, scope));
        return "servicequality/home";
    }

    // ------------------------------------------------------------ phone tests

    @GetMapping("/tests")
    String rounds(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = access.me();
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years(y));
        model.addAttribute("rounds", tests.rounds(y, access.scope(me)));
        model.addAttribute("lineCount", tests.lines(access.scope(me)).size());
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
        model.addAttribute("agencies", scopedAgencies(me));
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
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years(y));
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
        model.addAttribute("notices", tests.notices(access.scope(me), st, null));
        model.addAttribute("status", st);
        model.addAttribute("today", LocalDate.now(clock));
        return "servicequality/notices";
    }

    @PostMapping("/notices/{id}/answer")
    String answer(@PathVariable long id, @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        try {
            tests.answer(id, answer);
            redirect.addFlashAttribute("ok", "已回復改善說明 / answered");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/notices#notice-" + id;
    }

    @PostMapping("/notices/{id}/retest")
    String retest(@PathVariable long id, @RequestParam(required = false) String date, RedirectAttributes redirect) {
        try {
            tests.scheduleRetest(id, date("date", date));
            redirect.addFlashAttribute("ok", "已排定複測 / retest scheduled");
        } catch (InvalidInputException e) {
            FormProblems.flash(redirect, e);
        }
        return "redirect:/servicequality/notices#notice-" + id;
    }

    @GetMapping("/pass-rates")
    String passRates(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years(y));
        model.addAttribute("t", tests.passRates(y, access.scope(access.me())));
        model.addAttribute("target", passRateTarget);
        return "servicequality/pass-rates";
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

    // ------------------------------------------------------------ training

    @GetMapping("/training")
    String training(@RequestParam(required = false) Integer year, Model model) {
        ShizhengUser me = access.me();
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years(y));
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
        model.addAttribute("agencies", scopedAgencies(me));
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

    // ------------------------------------------------------------ award

    @GetMapping("/award")
    String award(@RequestParam(required = false) Integer year, Model model) {
        int y = year(year);
        model.addAttribute("year", y);
        model.addAttribute("years", years(y));
        model.addAttribute("candidates", award.candidates(y));
        model.addAttribute("categories", AwardCoaching.CATEGORIES);
        model.addAttribute("agencies", scopedAgencies(access.me()));
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

    // ------------------------------------------------------------ helpers

    private static Integer integer(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "須為整數：" + s + " / must be a whole number");
        }
    }

    private static BigDecimal decimal(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "須為數字：" + s + " / must be a number");
        }
    }

    private static LocalDate date(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式須為 yyyy-MM-dd / date must be yyyy-MM-dd");
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim().toUpperCase();
    }
}
