package io.shizheng.servicequality.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules RDEC sets for the monthly phone-answering test round (每月實施), settings under
 * {@code shizheng.servicequality.monthly-round.*}: {@code callsPerAgency} test calls for every agency that has phone
 * lines, each to a different line sampled with the weight of its past failures, spread evenly over the working hours
 * ({@code dayStarts}–{@code dayEnds} without the {@code breakStarts}–{@code breakEnds} lunch break) of the month's
 * working days. A bad value stops the start with a message naming the property. The job's schedule is
 * {@code shizheng.servicequality.monthly-round.cron} (daily at 06:30 by default: the month is planned on its first
 * run in the month, later runs find it planned).
 */
@ConfigurationProperties("shizheng.servicequality.monthly-round")
@Validated
record MonthlyRoundRules(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("2") @Min(1) @Max(20) int callsPerAgency,
        @DefaultValue("3") @Min(0) @Max(20) int failedLineWeight,
        @DefaultValue("09:00") @NotNull @Pattern(regexp = TIME, message = MESSAGE) String dayStarts,
        @DefaultValue("12:00") @NotNull @Pattern(regexp = TIME, message = MESSAGE) String breakStarts,
        @DefaultValue("13:30") @NotNull @Pattern(regexp = TIME, message = MESSAGE) String breakEnds,
        @DefaultValue("17:00") @NotNull @Pattern(regexp = TIME, message = MESSAGE) String dayEnds) {

    static final String TIME = "([01][0-9]|2[0-3]):[0-5][0-9]";
    static final String MESSAGE = "時間須為 HH:mm / a time must be HH:mm";

    static MonthlyRoundRules defaults() {
        return new MonthlyRoundRules(true, 2, 3, "09:00", "12:00", "13:30", "17:00");
    }

    @AssertTrue(message = "day-starts < break-starts ≤ break-ends < day-ends 須依序 / the working hours must be in order")
    boolean isInOrder() {
        if (!valid(dayStarts) || !valid(breakStarts) || !valid(breakEnds) || !valid(dayEnds)) {
            return true; // the pattern reports it
        }
        return time(dayStarts).isBefore(time(breakStarts)) && !time(breakEnds).isBefore(time(breakStarts))
                && time(breakEnds).isBefore(time(dayEnds));
    }

    private static boolean valid(String t) {
        return t != null && t.matches(TIME);
    }

    private static LocalTime time(String t) {
        return LocalTime.parse(t);
    }

    /** Minutes of testing time in a working day. */
    int minutesPerDay() {
        return minutes(dayStarts, breakStarts) + minutes(breakEnds, dayEnds);
    }

    private static int minutes(String from, String to) {
        return (int) java.time.Duration.between(time(from), time(to)).toMinutes();
    }

    /** The rules in one line, kept with the round they planned. */
    String summary() {
        return "每機關 %d 通；%s–%s、%s–%s / %d calls per agency, %s–%s and %s–%s on working days"
                .formatted(callsPerAgency, dayStarts, breakStarts, breakEnds, dayEnds, callsPerAgency, dayStarts,
                        breakStarts, breakEnds, dayEnds);
    }

    /** A line that may be tested, with the number of its failed tests in the twelve months before. */
    record Candidate(long lineId, long agencyId, long failures) {
    }

    record PlannedCall(long lineId, long agencyId, LocalDateTime at) {
    }

    /**
     * The month's calls: per agency {@code callsPerAgency} different lines (all of them when it has fewer), sampled
     * by weight (1 plus {@code failedLineWeight} per failure; Efraimidis–Spirakis), then put in a shuffled order on
     * evenly spaced moments of the working time of {@code days}, so that each agency's calls fall on different days
     * and hours. The same seed gives the same plan.
     */
    List<PlannedCall> plan(List<Candidate> lines, List<LocalDate> days, long seed) {
        if (days.isEmpty() || lines.isEmpty()) {
            return List.of();
        }
        Random random = new Random(seed);
        record Keyed(Candidate line, double key) {
        }
        Map<Long, List<Keyed>> byAgency = new LinkedHashMap<>();
        lines.stream().sorted(Comparator.comparingLong(Candidate::agencyId).thenComparingLong(Candidate::lineId))
                .forEach(l -> byAgency.computeIfAbsent(l.agencyId(), k -> new ArrayList<>())
                        .add(new Keyed(l, Math.pow(random.nextDouble(), 1.0 / (1 + failedLineWeight * (double) l.failures())))));
        List<Candidate> chosen = new ArrayList<>();
        for (List<Keyed> agencyLines : byAgency.values()) {
            agencyLines.stream().sorted(Comparator.comparingDouble(Keyed::key).reversed()).limit(callsPerAgency)
                    .forEach(k -> chosen.add(k.line()));
        }
        Collections.shuffle(chosen, random);
        List<LocalDate> sortedDays = days.stream().sorted().toList();
        long perDay = minutesPerDay();
        long total = perDay * sortedDays.size();
        int morning = minutes(dayStarts, breakStarts);
        List<PlannedCall> out = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            long offset = (2L * i + 1) * total / (2L * chosen.size());
            LocalDate day = sortedDays.get((int) (offset / perDay));
            int minute = (int) (offset % perDay);
            LocalTime at = minute < morning ? time(dayStarts).plusMinutes(minute)
                    : time(breakEnds).plusMinutes(minute - morning);
            out.add(new PlannedCall(chosen.get(i).lineId(), chosen.get(i).agencyId(), day.atTime(at)));
        }
        out.sort(Comparator.comparing(PlannedCall::at));
        return out;
    }
}
