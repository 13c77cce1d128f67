package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;

/** The monthly round's planner: how many calls per agency, which lines, and when. */
class MonthlyRoundRulesTest {

    private static final MonthlyRoundRules RULES = MonthlyRoundRules.defaults();

    /** March 2018's weekdays, the 1st (a Thursday) to the 30th: 22 working days. */
    private static List<LocalDate> workingDays() {
        List<LocalDate> days = new ArrayList<>();
        YearMonth m = YearMonth.of(2018, 3);
        for (LocalDate d = m.atDay(1); !d.isAfter(m.atEndOfMonth()); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /** 20 agencies with 1 to 5 lines each; agency 7's line 701 failed three times. */
    private static List<MonthlyRoundRules.Candidate> lines() {
        List<MonthlyRoundRules.Candidate> lines = new ArrayList<>();
        for (long agency = 1; agency <= 20; agency++) {
            for (long line = 0; line < 1 + agency % 5; line++) {
                long id = agency * 100 + line;
                lines.add(new MonthlyRoundRules.Candidate(id, agency, id == 701 ? 3 : 0));
            }
        }
        return lines;
    }

    @Test
    void eachAgencyGetsItsCallsOnDifferentLines() {
        List<MonthlyRoundRules.PlannedCall> plan = RULES.plan(lines(), workingDays(), 201803);
        Map<Long, List<Long>> byAgency = plan.stream().collect(Collectors.groupingBy(MonthlyRoundRules.PlannedCall::agencyId,
                Collectors.mapping(MonthlyRoundRules.PlannedCall::lineId, Collectors.toList())));
        assertThat(byAgency).hasSize(20);
        byAgency.forEach((agency, calls) -> {
            assertThat(calls).as("agency %d", agency).hasSize((int) Math.min(2, 1 + agency % 5)).doesNotHaveDuplicates();
            assertThat(calls).allMatch(l -> l / 100 == agency);
        });
        assertThat(plan).hasSize(36);
    }

    @Test
    void callsAreSpreadOverTheWorkingHoursOfTheWorkingDays() {
        List<LocalDate> days = workingDays();
        List<MonthlyRoundRules.PlannedCall> plan = RULES.plan(lines(), days, 201803);
        for (MonthlyRoundRules.PlannedCall c : plan) {
            LocalTime t = c.at().toLocalTime();
            assertThat(days).as("%s is a working day", c.at()).contains(c.at().toLocalDate());
            assertThat(t).as("%s within 09:00–17:00", c.at()).isBetween(LocalTime.of(9, 0), LocalTime.of(16, 59));
            assertThat(t.isBefore(LocalTime.of(12, 0)) || !t.isBefore(LocalTime.of(13, 30)))
                    .as("%s is not in the lunch break", c.at()).isTrue();
        }
        Map<LocalDate, Long> perDay = plan.stream().collect(Collectors.groupingBy(c -> c.at().toLocalDate(), Collectors.counting()));
        assertThat(perDay.keySet()).as("36 calls on 22 days: every day has one or two").hasSize(22);
        assertThat(perDay.values()).allMatch(n -> n >= 1 && n <= 2);
        assertThat(plan.stream().map(c -> c.at().getHour()).distinct().count()).as("hours vary").isGreaterThan(4);
        Map<Long, List<LocalDate>> daysOfAgency = plan.stream().collect(Collectors.groupingBy(MonthlyRoundRules.PlannedCall::agencyId,
                Collectors.mapping(c -> c.at().toLocalDate(), Collectors.toList())));
        assertThat(daysOfAgency.values().stream().filter(d -> d.size() == 2 && d.get(0).equals(d.get(1))).count())
                .as("agencies tested twice on one day").isLessThanOrEqualTo(2);
    }

    @Test
    void fewCallsLandOnDifferentDaysAndTheSameSeedGivesTheSamePlan() {
        List<MonthlyRoundRules.Candidate> two = List.of(new MonthlyRoundRules.Candidate(1, 1, 0),
                new MonthlyRoundRules.Candidate(2, 1, 0));
        List<MonthlyRoundRules.PlannedCall> plan = RULES.plan(two, workingDays(), 7);
        assertThat(plan).hasSize(2);
        assertThat(plan.get(0).at().toLocalDate()).isNotEqualTo(plan.get(1).at().toLocalDate());
        assertThat(RULES.plan(lines(), workingDays(), 201803)).isEqualTo(RULES.plan(lines(), workingDays(), 201803));
        assertThat(RULES.plan(lines(), List.of(), 1)).as("no working day left").isEmpty();
    }

    @Test
    void aLineThatFailedIsSampledMoreOften() {
        int failedChosen = 0;
        int otherChosen = 0;
        MonthlyRoundRules one = new MonthlyRoundRules(true, 1, 3, "09:00", "12:00", "13:30", "17:00");
        List<MonthlyRoundRules.Candidate> lines = List.of(new MonthlyRoundRules.Candidate(1, 1, 3),
                new MonthlyRoundRules.Candidate(2, 1, 0));
        for (long seed = 0; seed < 400; seed++) {
            long line = one.plan(lines, workingDays(), seed).get(0).lineId();
            if (line == 1) {
                failedChosen++;
            } else {
                otherChosen++;
            }
        }
        assertThat(failedChosen).as("weight 10 against 1").isGreaterThan(otherChosen * 4);
    }

    @Test
    void hoursOutOfOrderAreRefused() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        assertThat(validator.validate(RULES)).isEmpty();
        assertThat(validator.validate(new MonthlyRoundRules(true, 2, 3, "13:00", "12:00", "13:30", "17:00"))).hasSize(1);
        assertThat(validator.validate(new MonthlyRoundRules(true, 2, 3, "9 am", "12:00", "13:30", "17:00"))).hasSize(1);
        assertThat(validator.validate(new MonthlyRoundRules(true, 0, 3, "09:00", "12:00", "13:30", "17:00"))).hasSize(1);
    }
}
