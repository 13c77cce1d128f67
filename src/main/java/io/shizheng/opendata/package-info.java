/**
 * The open-data catalogue: datasets with data.gov.tw metadata, resources and their files, lifecycle
 * (draft → published → withdrawn) with version history, quality checks, conversion, Chinese search,
 * a CKAN Action API v3 and DCAT-AP, and the metric of indicator 2.5 (datasets first published in a year).
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Open data", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.opendata;
