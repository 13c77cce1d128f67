package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Direction;
import io.shizheng.plan.Status;

/** The arithmetic of the scorecard, free of I/O so that every rule is unit-tested. */
final class ScorecardMath {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final BigDecimal CAUTION_FROM = BigDecimal.valueOf(90);
    private static final MathContext MC = MathContext.DECIMAL64;

    private ScorecardMath() {
    }

    /**
     * Actual against target in percent, respecting direction, not capped (130 means 30% better than target).
     * Null when there is no actual. A zero target is met by any actual on the right side of it.
     */
    static BigDecimal achievement(BigDecimal actual, BigDecimal target, Direction direction) {
        if (actual == null || target == null) {
            return null;
        }
        if (direction == Direction.HIGHER) {
            if (target.signum() == 0) {
                return actual.signum() >= 0 ? HUNDRED : BigDecimal.ZERO;
            }
            return round(actual.multiply(HUNDRED).divide(target, MC));
        }
        if (actual.signum() == 0) {
            return target.signum() >= 0 ? HUNDRED : BigDecimal.ZERO;
        }
        if (target.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return round(target.multiply(HUNDRED).divide(actual, MC));
    }

    static Status status(BigDecimal achievement) {
        if (achievement == null) {
            return Status.NO_DATA;
        }
        if (achievement.compareTo(HUNDRED) >= 0) {
            return Status.ON_TARGET;
        }
        return achievement.compareTo(CAUTION_FROM) >= 0 ? Status.CAUTION : Status.BELOW_PLAN;
    }

    /** Weight times achievement capped at 100%, so over-achievement on one indicator hides no shortfall on another. */
    static BigDecimal points(BigDecimal weight, BigDecimal achievement) {
        if (achievement == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal capped = achievement.min(HUNDRED).max(BigDecimal.ZERO);
        return weight.multiply(capped).divide(HUNDRED, MC);
    }

    /** Points over the full weight, in percent; indicators without data count as zero. */
    static BigDecimal score(BigDecimal points, BigDecimal weight) {
        if (weight.signum() == 0) {
            return null;
        }
        return round(points.multiply(HUNDRED).divide(weight, MC));
    }

    /**
     * The year-end value if the months so far go on as they went: SUM runs at its monthly average;
     * RATIO stays where it is; LEVEL keeps its average monthly growth. {@code monthly} holds one entry per
     * elapsed month (null where unknown); {@code actual} is the period-to-date value.
     */
    static BigDecimal projection(Aggregation aggregation, BigDecimal actual, List<BigDecimal> monthly, int monthsElapsed) {
        if (actual == null || monthsElapsed <= 0) {
            return null;
        }
        if (monthsElapsed >= 12) {
            return round(actual);
        }
        return switch (aggregation) {
            case RATIO -> round(actual);
            case SUM -> round(actual.multiply(BigDecimal.valueOf(12)).divide(BigDecimal.valueOf(monthsElapsed), MC));
            case LEVEL -> levelProjection(actual, monthly, monthsElapsed);
        };
    }

    private static BigDecimal levelProjection(BigDecimal actual, List<BigDecimal> monthly, int monthsElapsed) {
        int first = -1;
        for (int i = 0; i < monthly.size(); i++) {
            if (monthly.get(i) != null) {
                first = i;
                break;
            }
        }
        int lastIndex = monthsElapsed - 1;
        if (first < 0 || first >= lastIndex) {
            return round(actual);
        }
        BigDecimal perMonth = actual.subtract(monthly.get(first)).divide(BigDecimal.valueOf(lastIndex - first), MC);
        return round(actual.add(perMonth.multiply(BigDecimal.valueOf(12 - monthsElapsed))));
    }

    /** Two decimals at most, never in exponent form (100, not 1E+2), so that JSON shows plain numbers. */
    static BigDecimal round(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal r = value.setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }
}
