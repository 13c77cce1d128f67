/**
 * Citizen cases from every channel (1999 calls, mayor's mailbox, letters, counters, e-mail, Open311 apps) and of
 * every type, with dispatch, working-day deadlines, replies and ratings; the public Open311 GeoReport v2 API.
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Citizen cases and Open311", allowedDependencies = {"org", "platform"})
package io.shizheng.cases;
