/**
 * Cross-cutting platform: security, audit log, problem+json errors, ROC dates, exports, demo mode, layout.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = {})
package io.shizheng.platform;
