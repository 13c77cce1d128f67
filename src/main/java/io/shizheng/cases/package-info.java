/**
 * Citizen cases from every channel (1999 calls, mayor's mailbox, letters, counters, e-mail, Open311 apps) and of
 * every type, with dispatch, working-day deadlines, replies and ratings; the public Open311 GeoReport v2 API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen cases and Open311", allowedDependencies = {"org", "platform"})
package io.shizheng.cases;
