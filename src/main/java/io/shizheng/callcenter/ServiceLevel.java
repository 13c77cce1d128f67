package io.shizheng.callcenter;

import org.jspecify.annotations.Nullable;

/**
 * The call-centre figures of one period or group (an hour, a day, a month, a queue, a language).
 * {@code counted} = offered minus calls abandoned before the short-abandon threshold, the base of the service
 * level and the abandonment rate. Percentages and averages are null when their base is zero.
 */
public record ServiceLevel(String key, long offered, long shortAbandoned, long counted, long abandoned, long answered,
                           long answeredInTarget, @Nullable Double serviceLevelPercent,
                           @Nullable Double abandonmentPercent, @Nullable Double averageSpeedOfAnswerSeconds,
                           @Nullable Double averageHandlingSeconds, long surveyAnswers, long surveySatisfied,
                           @Nullable Double satisfactionPercent) {

    /** Builds the derived figures from the raw sums. */
    public static ServiceLevel of(String key, long offered, long shortAbandoned, long abandoned, long answered,
                                  long answeredInTarget, long waitAnsweredSum, long handledSum, long surveyAnswers,
                                  long surveySatisfied) {
        long counted = offered - shortAbandoned;
        return new ServiceLevel(key, offered, shortAbandoned, counted, abandoned, answered, answeredInTarget,
                percent(answeredInTarget, counted), percent(abandoned, counted),
                average(waitAnsweredSum, answered), average(handledSum, answered), surveyAnswers, surveySatisfied,
                percent(surveySatisfied, surveyAnswers));
    }

    private static @Nullable Double percent(long part, long whole) {
        return whole == 0 ? null : Math.round(part * 10000.0 / whole) / 100.0;
    }

    private static @Nullable Double average(long sum, long n) {
        return n == 0 ? null : Math.round(sum * 10.0 / n) / 10.0;
    }
}
