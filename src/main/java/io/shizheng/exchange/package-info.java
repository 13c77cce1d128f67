/**
 * Data exchange between agencies (資料交換): the city's data standards as versioned field dictionaries,
 * exchange datasets validated against them, consumers with API keys, per-dataset grants with daily quotas,
 * metered usage, and the metric of indicator 3.2 (cumulative exchangeable datasets).
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Data exchange", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.exchange;
