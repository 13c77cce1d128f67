package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deadline rules on the seeded 2018 calendar: Lunar New Year (15–20 Feb), 228 (28 Feb), the make-up
 * Saturday of 31 March and the Children's Day / Tomb Sweeping break (4–6 April), for every priority class.
 */
@IntegrationTest
class DeadlineRulesTest {

    @Autowired
    DeadlineRules rules;

    private static LocalDate d(String s) { return LocalDate.parse(s); }

    @Test
    void mostUrgentReceivedBeforeLunarNewYearIsDueTheFirstWorkingDayAfterIt() {
        // 15, 16, 19, 20 Feb are holidays, 17-18 a weekend: the next working day after Wed 14 Feb is Wed 21 Feb.
        assertThat(rules.compute(d("2018-02-14"), Priority.MOST_URGENT, null, 0).deadline()).isEqualTo(d("2018-02-21"));
    }

    @Test
    void urgentCountsThreeWorkingDaysAcrossTheHolidays() {
        assertThat(rules.compute(d("2018-02-14"), Priority.URGENT, null, 0).deadline()).isEqualTo(d("2018-02-23"));
    }

    @Test
    void ordinaryCountsSixWorkingDaysSkippingLunarNewYearAndPeaceMemorialDay() {
        // 21, 22, 23, 26, 27 Feb, then 28 Feb is a holiday: the sixth working day is 1 March.
        DeadlineRules.Deadline dl = rules.compute(d("2018-02-14"), Priority.ORDINARY, null, 0);
        assertThat(dl.deadline()).isEqualTo(d("2018-03-01"));
        assertThat(dl.rule()).isEqualTo(DeadlineRules.Rule.PRIORITY);
    }

    @Test
    void theMakeUpSaturdayCountsAsAWorkingDay() {
        // Fri 30 March: Sat 31 March is a make-up working day.
        assertThat(rules.compute(d("2018-03-30"), Priority.MOST_URGENT, null, 0).deadline()).isEqualTo(d("2018-03-31"));
        assertThat(rules.compute(d("2018-03-30"), Priority.URGENT, null, 0).deadline()).isEqualTo(d("2018-04-03"));
        // 31 Mar, 2 Apr, 3 Apr, then 4-6 April off and a weekend: 9, 10, 11 April.
        assertThat(rules.compute(d("2018-03-30"), Priority.ORDINARY, null, 0).deadline()).isEqualTo(d("2018-04-11"));
    }

    @Test
    void receivedOnAWeekendStartsCountingFromTheNextDay() {
        // Received on the make-up Saturday itself: Monday 2 April is the first working day after it.
        assertThat(rules.compute(d("2018-03-31"), Priority.MOST_URGENT, null, 0).deadline()).isEqualTo(d("2018-04-02"));
        assertThat(rules.compute(d("2018-04-07"), Priority.MOST_URGENT, null, 0).deadline()).isEqualTo(d("2018-04-09"));
    }

    @Test
    void aSetDeadlineIsFollowedEvenOnAHolidayAndWhateverThePriority() {
        DeadlineRules.Deadline dl = rules.compute(d("2018-02-12"), Priority.ORDINARY, d("2018-02-16"), 0);
        assertThat(dl.deadline()).isEqualTo(d("2018-02-16"));
        assertThat(dl.rule()).isEqualTo(DeadlineRules.Rule.SET);
        assertThat(rules.compute(d("2018-02-12"), Priority.MOST_URGENT, d("2018-02-26"), 0).deadline()).isEqualTo(d("2018-02-26"));
    }

    @Test
    void aDocumentReceivedAfterItsOwnDeadlineCountsAsOrdinary() {
        // Received Mon 5 March with a deadline of 1 March, marked most urgent: six working days, 6..13 March.
        DeadlineRules.Deadline dl = rules.compute(d("2018-03-05"), Priority.MOST_URGENT, d("2018-03-01"), 0);
        assertThat(dl.rule()).isEqualTo(DeadlineRules.Rule.LATE_SET);
        assertThat(dl.counted()).isEqualTo(Priority.ORDINARY);
        assertThat(dl.deadline()).isEqualTo(d("2018-03-13"));
        // Received on its deadline day is not "after" it: the set deadline holds.
        assertThat(rules.compute(d("2018-03-05"), Priority.URGENT, d("2018-03-05"), 0).deadline()).isEqualTo(d("2018-03-05"));
    }

    @Test
    void extensionsMoveTheDeadlineOntoTheNextWorkingDay() {
        // Urgent from 14 Feb: 23 Feb; +5 days = 28 Feb, a holiday, so 1 March.
        assertThat(rules.compute(d("2018-02-14"), Priority.URGENT, null, 5).deadline()).isEqualTo(d("2018-03-01"));
        DeadlineRules.Deadline dl = rules.compute(d("2018-02-14"), Priority.URGENT, null, 10);
        assertThat(dl.base()).isEqualTo(d("2018-02-23"));
        assertThat(dl.deadline()).isEqualTo(d("2018-03-05"));
    }

    @Test
    void onTimeMeansClosedByTheDeadlineIncludingExtensions() {
        DeadlineRules.Deadline plain = rules.compute(d("2018-02-14"), Priority.URGENT, null, 0);
        assertThat(DeadlineRules.onTime(d("2018-02-23"), plain.deadline())).isTrue();
        assertThat(DeadlineRules.onTime(d("2018-02-26"), plain.deadline())).isFalse();
        DeadlineRules.Deadline extended = rules.compute(d("2018-02-14"), Priority.URGENT, null, 10);
        assertThat(DeadlineRules.onTime(d("2018-02-26"), extended.deadline())).isTrue();
        assertThat(DeadlineRules.onTime(d("2018-03-05"), extended.deadline())).isTrue();
        assertThat(DeadlineRules.onTime(d("2018-03-06"), extended.deadline())).isFalse();
    }

    @Test
    void extensionLimitsAreThreeTimesAndThirtyDays() {
        assertThat(rules.checkExtensions(List.of(10, 10, 10))).isNull();
        assertThat(rules.checkExtensions(List.of(5, 5, 5, 5))).contains("3");
        assertThat(rules.checkExtensions(List.of(20, 11))).contains("30");
        assertThat(rules.checkExtensions(List.of(-3))).contains("positive");
        assertThat(rules.checkExtensions(List.of(0))).contains("positive");
    }

    @Test
    void theExplanationNamesTheHolidaysThatWereSkipped() {
        List<String> steps = rules.explain(d("2018-02-14"), Priority.URGENT, null, List.of(5));
        assertThat(String.join("\n", steps)).contains("農曆除夕").contains("2018-02-21").contains("2018-02-23")
                .contains("2018-03-01").contains("展期 1 次共 5 日");
    }

    @Test
    void bulkArithmeticAgreesWithTheCalendar() {
        DeadlineRules.Bulk bulk = rules.bulk();
        for (LocalDate day = d("2018-01-01"); day.isBefore(d("2018-12-20")); day = day.plusDays(3)) {
            for (Priority p : Priority.values()) {
                assertThat(bulk.compute(day, p, null, 7)).isEqualTo(rules.compute(day, p, null, 7));
            }
        }
    }
}
