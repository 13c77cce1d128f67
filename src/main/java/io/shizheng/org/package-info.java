/**
 * Organisation and identity: agencies as a tree, districts and villages with their real boundaries,
 * user accounts with roles and agency scope, personal API tokens.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisation", allowedDependencies = {"platform"})
package io.shizheng.org;
