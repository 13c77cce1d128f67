package io.shizheng.cases.internal;

import java.util.List;
import java.util.Optional;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.Jurisdiction;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the door-plate point of a written address (table cases_address_point): the address is normalised and taken
 * apart ({@link DoorPlate}), then looked up by road, section, lane, alley and number, within its district when the
 * address names one. An address of another city, one that matches in several districts, or one with no such door plate
 * finds nothing, and the answer says which.
 */
@Component
class AddressPoints {

    private final JdbcClient jdbc;
    private final GeoLookup geo;
    private final Jurisdiction jurisdiction;

    AddressPoints(JdbcClient jdbc, GeoLookup geo, Jurisdiction jurisdiction) {
        this.jdbc = jdbc;
        this.geo = geo;
        this.jurisdiction = jurisdiction;
    }

    record Point(long id, String districtCode, String districtName, @Nullable String villageName, String road, int section,
                 String lane, String alley, String number, double lon, double lat) {
    }

    /** A point found (its place for dispatch) or none, with a note for the case history either way. */
    record Match(@Nullable Point point, @Nullable Place place, @Nullable String normalised, String note) {

        boolean found() {
            return point != null;
        }
    }

    Match match(@Nullable String address) {
        if (address == null || address.isBlank()) {
            return none(null, "沒有地址 / no address");
        }
        List<DoorPlate> readings = DoorPlate.readings(address);
        if (readings.isEmpty()) {
            return none(null, "地址中找不到路街與門牌號 / the address has no road or street and number to look up");
        }
        DoorPlate first = readings.get(0);
        if (first.city() != null && !DoorPlate.normalise(first.city()).equals(DoorPlate.normalise(jurisdiction.name()))) {
            return none(first.written(), "地址不在" + jurisdiction.name() + " / the address is not in " + jurisdiction.nameEn());
        }
        Match best = null;
        for (DoorPlate d : readings) {
            Match m = lookUp(d);
            if (m.found()) {
                return m;
            }
            if (best == null) {
                best = m;
            }
        }
        return best;
    }

    private Match lookUp(DoorPlate d) {
        List<Point> exact = candidates(d, d.number());
        Match m = pick(d, exact, false);
        if (m.found() || !d.number().contains("之")) {
            return m;
        }
        // 12之3號 without its own point: the main number's point is the same building or next door
        Match main = pick(d, candidates(d, d.number().substring(0, d.number().indexOf('之'))), true);
        return main.found() ? main : m;
    }

    private Match pick(DoorPlate d, List<Point> all, boolean mainNumber) {
        List<Point> within = d.district() == null ? all : all.stream()
                .filter(p -> DoorPlate.normalise(p.districtName()).equals(d.district()) || p.districtCode().equals(d.district())).toList();
        String written = d.written();
        if (within.isEmpty()) {
            String why = all.isEmpty() ? "門牌地址資料中沒有「" + written + "」/ no door plate " + written + " in the address points"
                    : "「" + written + "」不在所寫的行政區 / that door plate is in another district";
            return none(written, "地址未能定位：" + why);
        }
        if (within.size() > 1) {
            String districts = String.join("、", within.stream().map(Point::districtName).distinct().toList());
            return none(written, "地址未能定位：「" + written + "」在多個行政區（" + districts + "），請寫明行政區 / "
                    + "the door plate exists in several districts; name the district");
        }
        Point p = within.get(0);
        Place place = place(p);
        String at = p.districtName() + p.road() + (p.section() > 0 ? p.section() + "段" : "") + (p.lane().isEmpty() ? "" : p.lane() + "巷")
                + (p.alley().isEmpty() ? "" : p.alley() + "弄") + p.number() + "號";
        return new Match(p, place, written, "依門牌地址定位：" + at + (mainNumber ? "（以主門牌號定位 / by the main number）" : "")
                + " / placed by its door-plate address");
    }

    /** Where the point lies by the boundaries, or its district as the door-plate data names it. */
    private Place place(Point p) {
        Optional<Place> located = geo.locate(p.lon(), p.lat());
        if (located.isPresent() && located.get().districtCode().equals(p.districtCode())) {
            return located.get();
        }
        return new Place(p.districtCode(), p.districtName(), null, p.villageName());
    }

    private List<Point> candidates(DoorPlate d, String number) {
        return jdbc.sql("""
                select id, district_code, district_name, village_name, road, section, lane, alley, number, lon, lat
                from cases_address_point where road = ? and section = ? and lane = ? and alley = ? and number = ?
                order by district_code limit 20""")
                .params(d.road(), d.section(), d.lane(), d.alley(), number)
                .query((rs, n) -> new Point(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getDouble(10), rs.getDouble(11)))
                .list();
    }

    private static Match none(@Nullable String normalised, String note) {
        return new Match(null, null, normalised, note);
    }

    record Counts(long points, long demo) {
    }

    Counts counts() {
        return jdbc.sql("select count(*), count(*) filter (where demo) from cases_address_point")
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2))).single();
    }
}
