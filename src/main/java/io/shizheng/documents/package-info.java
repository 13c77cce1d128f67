/**
 * Official-document timeliness (公文時效): document records imported from the document management system,
 * deadlines by Taiwan's document-handling rules on the city's working-day calendar, on-time closure rates,
 * overdue lists and analysis, monthly reports, the metric of indicator 1.3, and quality inspection (公文品質檢核).
 * Types of this package are non-null unless marked {@code @Nullable} (where null means "city-wide" or "none").
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Document timeliness", allowedDependencies = {"org", "plan :: metrics", "platform"})
package io.shizheng.documents;
