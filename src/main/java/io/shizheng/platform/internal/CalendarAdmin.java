package io.shizheng.platform.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.WorkingDayCalendar;
import io.shizheng.platform.WorkingDayCalendar.Kind;
import io.shizheng.platform.WorkingDayCalendar.SpecialDay;
import io.shizheng.platform.WorkingDaysChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administrators keep the special days: holidays, typhoon days, make-up working Saturdays. */
@Service
class CalendarAdmin {

    private final JdbcClient jdbc;
    private final JdbcWorkingDayCalendar calendar;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    CalendarAdmin(JdbcClient jdbc, JdbcWorkingDayCalendar calendar, AuditLog audit, ApplicationEventPublisher events,
                  java.time.Clock clock) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    record DayInput(String day, String kind, String name) implements java.io.Serializable {
    }

    static void requireKeeper() {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("只有系統管理者與研考會同仁可維護行事曆 / only administrators and RDEC staff keep the calendar");
        }
    }

    @Transactional
    SpecialDay put(DayInput input) {
        requireKeeper();
        List<FieldProblem> problems = new ArrayList<>();
        LocalDate day = null;
        Kind kind = null;
        try {
            day = LocalDate.parse(input.day() == null ? "" : input.day().trim());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("day", "日期格式須為 YYYY-MM-DD / day must be YYYY-MM-DD"));
        }
        try {
            kind = Kind.valueOf(input.kind() == null ? "" : input.kind().trim());
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("kind", "種類須為 HOLIDAY、TYPHOON 或 MAKEUP_WORKDAY / kind must be HOLIDAY, TYPHOON or MAKEUP_WORKDAY"));
        }
        if (input.name() == null || input.name().isBlank() || input.name().length() > 100) {
            problems.add(new FieldProblem("name", "請填名稱（100 字內）/ name is required (up to 100 characters)"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        SpecialDay before = find(day);
        SpecialDay after = new SpecialDay(day, kind, input.name().trim());
        jdbc.sql("""
                insert into platform_calendar_day(day, kind, name) values (?, ?, ?)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name, updated_at = now()""")
                .params(day, kind.name(), after.name()).update();
        audit.record("platform.calendar-day", day, before == null ? AuditAction.CREATE : AuditAction.UPDATE, before, after);
        calendar.invalidate(day.getYear());
        published(day, before, after);
        return after;
    }

    @Transactional
    void delete(LocalDate day) {
        requireKeeper();
        SpecialDay before = find(day);
        if (before == null) {
            throw new NotFoundException(day + " 不是特別日 / " + day + " is not a special day");
        }
        jdbc.sql("delete from platform_calendar_day where day = ?").param(day).update();
        audit.record("platform.calendar-day", day, AuditAction.DELETE, before, null);
        calendar.invalidate(day.getYear());
        published(day, before, null);
    }

    /** Tells the other modules when a day turned from a working day into a day off or back (a renamed holiday is no news). */
    private void published(LocalDate day, SpecialDay before, SpecialDay after) {
        if (working(day, before) != working(day, after)) {
            events.publishEvent(new WorkingDaysChanged(java.util.UUID.randomUUID(), List.of(day), clock.instant()));
        }
    }

    private static boolean working(LocalDate day, SpecialDay special) {
        if (special != null) {
            return special.kind() == Kind.MAKEUP_WORKDAY;
        }
        return day.getDayOfWeek() != java.time.DayOfWeek.SATURDAY && day.getDayOfWeek() != java.time.DayOfWeek.SUNDAY;
    }

    private SpecialDay find(LocalDate day) {
        return calendar.specialDays(day, day).stream().findFirst().orElse(null);
    }

    Map<String, Object> summary(int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return Map.of("year", year, "workingDays", calendar.workingDaysBetween(from.minusDays(1), to),
                "days", calendar.specialDays(from, to));
    }
}
