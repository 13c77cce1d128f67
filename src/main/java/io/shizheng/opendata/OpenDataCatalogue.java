package io.shizheng.opendata;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** What other modules may ask of the open-data catalogue. */
public interface OpenDataCatalogue {

    /** Datasets first published (上架) in [from, to] (Asia/Taipei), by agencies under {@code agencyId} or all when null. */
    long firstPublishedBetween(LocalDate from, LocalDate to, @Nullable Long agencyId);

    /** Datasets currently published and public. */
    long publishedCount();
}
