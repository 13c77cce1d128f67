package io.shizheng.plan;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The live scorecard of a plan year, through a month: every indicator's actual value, achievement,
 * status, monthly trend, year-end projection and source, and the weighted score per goal and overall.
 * {@code score} is weighted achievement (each indicator capped at 100%) over the full weight, in percent;
 * indicators without data count as zero, and {@code coverage} says how much of the weight has data.
 */
public record Scorecard(int year, int rocYear, @Nullable Integer month, int monthsCovered, String title,
                        @Nullable BigDecimal score, BigDecimal points, BigDecimal weight, BigDecimal coverage,
                        List<GoalScore> goals, Instant computedAt) {

    public record GoalScore(String code, String name, @Nullable String nameEn, BigDecimal weight, @Nullable BigDecimal score,
                            BigDecimal points, List<IndicatorScore> indicators) {
    }

    public record IndicatorScore(String code, String name, @Nullable String nameEn, String measure, String unit,
                                 Direction direction, Aggregation aggregation, BigDecimal weight, BigDecimal target,
                                 @Nullable BigDecimal actual, @Nullable BigDecimal achievement, Status status,
                                 @Nullable BigDecimal projection, Status projectedStatus, String source,
                                 @Nullable Long ownerAgencyId, @Nullable String ownerAgency, List<MonthValue> trend,
                                 @Nullable String evidenceUrl) {
    }

    /** One month's value: in-month for SUM and RATIO, at month end for LEVEL; null when unknown. */
    public record MonthValue(int month, @Nullable BigDecimal value) {
    }

    public List<IndicatorScore> indicators() {
        return goals.stream().flatMap(g -> g.indicators().stream()).toList();
    }
}
