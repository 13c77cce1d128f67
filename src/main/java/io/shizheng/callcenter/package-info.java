/**
 * The 1999 call centre: call-detail records imported from the telephone system, service level, abandonment,
 * speed of answer and handling time, Erlang C staffing, and the metrics of indicators 2.3 and 2.4.
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Call centre", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.callcenter;
