package io.shizheng.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deadlines on the working-day calendar across the 2018 Lunar New Year and 228 holidays. */
@IntegrationTest
class DeadlinesTest {

    @Autowired
    Deadlines rules;

    @Autowired
    Catalogue catalogue;

    private final Probe deadlines = new Probe();

    /** The rules by type code, as the tests read best. */
    private final class Probe {
        LocalDate replyDue(String type, LocalDate received) {
            return rules.replyDue(catalogue.type(type).orElseThrow(), received);
        }

        LocalDate replyDueCountingReceipt(int days, LocalDate received) {
            return rules.replyDue(new CaseType("X", "x", "x", days, false, 1), received);
        }

        LocalDate reassignBy(String type, LocalDate arrived) {
            return rules.reassignBy(catalogue.type(type).orElseThrow(), arrived);
        }

        LocalDate extended(LocalDate due) {
            return rules.extended(due);
        }
    }

    @Test
    void aPetitionReceivedBeforeLunarNewYearIsDueAfterTheHolidaysAnd228() {
        // Wed 14 Feb 2018; 15–20 Feb Lunar New Year off, 28 Feb Peace Memorial Day off:
        // day 1..6 = 21, 22, 23, 26, 27 Feb, 1 Mar
        assertThat(deadlines.replyDue("PETITION", LocalDate.of(2018, 2, 14))).isEqualTo(LocalDate.of(2018, 3, 1));
    }

    @Test
    void countingStartsOnTheNextWorkingDayAfterAFridayOrAHoliday() {
        // Fri 9 Feb: 12, 13, 14, 21, 22, 23
        assertThat(deadlines.replyDue("PETITION", LocalDate.of(2018, 2, 9))).isEqualTo(LocalDate.of(2018, 2, 23));
        // received on Sat 17 Feb (inside the holidays): 21, 22, 23, 26, 27 Feb, 1 Mar
        assertThat(deadlines.replyDue("PETITION", LocalDate.of(2018, 2, 17))).isEqualTo(LocalDate.of(2018, 3, 1));
        // an ordinary week: Mon 5 Mar → 6, 7, 8, 9, 12, 13
        assertThat(deadlines.replyDue("PETITION", LocalDate.of(2018, 3, 5))).isEqualTo(LocalDate.of(2018, 3, 13));
        // 2018 Children's Day and Tomb-Sweeping (4–6 Apr): Tue 3 Apr → 9, 10, 11, 12, 13, 16
        assertThat(deadlines.replyDue("PETITION", LocalDate.of(2018, 4, 3))).isEqualTo(LocalDate.of(2018, 4, 16));
    }

    @Test
    void aTypeThatCountsTheDayOfReceiptEndsOneWorkingDayEarlier() {
        // 14 Feb is day 1, then 21, 22, 23, 26, 27
        assertThat(deadlines.replyDueCountingReceipt(6, LocalDate.of(2018, 2, 14))).isEqualTo(LocalDate.of(2018, 2, 27));
        // received on a holiday: the first working day after it is day 1 either way
        assertThat(deadlines.replyDueCountingReceipt(6, LocalDate.of(2018, 2, 17))).isEqualTo(LocalDate.of(2018, 3, 1));
    }

    @Test
    void reassignmentIsDueTheNextWorkingDayAndTheExtensionAddsSixWorkingDays() {
        assertThat(deadlines.reassignBy("PETITION", LocalDate.of(2018, 2, 14))).isEqualTo(LocalDate.of(2018, 2, 21));
        assertThat(deadlines.reassignBy("PETITION", LocalDate.of(2018, 2, 27))).isEqualTo(LocalDate.of(2018, 3, 1));
        assertThat(deadlines.extended(LocalDate.of(2018, 3, 1))).isEqualTo(LocalDate.of(2018, 3, 9));
    }

    @Test
    void anEnquiryIsDueTheSameWorkingDay() {
        assertThat(deadlines.replyDue("ENQUIRY", LocalDate.of(2018, 2, 14))).isEqualTo(LocalDate.of(2018, 2, 14));
        assertThat(deadlines.replyDue("ENQUIRY", LocalDate.of(2018, 2, 16))).isEqualTo(LocalDate.of(2018, 2, 21));
    }
}
