package io.shizheng.callcenter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.shizheng.callcenter.ServiceLevel;
import io.shizheng.platform.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Service-level figures from the roll-ups: by hour, hour of day, day, month, weekday, queue or language. */
@Repository
class CallStatistics {

    static final int MAX_HOURLY_DAYS = 62;

    enum Grouping {
        HOUR("to_char(hour, 'YYYY-MM-DD HH24:00')", true),
        HOUR_OF_DAY("lpad(extract(hour from hour)::int::text, 2, '0')", true),
        DAY("to_char(day, 'YYYY-MM-DD')", false),
        WEEKDAY("extract(isodow from day)::int::text", false),
        MONTH("to_char(day, 'YYYY-MM')", false),
        QUEUE("queue", false),
        LANGUAGE("language", false),
        TOTAL("'total'", false);

        final String key;
        final boolean hourly;

        Grouping(String key, boolean hourly) {
            this.key = key;
            this.hourly = hourly;
        }

        static Grouping parse(String s) {
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("by", "須為 hour、hour_of_day、day、weekday、month、queue、language 或 total，「"
                        + s + "」不是 / must be hour, hour_of_day, day, weekday, month, queue, language or total");
            }
        }
    }

    private final JdbcClient jdbc;

    CallStatistics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figures for [from, to] (Taipei dates), grouped, optionally for one queue and/or language. */
    List<ServiceLevel> by(Grouping grouping, LocalDate from, LocalDate to, String queue, String language) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "迄日早於起日 / 'to' is before 'from'");
        }
        if (grouping == Grouping.HOUR && ChronoUnit.DAYS.between(from, to) >= MAX_HOURLY_DAYS) {
            throw new InvalidInputException("to", "逐時資料最多 " + MAX_HOURLY_DAYS + " 天 / hourly figures cover at most "
                    + MAX_HOURLY_DAYS + " days");
        }
        String table = grouping.hourly ? "callcenter_hourly" : "callcenter_daily";
        StringBuilder sql = new StringBuilder("select ").append(grouping.key).append(" k, ").append("""
                sum(offered), sum(short_abandoned), sum(abandoned), sum(answered), sum(answered_in_sl),
                sum(wait_answered_sum), sum(handled_sum), sum(survey_answers), sum(survey_satisfied)""")
                .append(" from ").append(table).append(" where day between ? and ?");
        List<Object> params = new ArrayList<>(List.of(from, to));
        if (queue != null && !queue.isBlank()) {
            sql.append(" and queue = ?");
            params.add(queue);
        }
        if (language != null && !language.isBlank()) {
            sql.append(" and language = ?");
            params.add(language);
        }
        sql.append(" group by 1 order by 1");
        List<ServiceLevel> rows = jdbc.sql(sql.toString()).params(params).query(CallStatistics::row).list();
        if (grouping == Grouping.TOTAL && rows.isEmpty()) {
            return List.of(ServiceLevel.of("total", 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        return rows;
    }

    ServiceLevel total(LocalDate from, LocalDate to, String queue, String language) {
        return by(Grouping.TOTAL, from, to, queue, language).get(0);
    }

    /** The last day with calls, if any. */
    java.util.Optional<LocalDate> latestDay() {
        java.sql.Date d = jdbc.sql("select max(day) from callcenter_daily").query((rs, n) -> rs.getDate(1)).single();
        return java.util.Optional.ofNullable(d).map(java.sql.Date::toLocalDate);
    }

    /** Queues and languages present in the records, for the filters. */
    List<String> values(String column) {
        String c = column.equals("queue") ? "queue" : "language";
        return jdbc.sql("select distinct " + c + " from callcenter_daily order by 1").query(String.class).list();
    }

    /** Answered in time and counted calls over [from, to]: the two numbers of indicator 2.3, one query. */
    long[] answerRate(LocalDate from, LocalDate to) {
        return jdbc.sql("select coalesce(sum(answered_in_sl), 0), coalesce(sum(offered - short_abandoned), 0) "
                        + "from callcenter_daily where day between ? and ?")
                .params(from, to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** Satisfied answers and all survey answers over [from, to]: indicator 2.4. */
    long[] satisfaction(LocalDate from, LocalDate to) {
        return jdbc.sql("select coalesce(sum(survey_satisfied), 0), coalesce(sum(survey_answers), 0) "
                        + "from callcenter_daily where day between ? and ?")
                .params(from, to).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    private static ServiceLevel row(ResultSet rs, int n) throws SQLException {
        return ServiceLevel.of(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10));
    }
}
