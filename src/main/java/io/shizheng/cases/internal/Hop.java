package io.shizheng.cases.internal;

import java.time.Instant;

/** One step in a case's history. */
public record Hop(long id, Instant at, String kind, Long fromAgencyId, Long toAgencyId, String reason, String username) {
}
