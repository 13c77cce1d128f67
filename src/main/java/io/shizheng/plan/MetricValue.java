package io.shizheng.plan;

import java.math.BigDecimal;

import org.springframework.modulith.NamedInterface;
import org.jspecify.annotations.Nullable;

/**
 * A computed value with what it was computed from: for a ratio, numerator and denominator; for a
 * count, numerator only. {@code evidenceUrl} opens the rows behind it.
 */
@NamedInterface("metrics")
public record MetricValue(BigDecimal value, @Nullable BigDecimal numerator, @Nullable BigDecimal denominator,
                          @Nullable String evidenceUrl) {

    /** The ratio in percent, or null when the denominator is zero (nothing to measure). */
    public static @Nullable MetricValue ratioPercent(long numerator, long denominator, @Nullable String evidenceUrl) {
        if (denominator == 0) {
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 2,
                java.math.RoundingMode.HALF_UP);
        value = value.stripTrailingZeros();
        if (value.scale() < 0) {
            value = value.setScale(0);
        }
        return new MetricValue(value, BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator),
                evidenceUrl);
    }

    public static MetricValue count(long count, @Nullable String evidenceUrl) {
        return new MetricValue(BigDecimal.valueOf(count), BigDecimal.valueOf(count), null, evidenceUrl);
    }
}
