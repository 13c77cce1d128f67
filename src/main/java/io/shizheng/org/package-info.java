/**
 * Organisation and identity: agencies as a tree, districts and villages with their real boundaries,
 * user accounts with roles and agency scope, personal API tokens.
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = {"platform"})
package io.shizheng.org;
