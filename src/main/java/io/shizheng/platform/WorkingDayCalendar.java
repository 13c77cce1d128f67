package io.shizheng.platform;

import java.time.LocalDate;
import java.util.List;

/**
 * The city's working-day calendar: weekends and national holidays off, make-up working Saturdays on,
 * typhoon days (停班) off. Kept by administrators at /admin/calendar; deadlines in every module use it.
 */
public interface WorkingDayCalendar {

    boolean isWorkingDay(LocalDate day);

    /** The n-th working day after {@code start} (start itself not counted): the deadline rule of 公文 and petitions. */
    LocalDate addWorkingDays(LocalDate start, int n);

    /** Working days in (from, to]: 0 when to is not after from. */
    int workingDaysBetween(LocalDate from, LocalDate to);

    /** The day itself when it is a working day, otherwise the next one. */
    LocalDate nextWorkingDay(LocalDate day);

    /** Days that differ from the plain weekday rule, in a range. */
    List<SpecialDay> specialDays(LocalDate from, LocalDate to);

    enum Kind { HOLIDAY, TYPHOON, MAKEUP_WORKDAY }

    record SpecialDay(LocalDate day, Kind kind, String name) {
    }
}
