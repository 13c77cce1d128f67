package io.shizheng.servicequality.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.platform.AuditLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Pass rates of the phone tests per agency and month, and over the city or the scope. */
@Service
class PassRates {

    private final JdbcClient jdbc;
    private final PhoneTests tests;

    PassRates(JdbcClient jdbc, PhoneTests tests) {
        this.jdbc = jdbc;
        this.tests = tests;
    }

    record AgencyMonths(long agencyId, String agencyName, Map<Integer, PassRate> months, PassRate year) {
    }

    record PassRateTable(int year, List<AgencyMonths> agencies, Map<Integer, PassRate> cityMonths, PassRate cityYear) {
    }

    /** Pass rate per agency and month, and city-wide (or over the scope), by the day of the call. */
    PassRateTable of(int year, AgencyScope scope) {
        Map<Long, Map<Integer, PassRate>> per = new LinkedHashMap<>();
        jdbc.sql("""
                select agency_id, extract(month from called_on)::int, count(*), count(*) filter (where passed)
                from servicequality_call where total is not null and called_on >= :from and called_on < :to"""
                        + scope.andSql("agency_id") + " group by 1, 2")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> per.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                        .put(rs.getInt(2), new PassRate(rs.getLong(3), rs.getLong(4)))).list();
        Map<Long, String> names = tests.names();
        Map<Integer, PassRate> city = new java.util.TreeMap<>();
        List<AgencyMonths> rows = new ArrayList<>();
        PassRate cityYear = PassRate.NONE;
        for (var e : per.entrySet()) {
            PassRate y = PassRate.NONE;
            for (var m : e.getValue().entrySet()) {
                y = y.plus(m.getValue());
                city.merge(m.getKey(), m.getValue(), PassRate::plus);
            }
            cityYear = cityYear.plus(y);
            rows.add(new AgencyMonths(e.getKey(), names.getOrDefault(e.getKey(), "#" + e.getKey()), e.getValue(), y));
        }
        rows.sort(Comparator.comparing((AgencyMonths a) -> a.year().percent() == null ? java.math.BigDecimal.ZERO
                : a.year().percent()).reversed().thenComparing(AgencyMonths::agencyName));
        return new PassRateTable(year, rows, city, cityYear);
    }

}
