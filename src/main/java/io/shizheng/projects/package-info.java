/**
 * Management control of major projects (重大計畫管制): controlled projects with their planned S-curves,
 * monthly progress reports and their review, early-warning lights, review meetings with tracked
 * resolutions, site verification, year-end on-time closure, and the metric of indicator 1.1.
 * Other modules may listen to {@link io.shizheng.projects.ProjectLightChanged}.
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Major projects control", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.projects;
