package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.shizheng.projects.Light;
import org.junit.jupiter.api.Test;

/** The default thresholds at their boundaries: lag 5 / 10 points, execution 80 %, milestones 2 months late. */
class WarningRulesTest {

    private final WarningRules rules = WarningRules.defaults();
    private static final LocalDate AS_OF = LocalDate.of(2018, 6, 30);

    private Light light(String planned, String actual, String spending, String allocation, List<WarningRules.Milestone> ms,
                        String ahead) {
        return rules.assess(new WarningRules.Facts(new BigDecimal(planned), new BigDecimal(actual), new BigDecimal(spending),
                new BigDecimal(allocation), ms, AS_OF, ahead == null ? null : new BigDecimal(ahead))).light();
    }

    private Light lag(String planned, String actual) {
        return light(planned, actual, "100", "100", List.of(), null);
    }

    @Test
    void lagBoundaries() {
        assertThat(lag("50", "45.01")).isEqualTo(Light.GREEN);   // 4.99 points behind
        assertThat(lag("50", "45")).isEqualTo(Light.YELLOW);     // exactly 5
        assertThat(lag("50", "40.01")).isEqualTo(Light.YELLOW);  // 9.99
        assertThat(lag("50", "40")).isEqualTo(Light.RED);        // exactly 10
        assertThat(lag("50", "60")).isEqualTo(Light.GREEN);      // ahead of plan
    }

    @Test
    void executionBoundary() {
        assertThat(light("50", "50", "80", "100", List.of(), null)).isEqualTo(Light.GREEN);     // exactly 80 %
        assertThat(light("50", "50", "79.9", "100", List.of(), null)).isEqualTo(Light.YELLOW);  // under 80 %
        assertThat(light("50", "50", "0", "0", List.of(), null)).isEqualTo(Light.GREEN);        // nothing allocated yet
    }

    @Test
    void missedMilestones() {
        var fresh = new WarningRules.Milestone("決標", AS_OF.minusMonths(2), null);           // exactly 2 months late
        var old = new WarningRules.Milestone("決標", AS_OF.minusMonths(2).minusDays(1), null); // older than 2 months
        var reached = new WarningRules.Milestone("決標", AS_OF.minusMonths(5), AS_OF.minusMonths(4));
        var future = new WarningRules.Milestone("完工", AS_OF.plusDays(1), null);
        assertThat(light("50", "50", "100", "100", List.of(fresh), null)).isEqualTo(Light.YELLOW);
        assertThat(light("50", "50", "100", "100", List.of(old), null)).isEqualTo(Light.RED);
        assertThat(light("50", "50", "100", "100", List.of(reached, future), null)).isEqualTo(Light.GREEN);
    }

    @Test
    void steepCurveAheadWarnsOnlyWhenAlreadyTwoPointsBehind() {
        assertThat(light("30", "28", "100", "100", List.of(), "50")).isEqualTo(Light.YELLOW);   // +20 ahead, 2 behind
        assertThat(light("30", "28", "100", "100", List.of(), "49.9")).isEqualTo(Light.GREEN);  // +19.9 ahead
        assertThat(light("30", "28.1", "100", "100", List.of(), "60")).isEqualTo(Light.GREEN);  // 1.9 behind
    }

    @Test
    void redWinsAndEveryReasonIsGiven() {
        var a = rules.assess(new WarningRules.Facts(new BigDecimal("60"), new BigDecimal("45"), new BigDecimal("50"),
                new BigDecimal("100"), List.of(), AS_OF, null));
        assertThat(a.light()).isEqualTo(Light.RED);
        assertThat(a.lag()).isEqualByComparingTo("15");
        assertThat(a.executionRate()).isEqualByComparingTo("50");
        assertThat(a.reasons()).hasSize(2);
    }

    @Test
    void onTimeUsesTheDueDate() {
        LocalDate planned = LocalDate.of(2018, 6, 30);
        LocalDate revised = LocalDate.of(2018, 9, 30);
        assertThat(OnTime.onTime(planned, planned)).isTrue();
        assertThat(OnTime.onTime(planned.plusDays(1), planned)).isFalse();
        assertThat(OnTime.onTime(LocalDate.of(2018, 8, 15), revised)).isTrue();
        assertThat(OnTime.onTime(null, revised)).isFalse();
    }
}
