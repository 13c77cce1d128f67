package io.shizheng.servicequality.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.platform.TableExporter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/servicequality")
@Tag(name = "Service quality", description = "電話禮貌測試、電話統計、服務訓練、政府服務獎輔導 / phone tests, phone statistics, training, award coaching")
class ServiceQualityApi {

    private final Rubrics rubrics;
    private final PhoneTests tests;
    private final PassRates passRates;
    private final ImprovementNotices notices;
    private final PhoneStatistics stats;
    private final Training training;
    private final AwardCoaching award;
    private final Access access;
    private final TableExporter exporter;

    ServiceQualityApi(Rubrics rubrics, PhoneTests tests, PassRates passRates, ImprovementNotices notices, PhoneStatistics stats, Training training, AwardCoaching award,
                      Access access, TableExporter exporter) {
        this.rubrics = rubrics;
        this.tests = tests;
        this.passRates = passRates;
        this.notices = notices;
        this.stats = stats;
        this.training = training;
        this.award = award;
        this.access = access;
        this.exporter = exporter;
    }

    // ------------------------------------------------------------ rubric, lines, rounds, calls

    @GetMapping("/rubrics/{year}")
    @Operation(summary = "The scoring rubric in force for a year (its own, else the latest earlier one)")
    Rubrics.Rubric rubric(@PathVariable int year) {
        return rubrics.inForce(year);
    }

    @PutMapping("/rubrics/{year}")
    @Operation(summary = "Set a year's rubric (RDEC); items' points must add up to the total")
    Rubrics.Rubric saveRubric(@PathVariable int year, @RequestBody Rubrics.Input body) {
        return rubrics.save(year, body);
    }

    @GetMapping("/lines")
    @Operation(summary = "Phone lines that testers call (agency scope for officers)")
    List<PhoneTests.Line> lines() {
        return tests.lines(access.scope(access.me()));
    }

    @PostMapping("/lines")
    @Operation(summary = "Add a phone line to test (RDEC)")
    ResponseEntity<PhoneTests.Line> addLine(@RequestBody PhoneTests.LineInput body) {
        PhoneTests.Line l = tests.addLine(body);
        return ResponseEntity.created(URI.create("/api/servicequality/lines/" + l.id())).body(l);
    }

    @GetMapping("/rounds")
    @Operation(summary = "Monthly test plans of a year with planned, scored and passed calls")
    List<PhoneTests.Round> rounds(@RequestParam int year) {
        return tests.rounds(year, access.scope(access.me()));
    }

    @PostMapping("/rounds")
    @Operation(summary = "Plan a month (RDEC): weighted random sample of lines over the month's working days")
    ResponseEntity<PhoneTests.Round> plan(@RequestBody PhoneTests.RoundInput body) {
        PhoneTests.Round r = tests.plan(body);
        return ResponseEntity.created(URI.create("/api/servicequality/rounds/" + r.id())).body(r);
    }

    @GetMapping("/rounds/{id}/calls")
    @Operation(summary = "The calls of a round (agency scope for officers)")
    List<PhoneTests.Call> calls(@PathVariable long id) {
        AgencyScope scope = access.scope(access.me());
        tests.round(id, scope);
        return tests.calls(id, scope);
    }

    record CallDetail(PhoneTests.Call call, List<PhoneTests.Score> scores) {
    }

    @GetMapping("/calls/{id}")
    @Operation(summary = "A test call with its item scores")
    CallDetail call(@PathVariable long id) {
        return new CallDetail(tests.call(id), tests.scores(id));
    }

    @PostMapping("/calls/{id}/score")
    @Operation(summary = "Score a call (RDEC tester); under the pass mark raises an improvement notice")
    CallDetail score(@PathVariable long id, @RequestBody PhoneTests.ScoreInput body) {
        tests.score(id, body);
        return call(id);
    }

    // ------------------------------------------------------------ notices and pass rates

    @GetMapping("/notices")
    @Operation(summary = "Improvement notices (agency scope for officers)")
    List<ImprovementNotices.Notice> notices(@RequestParam(required = false) String status, @RequestParam(required = false) Integer year) {
        return notices.notices(access.scope(access.me()), status, year);
    }

    @GetMapping("/notices/{id}")
    ImprovementNotices.Notice notice(@PathVariable long id) {
        return notices.notice(id);
    }

    record Answer(String answer) {
    }

    @PostMapping("/notices/{id}/answer")
    @Operation(summary = "The agency answers a notice with what it has improved")
    ImprovementNotices.Notice answer(@PathVariable long id, @RequestBody Answer body) {
        return notices.answer(id, body.answer());
    }

    record Retest(LocalDate date) {
    }

    @PostMapping("/notices/{id}/retest")
    @Operation(summary = "Schedule a retest of the failed line on a working day (RDEC); closes the notice")
    ImprovementNotices.Notice retest(@PathVariable long id, @RequestBody Retest body) {
        return notices.scheduleRetest(id, body.date());
    }

    @GetMapping("/pass-rates")
    @Operation(summary = "Pass rate per agency and month, and city-wide (or over the officer's scope)")
    PassRates.PassRateTable passRates(@RequestParam int year) {
        return passRates.of(year, access.scope(access.me()));
    }

    @GetMapping("/pass-rates/export")
    @Operation(summary = "Pass rates as ODS, XLSX or CSV")
    ResponseEntity<byte[]> exportPassRates(@RequestParam int year, @RequestParam(defaultValue = "ods") String format)
            throws IOException {
        ExportFormat f = ExportFormat.parse(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(Reports.passRates(passRates(year)), f, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("phone-test-pass-rates-" + year + "." + f.extension()).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    // ------------------------------------------------------------ phone statistics

    @PostMapping("/phone-stats")
    @Operation(summary = "Import the telephone system's monthly CSV (RDEC): the body is the CSV text (text/csv); all rows or none, bad rows listed by line")
    PhoneStatistics.ImportResult importStats(@RequestBody String csv) {
        return stats.importCsv(csv);
    }

    @GetMapping("/phone-stats")
    @Operation(summary = "Agencies and district offices of a month ranked by answer rate, with the city's line")
    Map<String, Object> ranking(@RequestParam int year, @RequestParam int month) {
        List<PhoneStatistics.Ranked> rows = stats.ranking(year, month, access.scope(access.me()));
        return Map.of("year", year, "month", month, "line", stats.line(), "rows", rows);
    }

    @GetMapping("/phone-stats/export")
    @Operation(summary = "A month's answer-rate ranking as ODS, XLSX or CSV")
    ResponseEntity<byte[]> exportRanking(@RequestParam int year, @RequestParam int month,
                                         @RequestParam(defaultValue = "ods") String format) throws IOException {
        ExportFormat f = ExportFormat.parse(format);
        List<PhoneStatistics.Ranked> rows = stats.ranking(year, month, access.scope(access.me()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(Reports.ranking(year, month, stats.line(), rows), f, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("phone-answer-rates-" + year + "-" + month + "." + f.extension()).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }

    // ------------------------------------------------------------ training

    @GetMapping("/training/courses")
    List<Training.Course> courses() {
        return training.courses();
    }

    @PostMapping("/training/courses")
    @Operation(summary = "Add a course (RDEC)")
    ResponseEntity<Training.Course> addCourse(@RequestBody Training.CourseInput body) {
        Training.Course c = training.addCourse(body);
        return ResponseEntity.created(URI.create("/api/servicequality/training/courses/" + c.id())).body(c);
    }

    @GetMapping("/training/sessions")
    @Operation(summary = "Sessions of a year with registered and attended counts")
    List<Training.Session> sessions(@RequestParam int year) {
        return training.sessions(year);
    }

    @PostMapping("/training/sessions")
    @Operation(summary = "Add a session with its capacity (RDEC)")
    ResponseEntity<Training.Session> addSession(@RequestBody Training.SessionInput body) {
        Training.Session s = training.addSession(body);
        return ResponseEntity.created(URI.create("/api/servicequality/training/sessions/" + s.id())).body(s);
    }

    @GetMapping("/training/sessions/{id}/registrations")
    @Operation(summary = "Registrations of a session (agency scope for officers)")
    List<Training.Registration> registrations(@PathVariable long id) {
        training.session(id);
        return training.registrations(id, access.scope(access.me()));
    }

    @PostMapping("/training/sessions/{id}/registrations")
    @Operation(summary = "Register a colleague (officers for their agency; RDEC for any)")
    ResponseEntity<Training.Registration> register(@PathVariable long id, @RequestBody Training.RegistrationInput body) {
        Training.Registration r = training.register(id, body);
        return ResponseEntity.created(URI.create("/api/servicequality/training/registrations/" + r.id())).body(r);
    }

    record CheckIn(String token) {
    }

    @PostMapping("/training/check-in")
    @Operation(summary = "Take attendance at the door by the registration's QR token (RDEC); once only")
    Training.Registration checkIn(@RequestBody CheckIn body) {
        return training.checkInByToken(body.token());
    }

    @PostMapping("/training/registrations/{id}/attendance")
    @Operation(summary = "Take attendance from the list (RDEC); a second check-in is refused")
    Training.Registration attend(@PathVariable long id) {
        return training.attend(id);
    }

    @GetMapping("/training/attendance")
    @Operation(summary = "Attendances in a year (indicator 2.1), over the officer's scope")
    Map<String, Object> attendance(@RequestParam int year) {
        if (year < 2000) {
            throw new InvalidInputException("year", "年度請用西元年 / use the Gregorian year");
        }
        return Map.of("year", year, "attendances", training.attendances(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31),
                access.scope(access.me())));
    }

    // ------------------------------------------------------------ service award

    @GetMapping("/award/candidates")
    @Operation(summary = "Candidates of a year: all for RDEC, coached ones for a coach, own agency for officers")
    List<AwardCoaching.Candidate> candidates(@RequestParam int year) {
        return award.candidates(year);
    }

    @PostMapping("/award/candidates")
    @Operation(summary = "Add a candidate agency with its coach (RDEC)")
    ResponseEntity<AwardCoaching.Candidate> addCandidate(@RequestBody AwardCoaching.CandidateInput body) {
        AwardCoaching.Candidate c = award.add(body);
        return ResponseEntity.created(URI.create("/api/servicequality/award/candidates/" + c.id())).body(c);
    }

    record CandidateDetail(AwardCoaching.Candidate candidate, List<AwardCoaching.Visit> visits,
                           List<AwardCoaching.Assessment> assessment) {
    }

    @GetMapping("/award/candidates/{id}")
    CandidateDetail candidate(@PathVariable long id) {
        return new CandidateDetail(award.candidate(id), award.visits(id), award.assessment(id));
    }

    @PostMapping("/award/candidates/{id}/visits")
    @Operation(summary = "Record a coaching or benchmark-learning visit (the coach or RDEC)")
    AwardCoaching.Visit addVisit(@PathVariable long id, @RequestBody AwardCoaching.VisitInput body) {
        return award.addVisit(id, body);
    }

    @PutMapping("/award/candidates/{id}/assessment")
    @Operation(summary = "The agency's self-assessment against the award's dimensions (0-100 each)")
    List<AwardCoaching.Assessment> assess(@PathVariable long id, @RequestBody List<AwardCoaching.Assessment> body) {
        return award.selfAssess(id, body);
    }

    @PostMapping("/award/candidates/{id}/result")
    @Operation(summary = "Record the status and result (RDEC)")
    AwardCoaching.Candidate result(@PathVariable long id, @RequestBody AwardCoaching.ResultInput body) {
        return award.setResult(id, body);
    }
}
