package io.shizheng.platform.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;

import io.shizheng.platform.WorkingDayCalendar;
import io.shizheng.platform.WorkingDayCalendar.SpecialDay;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/calendar")
@Tag(name = "Working-day calendar", description = "行事曆：國定假日、颱風停班、補行上班 / holidays, typhoon days, make-up workdays")
class CalendarApi {

    private final CalendarAdmin admin;
    private final WorkingDayCalendar calendar;

    CalendarApi(CalendarAdmin admin, WorkingDayCalendar calendar) {
        this.admin = admin;
        this.calendar = calendar;
    }

    @GetMapping("/{year}")
    @Operation(summary = "Special days of a year and its number of working days")
    Map<String, Object> year(@PathVariable int year) {
        return admin.summary(year);
    }

    @GetMapping("/deadline")
    @Operation(summary = "The n-th working day after a date (the date itself not counted)")
    Map<String, Object> deadline(@RequestParam LocalDate from,
                                 @RequestParam @jakarta.validation.constraints.Min(value = 0, message = "{platform.calendar.workingDays}")
                                 @jakarta.validation.constraints.Max(value = 366, message = "{platform.calendar.workingDays}")
                                 int workingDays) {
        return Map.of("from", from, "workingDays", workingDays, "deadline", calendar.addWorkingDays(from, workingDays));
    }

    @PutMapping("/days/{day}")
    @Operation(summary = "Add or change a special day (administrators and RDEC staff)")
    ResponseEntity<SpecialDay> put(@PathVariable String day, @RequestBody CalendarAdmin.DayInput body) {
        SpecialDay saved = admin.put(new CalendarAdmin.DayInput(day, body.kind(), body.name()));
        return ResponseEntity.created(URI.create("/api/calendar/" + saved.day().getYear())).body(saved);
    }

    @DeleteMapping("/days/{day}")
    @Operation(summary = "Remove a special day (administrators and RDEC staff)")
    ResponseEntity<Void> delete(@PathVariable LocalDate day) {
        admin.delete(day);
        return ResponseEntity.noContent().build();
    }
}
