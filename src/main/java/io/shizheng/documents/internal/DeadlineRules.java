package io.shizheng.documents.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shizheng.platform.WorkingDayCalendar;
import org.springframework.stereotype.Component;

/**
 * The deadline rules of Taiwan's document handling (文書處理手冊), configurable: 最速件, 速件 and 普通件 get 1, 3
 * and 6 working days counted from the day after receipt; a document with its own deadline follows it, unless it
 * arrived after that deadline, when it counts as 普通件; extensions (at most three, 30 days in total) move the
 * deadline by calendar days, onto the next working day when it lands on a day off.
 */
@Component
class DeadlineRules {

    enum Rule { PRIORITY, SET, LATE_SET }

    record Deadline(Rule rule, Priority counted, LocalDate base, LocalDate deadline) {
    }

    private final WorkingDayCalendar calendar;
    private final int mostUrgentDays;
    private final int urgentDays;
    private final int ordinaryDays;
    private final int maxExtensions;
    private final int maxExtensionDays;

    DeadlineRules(WorkingDayCalendar calendar, DeadlineSettings settings) {
        this.calendar = calendar;
        this.mostUrgentDays = settings.days().mostUrgent();
        this.urgentDays = settings.days().urgent();
        this.ordinaryDays = settings.days().ordinary();
        this.maxExtensions = settings.extensions().maxCount();
        this.maxExtensionDays = settings.extensions().maxDays();
    }

    public int days(Priority p) {
        return switch (p) {
            case MOST_URGENT -> mostUrgentDays;
            case URGENT -> urgentDays;
            case ORDINARY -> ordinaryDays;
        };
    }

    public int maxExtensions() { return maxExtensions; }

    public int maxExtensionDays() { return maxExtensionDays; }

    Deadline compute(LocalDate received, Priority priority, LocalDate setDeadline, int extensionDays) {
        return compute(received, priority, setDeadline, extensionDays, calendar::addWorkingDays);
    }

    /** Whether a closed document met its deadline (closing on the deadline day is on time). */
    static boolean onTime(LocalDate closed, LocalDate deadline) {
        return !closed.isAfter(deadline);
    }

    /** A problem with an extension list, or null when it keeps within the limits. */
    String checkExtensions(List<Integer> extensions) {
        int total = 0;
        for (int d : extensions) {
            if (d <= 0) {
                return "展期日數須為正整數 / an extension must be a positive number of days";
            }
            total += d;
        }
        if (extensions.size() > maxExtensions) {
            return "展期以 %d 次為限 / at most %d extensions".formatted(maxExtensions, maxExtensions);
        }
        if (total > maxExtensionDays) {
            return "展期合計不得超過 %d 日（共 %d 日）/ extensions may total at most %d days (%d given)"
                    .formatted(maxExtensionDays, total, maxExtensionDays, total);
        }
        return null;
    }

    interface WorkingDays {
        LocalDate add(LocalDate start, int n);
    }

    private Deadline compute(LocalDate received, Priority priority, LocalDate setDeadline, int extensionDays,
                             WorkingDays working) {
        Rule rule;
        Priority counted;
        LocalDate base;
        if (setDeadline != null && !setDeadline.isBefore(received)) {
            rule = Rule.SET;
            counted = priority;
            base = setDeadline;
        } else {
            rule = setDeadline == null ? Rule.PRIORITY : Rule.LATE_SET;
            counted = setDeadline == null ? priority : Priority.ORDINARY;
            base = working.add(received, days(counted));
        }
        LocalDate deadline = extensionDays <= 0 ? base : calendar.nextWorkingDay(base.plusDays(extensionDays));
        return new Deadline(rule, counted, base, deadline);
    }

    /**
     * For imports of millions of rows: the same rules on a snapshot of the calendar taken now (one query), so that
     * the arithmetic needs no database while a COPY holds the connection.
     */
    Bulk bulk() {
        return new Bulk();
    }

    final class Bulk {
        private static final LocalDate FIRST = LocalDate.of(2000, 1, 1);
        private final LocalDate last;
        private final Map<LocalDate, WorkingDayCalendar.Kind> special = new HashMap<>();
        private final Map<Long, LocalDate> added = new HashMap<>();
        private final Map<LocalDate, LocalDate> next = new HashMap<>();

        Bulk() {
            last = LocalDate.now().plusYears(3).withDayOfYear(1);
            calendar.specialDays(FIRST, last).forEach(d -> special.put(d.day(), d.kind()));
        }

        boolean isWorkingDay(LocalDate d) {
            if (d.isBefore(FIRST) || !d.isBefore(last)) {
                return calendar.isWorkingDay(d);
            }
            WorkingDayCalendar.Kind k = special.get(d);
            if (k != null) {
                return k == WorkingDayCalendar.Kind.MAKEUP_WORKDAY;
            }
            return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
        }

        private LocalDate add(LocalDate start, int n) {
            LocalDate d = start;
            int counted = 0;
            while (counted < n) {
                d = d.plusDays(1);
                if (isWorkingDay(d)) {
                    counted++;
                }
            }
            return d;
        }

        private LocalDate nextWorking(LocalDate day) {
            LocalDate d = day;
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }

        Deadline compute(LocalDate received, Priority priority, LocalDate setDeadline, int extensionDays) {
            Deadline d = DeadlineRules.this.compute(received, priority, setDeadline, 0,
                    (start, n) -> added.computeIfAbsent(start.toEpochDay() * 64 + n, k -> add(start, n)));
            if (extensionDays <= 0) {
                return d;
            }
            LocalDate moved = next.computeIfAbsent(d.base().plusDays(extensionDays), this::nextWorking);
            return new Deadline(d.rule(), d.counted(), d.base(), moved);
        }
    }

    /** The calculation told step by step, for the document page: which days were counted and which skipped. */
    List<String> explain(LocalDate received, Priority priority, LocalDate setDeadline, List<Integer> extensions) {
        int extensionDays = extensions.stream().mapToInt(Integer::intValue).sum();
        Deadline d = compute(received, priority, setDeadline, extensionDays);
        List<String> steps = new ArrayList<>();
        steps.add("收文日 Received: " + day(received) + "；速別 Priority: " + priority.label());
        switch (d.rule()) {
            case SET -> steps.add("本件訂有限辦日期 " + day(setDeadline)
                    + "，依來文期限辦理，不另計工作天 / the document sets its own deadline and follows it");
            case LATE_SET -> steps.add("來文期限 " + day(setDeadline) + " 早於收文日，改以普通件計 / received after its own deadline: counted as 普通件 (ordinary)");
            case PRIORITY -> { }
        }
        if (d.rule() != Rule.SET) {
            int n = days(d.counted());
            steps.add(d.counted().zh() + " " + n + " 個工作天，自收文次日起算 / " + n
                    + " working days counted from the day after receipt");
            Map<LocalDate, String> names = new HashMap<>();
            calendar.specialDays(received.plusDays(1), d.base()).forEach(s -> names.put(s.day(), s.name()));
            List<String> counted = new ArrayList<>();
            List<String> skipped = new ArrayList<>();
            for (LocalDate x = received.plusDays(1); !x.isAfter(d.base()); x = x.plusDays(1)) {
                if (calendar.isWorkingDay(x)) {
                    counted.add(x + (names.containsKey(x) ? "（" + names.get(x) + "）" : ""));
                } else {
                    skipped.add(x + "（" + names.getOrDefault(x, weekday(x)) + "）");
                }
            }
            steps.add("計入工作天 Counted: " + String.join("、", counted));
            if (!skipped.isEmpty()) {
                steps.add("略過非工作日 Skipped: " + String.join("、", skipped));
            }
            steps.add("原限辦日期 Base deadline: " + day(d.base()));
        }
        if (extensionDays > 0) {
            steps.add("展期 " + extensions.size() + " 次共 " + extensionDays + " 日（" + extensions.stream().map(String::valueOf)
                    .reduce((a, b) -> a + "+" + b).orElse("") + "），" + day(d.base()) + " 加 " + extensionDays + " 日"
                    + (d.deadline().equals(d.base().plusDays(extensionDays)) ? "" : "，遇非工作日順延至次一工作日")
                    + " / extended by " + extensionDays + " days");
        }
        steps.add("限辦日期 Deadline: " + day(d.deadline()));
        return steps;
    }

    private static String day(LocalDate d) {
        return "%d/%02d/%02d (%s %s)".formatted(d.getYear() - 1911, d.getMonthValue(), d.getDayOfMonth(), d,
                weekday(d));
    }

    private static String weekday(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SUNDAY ? "週日" : d.getDayOfWeek() == DayOfWeek.SATURDAY ? "週六"
                : d.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.TRADITIONAL_CHINESE);
    }
}
