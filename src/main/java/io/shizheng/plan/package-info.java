/**
 * The annual plan (施政計畫) and its live KPI scorecard, and the metric SPI through which other modules
 * compute indicators from their own data. Depends on no business module.
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Plan and scorecard", allowedDependencies = {"org", "platform"})
package io.shizheng.plan;
