package io.shizheng.documents.internal;

import java.time.LocalDate;
import java.util.Collection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps documents_closed_day (closed and on-time documents per agency and day, ordinary count only) in step with
 * the documents, in the transaction that changed them, so that rates, reports and the metric read a small table.
 */
@Component
class ClosureCounts {

    private final JdbcClient jdbc;

    ClosureCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** After an import: the days in the temp table documents_touched_days. */
    void rebuildTouchedDays() {
        jdbc.sql("delete from documents_closed_day where closed_on in (select day from documents_touched_days)").update();
        jdbc.sql("""
                insert into documents_closed_day (agency_id, closed_on, closed, on_time)
                select agency_id, closed_on, count(*), count(*) filter (where on_time)
                from documents_document where closed_on in (select day from documents_touched_days) and not project_control
                group by agency_id, closed_on""").update();
    }

    void refresh(Collection<LocalDate> days) {
        LocalDate[] d = days.stream().filter(java.util.Objects::nonNull).distinct().toArray(LocalDate[]::new);
        if (d.length == 0) {
            return;
        }
        java.sql.Date[] sqlDays = java.util.Arrays.stream(d).map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new);
        jdbc.sql("delete from documents_closed_day where closed_on = any (?)").param(sqlDays).update();
        jdbc.sql("""
                insert into documents_closed_day (agency_id, closed_on, closed, on_time)
                select agency_id, closed_on, count(*), count(*) filter (where on_time)
                from documents_document where closed_on = any (?) and not project_control
                group by agency_id, closed_on""").param(sqlDays).update();
    }

    /** Everything from scratch (after demo seeding). */
    void rebuildAll() {
        jdbc.sql("delete from documents_closed_day").update();
        jdbc.sql("""
                insert into documents_closed_day (agency_id, closed_on, closed, on_time)
                select agency_id, closed_on, count(*), count(*) filter (where on_time)
                from documents_document where closed_on is not null and not project_control
                group by agency_id, closed_on""").update();
    }
}
