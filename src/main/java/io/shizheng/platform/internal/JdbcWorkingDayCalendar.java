package io.shizheng.platform.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.shizheng.platform.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Special days from platform_calendar_day, cached per year for a minute so that a change made on another
 * instance is seen soon, and at once on this one.
 */
@Service
class JdbcWorkingDayCalendar implements WorkingDayCalendar {

    private static final long TTL_MILLIS = 60_000;
    private static final int MAX_SPAN = 3660;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Integer, Cached> years = new ConcurrentHashMap<>();

    JdbcWorkingDayCalendar(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Cached(Map<LocalDate, Kind> days, Instant loaded) {
    }

    private Map<LocalDate, Kind> year(int year) {
        Cached c = years.get(year);
        if (c == null || clock.instant().toEpochMilli() - c.loaded().toEpochMilli() > TTL_MILLIS) {
            Map<LocalDate, Kind> days = new HashMap<>();
            jdbc.sql("select day, kind from platform_calendar_day where day >= ? and day < ?")
                    .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                    .query(rs -> {
                        days.put(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)));
                    });
            c = new Cached(days, clock.instant());
            years.put(year, c);
        }
        return c.days();
    }

    void invalidate(int year) {
        years.remove(year);
    }

    @Override
    public boolean isWorkingDay(LocalDate day) {
        Kind special = year(day.getYear()).get(day);
        if (special != null) {
            return special == Kind.MAKEUP_WORKDAY;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    @Override
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must be zero or more");
        }
        LocalDate d = start;
        int counted = 0;
        int guard = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                counted++;
            }
            if (++guard > MAX_SPAN) {
                throw new IllegalStateException("no working days found after " + start);
            }
        }
        return d;
    }

    @Override
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public LocalDate nextWorkingDay(LocalDate day) {
        LocalDate d = day;
        int guard = 0;
        while (!isWorkingDay(d)) {
            d = d.plusDays(1);
            if (++guard > MAX_SPAN) {
                throw new IllegalStateException("no working day after " + day);
            }
        }
        return d;
    }

    @Override
    public List<SpecialDay> specialDays(LocalDate from, LocalDate to) {
        return jdbc.sql("select day, kind, name from platform_calendar_day where day >= ? and day <= ? order by day")
                .params(from, to)
                .query((rs, n) -> new SpecialDay(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
    }
}
