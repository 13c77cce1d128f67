package io.shizheng.cases.internal;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CopyWriter;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a generated door-plate table for the demo streets (the roads the demo cases are written on), so that
 * an address typed without coordinates is placed. Each road gets a straight run of numbers in every district, odd on
 * one side and even on the other, 12 m apart, every point checked to lie inside its district by the real boundaries;
 * a few roads have their sections (段) as the demo city writes them. Fixed seed, flagged demo, invented points: not
 * the national data.
 */
@Component
class DemoAddressPoints implements DemoData {

    /** The demo city's sectioned roads: road, district, section. */
    private static final String[][] SECTIONS = {
            {"台灣大道", "中區", "1"}, {"台灣大道", "西區", "2"}, {"台灣大道", "西屯區", "3"}, {"台灣大道", "西屯區", "4"},
            {"台灣大道", "沙鹿區", "6"}, {"文心路", "南屯區", "1"}, {"文心路", "西屯區", "2"}, {"文心路", "西屯區", "3"},
            {"文心路", "北屯區", "4"}, {"中清路", "北區", "1"}, {"中清路", "北屯區", "2"}, {"五權路", "西區", "1"}};
    private static final double METRE_LAT = 1 / 111_320.0;

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final GeoLookup geo;
    private final AuditLog audit;

    DemoAddressPoints(DemoMode demo, JdbcClient jdbc, DataSource dataSource, GeoLookup geo, AuditLog audit) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.geo = geo;
        this.audit = audit;
    }

    @Override
    public String name() {
        return "cases-address-points";
    }

    @Override
    public String seededTable() {
        return "cases_address_point";
    }

    @Override
    public String seed() {
        Random r = new Random(107);
        Map<String, List<double[]>> inside = sample();
        if (inside.isEmpty()) {
            return "no demo address points: the demo streets lie outside this jurisdiction";
        }
        int numbers = demo.scaled(800, 120);
        Map<String, String> names = new LinkedHashMap<>();
        geo.districts().forEach(d -> names.put(d.code(), d.name()));
        Map<String, String> codes = new LinkedHashMap<>();
        names.forEach((code, name) -> codes.put(name, code));
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyWriter rows = CopyWriter.into(con, "cases_address_point",
                "district_code, district_name, village_name, road, section, lane, alley, number, lon, lat, demo");
        long n = 0;
        try {
            for (Map.Entry<String, List<double[]>> e : inside.entrySet()) {
                for (String road : DemoCaseData.ROADS) {
                    n += street(rows, r, e.getKey(), names.get(e.getKey()), e.getValue(), road, 0, numbers);
                }
            }
            for (String[] s : SECTIONS) {
                String code = codes.get(s[1]);
                if (code != null && inside.containsKey(code)) {
                    n += street(rows, r, code, s[1], inside.get(code), s[0], Integer.parseInt(s[2]), numbers);
                }
            }
            rows.finish();
        } finally {
            rows.cancel();
        }
        audit.record("cases.address-import", "demo", AuditAction.CREATE, null,
                Map.of("points", n, "note", "示範門牌點位（程式產生，非內政部資料）/ generated demo address points, not the national data"));
        return n + " demo address points on " + DemoCaseData.ROADS.length + " streets in " + inside.size() + " districts";
    }

    /** One road's numbers in one district: a straight run from a point inside it, each point inside or left out. */
    private long street(CopyWriter rows, Random r, String districtCode, String districtName, List<double[]> inside, String road,
                        int section, int numbers) {
        double[] start = inside.get(r.nextInt(inside.size()));
        double angle = r.nextDouble() * Math.PI;
        double cos = Math.cos(Math.toRadians(start[1]));
        double dLat = Math.sin(angle) * 12 * METRE_LAT;
        double dLon = Math.cos(angle) * 12 * METRE_LAT / cos;
        String name = DoorPlate.normalise(road);
        long written = 0;
        for (int no = 1; no <= numbers; no++) {
            int step = (no + 1) / 2 - numbers / 4;
            double side = no % 2 == 1 ? 8 : -8;
            double lon = start[0] + dLon * step - Math.sin(angle) * side * METRE_LAT / cos;
            double lat = start[1] + dLat * step + Math.cos(angle) * side * METRE_LAT;
            Optional<Place> place = geo.locate(lon, lat);
            if (place.isEmpty() || !place.get().districtCode().equals(districtCode)) {
                continue;
            }
            rows.row(districtCode, districtName, place.get().villageName(), name, section, "", "", String.valueOf(no),
                    Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7, true);
            written++;
        }
        return written;
    }

    /** Points of a 500 m grid over the demo cases' area that lie in each district, by the real boundaries. */
    private Map<String, List<double[]>> sample() {
        double minLon = Double.MAX_VALUE, maxLon = -Double.MAX_VALUE, minLat = Double.MAX_VALUE, maxLat = -Double.MAX_VALUE;
        for (double[] c : DemoCaseData.CENTRES) {
            minLon = Math.min(minLon, c[0]);
            maxLon = Math.max(maxLon, c[0]);
            minLat = Math.min(minLat, c[1]);
            maxLat = Math.max(maxLat, c[1]);
        }
        Map<String, List<double[]>> inside = new java.util.TreeMap<>();
        for (double lon = minLon - 0.12; lon <= maxLon + 0.3; lon += 0.005) {
            for (double lat = minLat - 0.12; lat <= maxLat + 0.12; lat += 0.005) {
                Optional<Place> p = geo.locate(lon, lat);
                if (p.isPresent()) {
                    inside.computeIfAbsent(p.get().districtCode(), k -> new ArrayList<>()).add(new double[] {lon, lat});
                }
            }
        }
        return inside;
    }
}
