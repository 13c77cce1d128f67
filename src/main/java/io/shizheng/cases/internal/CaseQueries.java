package io.shizheng.cases.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Lists and counts of cases within what the user may see: inbox, search, dashboard, map. */
@Component
class CaseQueries {

    private final CaseStore store;
    private final AgencyDirectory agencies;
    private final CaseAccess access;
    private final JdbcClient jdbc;
    private final io.shizheng.org.GeoLookup geo;

    CaseQueries(CaseStore store, AgencyDirectory agencies, CaseAccess access, JdbcClient jdbc, io.shizheng.org.GeoLookup geo) {
        this.geo = geo;
        this.store = store;
        this.agencies = agencies;
        this.access = access;
        this.jdbc = jdbc;
    }

    record Filter(String status, boolean overdueOnly, Long agencyId, String category, String district, String q,
                  Integer year, String type) {
    }

    record Page(List<CaseView> items, long total, int page, int size) {
        public int pages() { return (int) Math.max(1, (total + size - 1) / size); }
    }

    /** The scope clause: the handling scope (city-wide for RDEC), everything for reviewers, and a chief's district. */
    String scope(ShizhengUser u, Map<String, Object> args) {
        AgencyScope scope = u.has(Role.REVIEWER) ? AgencyScope.city() : access.handlingScope(u);
        if (!scope.cityWide() && u.has(Role.VILLAGE_CHIEF) && u.agencyId() != null) {
            String district = agencies.find(u.agencyId()).map(Agency::districtCode).orElse(null);
            if (district != null) {
                args.put("scopeDistrict", district);
                return "(" + scope.sql("c.agency_id") + " or c.district_code = :scopeDistrict)";
            }
        }
        return scope.sql("c.agency_id");
    }

    String where(ShizhengUser u, Filter f, Map<String, Object> args) {
        StringBuilder w = new StringBuilder(scope(u, args));
        if (f.status() != null && !f.status().isBlank()) {
            w.append(" and c.status = :status");
            args.put("status", f.status().toUpperCase());
        }
        if (f.overdueOnly()) {
            w.append(" and c.status = 'OPEN' and coalesce(c.extended_due_on, c.due_on) < :today");
            args.put("today", access.today());
        }
        if (f.agencyId() != null) {
            w.append(" and c.agency_id = :agency");
            args.put("agency", f.agencyId());
        }
        if (f.category() != null && !f.category().isBlank()) {
            w.append(" and c.category_code = :category");
            args.put("category", f.category());
        }
        if (f.type() != null && !f.type().isBlank()) {
            w.append(" and c.type = :type");
            args.put("type", f.type());
        }
        if (f.district() != null && !f.district().isBlank()) {
            w.append(" and c.district_code = :district");
            args.put("district", f.district());
        }
        if (f.year() != null) {
            w.append(" and c.received_on >= :from and c.received_on < :to");
            args.put("from", LocalDate.of(f.year(), 1, 1));
            args.put("to", LocalDate.of(f.year() + 1, 1, 1));
        }
        if (f.q() != null && !f.q().isBlank()) {
            w.append(" and (c.case_no = :qExact or c.description ilike :q)");
            args.put("qExact", f.q().strip());
            args.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return w.toString();
    }

    /** The inbox order: open cases by deadline (overdue first), then the newest closed ones. */
    Page list(ShizhengUser u, Filter f, int page, int size) {
        Map<String, Object> args = new HashMap<>();
        String where = where(u, f, args);
        long total = store.count(where, args);
        List<CaseRow> rows = store.search(where, args,
                "(c.status = 'OPEN') desc, case when c.status = 'OPEN' then coalesce(c.extended_due_on, c.due_on) end asc, c.received_at desc",
                size, Math.max(0, page - 1) * size);
        List<CaseView> items = rows.stream().map(r -> access.view(r, u, false)).toList();
        return new Page(items, total, page, size);
    }

    record Count(String key, String label, long total, long open, long overdue, long closedOnTime, long closed, Double rating) {
        public Double onTimeRate() { return closed == 0 ? null : Math.round(closedOnTime * 1000.0 / closed) / 10.0; }
    }

    /** Open, overdue and on-time counts grouped by agency, category or district, within the user's scope. */
    List<Count> counts(ShizhengUser u, Filter f, String by) {
        Map<String, Object> args = new HashMap<>();
        String where = where(u, f, args);
        String key = switch (by) {
            case "agency" -> "c.agency_id::text";
            case "category" -> "c.category_code";
            case "district" -> "coalesce(c.district_code, '-')";
            default -> throw new IllegalArgumentException("by must be agency, category or district");
        };
        args.put("today", access.today());
        var spec = jdbc.sql("select " + key + " as k, count(*) as total, count(*) filter (where c.status = 'OPEN') as open, "
                + "count(*) filter (where c.status = 'OPEN' and coalesce(c.extended_due_on, c.due_on) < :today) as overdue, "
                + "count(*) filter (where c.status = 'CLOSED' and (c.closed_at at time zone 'Asia/Taipei')::date <= coalesce(c.extended_due_on, c.due_on)) as ontime, "
                + "count(*) filter (where c.status = 'CLOSED') as closed, avg(c.rating) as rating "
                + "from cases_case c where " + where + " group by 1 order by total desc");
        for (var e : args.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        Map<String, String> labels = labels(by);
        return spec.query((rs, n) -> new Count(rs.getString("k"), labels.getOrDefault(rs.getString("k"), rs.getString("k")),
                rs.getLong("total"), rs.getLong("open"), rs.getLong("overdue"), rs.getLong("ontime"), rs.getLong("closed"),
                rs.getObject("rating") == null ? null : Math.round(rs.getDouble("rating") * 100) / 100.0)).list();
    }

    private Map<String, String> labels(String by) {
        Map<String, String> m = new HashMap<>();
        switch (by) {
            case "agency" -> agencies.all().forEach(a -> m.put(String.valueOf(a.id()), a.name()));
            case "category" -> jdbc.sql("select code, name from cases_category").query((rs, n) -> m.put(rs.getString(1), rs.getString(2))).list();
            default -> geo.districts().forEach(d -> m.put(d.code(), d.name()));
        }
        m.put("-", "（無地點）/ no location");
        return m;
    }

    record Cluster(double lon, double lat, long count, long open) {
    }

    /** Grid clustering in SQL: points averaged per cell of {@code cell} degrees; one row per non-empty cell. */
    List<Cluster> clusters(ShizhengUser u, Filter f, double cell, double[] bbox) {
        Map<String, Object> args = new HashMap<>();
        String where = where(u, f, args) + " and c.lon is not null";
        if (bbox != null) {
            where += " and c.lon between :minLon and :maxLon and c.lat between :minLat and :maxLat";
            args.put("minLon", bbox[0]);
            args.put("minLat", bbox[1]);
            args.put("maxLon", bbox[2]);
            args.put("maxLat", bbox[3]);
        }
        args.put("cell", cell);
        var spec = jdbc.sql("select avg(c.lon) as lon, avg(c.lat) as lat, count(*) as n, count(*) filter (where c.status = 'OPEN') as open "
                + "from cases_case c where " + where + " group by floor(c.lon / :cell), floor(c.lat / :cell) order by n desc limit 5000");
        for (var e : args.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query((rs, n) -> new Cluster(Math.round(rs.getDouble("lon") * 1e6) / 1e6, Math.round(rs.getDouble("lat") * 1e6) / 1e6,
                rs.getLong("n"), rs.getLong("open"))).list();
    }

    /** The years that have cases, newest first. */
    List<Integer> years() {
        return jdbc.sql("select distinct extract(year from received_on)::int from cases_case order by 1 desc").query(Integer.class).list();
    }

    List<CaseRow> callerCases(String phone) {
        String digits = Inputs.digits(phone);
        if (digits == null || digits.length() < 6) {
            return new ArrayList<>();
        }
        return store.byCallerPhone(digits, 20);
    }
}
