package io.shizheng.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Direction;
import io.shizheng.plan.Status;
import org.junit.jupiter.api.Test;

class ScorecardMathTest {

    private static BigDecimal d(String s) { return new BigDecimal(s); }

    private static List<BigDecimal> months(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void higherIsBetterAchievementIsActualOverTarget() {
        assertThat(ScorecardMath.achievement(d("82.6"), d("80"), Direction.HIGHER)).isEqualByComparingTo("103.25");
        assertThat(ScorecardMath.achievement(d("40"), d("50"), Direction.HIGHER)).isEqualByComparingTo("80");
    }

    @Test
    void lowerIsBetterAchievementIsTargetOverActual() {
        // 10 complaints against a ceiling of 8: 80%; 4 against 8: 200%.
        assertThat(ScorecardMath.achievement(d("10"), d("8"), Direction.LOWER)).isEqualByComparingTo("80");
        assertThat(ScorecardMath.achievement(d("4"), d("8"), Direction.LOWER)).isEqualByComparingTo("200");
        assertThat(ScorecardMath.achievement(d("0"), d("8"), Direction.LOWER)).isEqualByComparingTo("100");
    }

    @Test
    void zeroTargetAndMissingActual() {
        assertThat(ScorecardMath.achievement(d("3"), d("0"), Direction.HIGHER)).isEqualByComparingTo("100");
        assertThat(ScorecardMath.achievement(null, d("80"), Direction.HIGHER)).isNull();
    }

    @Test
    void statusBands() {
        assertThat(ScorecardMath.status(d("100"))).isEqualTo(Status.ON_TARGET);
        assertThat(ScorecardMath.status(d("130"))).isEqualTo(Status.ON_TARGET);
        assertThat(ScorecardMath.status(d("99.99"))).isEqualTo(Status.CAUTION);
        assertThat(ScorecardMath.status(d("90"))).isEqualTo(Status.CAUTION);
        assertThat(ScorecardMath.status(d("89.99"))).isEqualTo(Status.BELOW_PLAN);
        assertThat(ScorecardMath.status(null)).isEqualTo(Status.NO_DATA);
    }

    @Test
    void overAchievementIsCappedInTheWeightedScore() {
        // Weight 5 at 150% earns 5 points, not 7.5; weight 3 at 80% earns 2.4.
        BigDecimal points = ScorecardMath.points(d("5"), d("150")).add(ScorecardMath.points(d("3"), d("80")));
        assertThat(points).isEqualByComparingTo("7.4");
        assertThat(ScorecardMath.score(points, d("8"))).isEqualByComparingTo("92.5");
        assertThat(ScorecardMath.points(d("4"), null)).isEqualByComparingTo("0");
    }

    @Test
    void projectionOfSumRunsAtTheMonthlyAverage() {
        // 150 attendances in 3 months: 600 by December.
        assertThat(ScorecardMath.projection(Aggregation.SUM, d("150"), months("40", "50", "60"), 3))
                .isEqualByComparingTo("600");
    }

    @Test
    void projectionOfRatioStaysAndOfLevelKeepsItsGrowth() {
        assertThat(ScorecardMath.projection(Aggregation.RATIO, d("83.4"), months("80", "83.4"), 2))
                .isEqualByComparingTo("83.4");
        // 2M in January, 8M in April: +2M a month, so 24M in December.
        assertThat(ScorecardMath.projection(Aggregation.LEVEL, d("8000000"), months("2000000", null, null, "8000000"), 4))
                .isEqualByComparingTo("24000000");
        assertThat(ScorecardMath.projection(Aggregation.SUM, null, months(), 0)).isNull();
    }

    @Test
    void fullYearProjectionIsTheActual() {
        assertThat(ScorecardMath.projection(Aggregation.SUM, d("604"), months(), 12)).isEqualByComparingTo("604");
    }

    @Test
    void manualActualAddsSumsAndTakesTheLatestRate() {
        assertThat(ScorecardService.manualActual(Aggregation.SUM, months("3", null, "4"))).isEqualByComparingTo("7");
        assertThat(ScorecardService.manualActual(Aggregation.RATIO, months("80", "82", null))).isEqualByComparingTo("82");
        assertThat(ScorecardService.manualActual(Aggregation.LEVEL, months(null, null))).isNull();
    }

    @Test
    void roundedNumbersNeverUseExponents() {
        assertThat(ScorecardMath.round(d("100.000")).toString()).isEqualTo("100");
        assertThat(ScorecardMath.round(d("34200000")).toString()).isEqualTo("34200000");
    }
}
