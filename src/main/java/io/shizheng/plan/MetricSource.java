package io.shizheng.plan;

import org.springframework.modulith.NamedInterface;
import org.jspecify.annotations.Nullable;
/**
 * A named metric that a module registers (as a Spring bean) to compute an indicator's actual value
 * from its own live data. An indicator bound to {@code METRIC:<name>} takes its value from here.
 */
@NamedInterface("metrics")
public interface MetricSource {

    /** Stable name, for example {@code system-usage}; indicators refer to it. */
    String name();

    /** What it counts, in a sentence a reviewer understands (zh-TW). */
    String description();

    /** The unit of the value, as the indicator states it (%, 次, 則, 人次, 個...). */
    String unit();

    /** The value for the period and scope, or null when there is nothing to measure in it. */
    @Nullable MetricValue compute(MetricQuery query);

    /** The rows behind the value: what an auditor opens to check the number. */
    Evidence evidence(MetricQuery query);

    /**
     * Indicator codes this metric measures in the seeded plans (for example "2.3"). When the module is first
     * installed, every plan's indicator with such a code that is still MANUAL is bound to this metric, once;
     * RDEC staff may rebind it afterwards and the choice is kept.
     */
    default java.util.List<String> measuresIndicators() {
        return java.util.List.of();
    }
}
