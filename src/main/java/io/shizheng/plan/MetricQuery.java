package io.shizheng.plan;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;
import org.jspecify.annotations.Nullable;

/**
 * A period [from, to] (inclusive dates, Asia/Taipei) and an optional agency scope: null means city-wide,
 * otherwise the agency and everything under it.
 */
@NamedInterface("metrics")
public record MetricQuery(LocalDate from, LocalDate to, @Nullable Long agencyId) {

    public MetricQuery {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("metric period must have from <= to");
        }
    }
}
