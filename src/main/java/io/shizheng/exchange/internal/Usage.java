package io.shizheng.exchange.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Metered use of a dataset, per key and day, as its owner sees it. */
@Repository
class Usage {

    private final JdbcClient jdbc;

    Usage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Day(LocalDate day, String consumer, String keyPrefix, int requests, long rowsServed) {
    }

    record Total(LocalDate day, int requests, long rowsServed) {
    }

    List<Day> byKey(long datasetId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select u.day, c.name, k.prefix, u.requests, u.rows_served from exchange_usage u
                join exchange_key k on k.id = u.key_id join exchange_consumer c on c.id = k.consumer_id
                where u.dataset_id = ? and u.day between ? and ? order by u.day desc, c.name""")
                .params(datasetId, from, to)
                .query((rs, n) -> new Day(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getLong(5))).list();
    }

    List<Total> daily(long datasetId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select day, sum(requests), sum(rows_served) from exchange_usage
                where dataset_id = ? and day between ? and ? group by day order by day""")
                .params(datasetId, from, to)
                .query((rs, n) -> new Total(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getLong(3))).list();
    }
}
