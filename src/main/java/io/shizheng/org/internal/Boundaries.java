package io.shizheng.org.internal;

import java.util.List;
import java.util.Optional;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Districts and villages as stored in org_district / org_village, with their geometry decoded. */
@Repository
class Boundaries {

    private final JdbcClient jdbc;

    Boundaries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record DistrictRow(String code, String name, String nameEn, String county, int villages) {
    }

    record VillageRow(String code, String name, String nameEn, String districtCode) {
    }

    record Shape(String code, String name, String nameEn, String districtCode, String districtName, Geometry geometry) {
    }

    List<DistrictRow> districts() {
        return jdbc.sql("""
                select d.code, d.name, d.name_en, d.county, count(v.code) as villages
                from org_district d left join org_village v on v.district_code = d.code
                group by d.code, d.name, d.name_en, d.county order by d.code""")
                .query((rs, n) -> new DistrictRow(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getString("county"), rs.getInt("villages"))).list();
    }

    Optional<DistrictRow> district(String code) {
        return districts().stream().filter(d -> d.code().equals(code)).findFirst();
    }

    List<VillageRow> villages(String districtCode) {
        return jdbc.sql("select code, name, name_en, district_code from org_village where district_code = ? order by code")
                .param(districtCode)
                .query((rs, n) -> new VillageRow(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getString("district_code"))).list();
    }

    List<Shape> districtShapes() {
        WKBReader wkb = new WKBReader(GeoJson.WGS84);
        return jdbc.sql("select code, name, name_en, geom from org_district where geom is not null order by code")
                .query((rs, n) -> new Shape(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getString("code"), rs.getString("name"), decode(wkb, rs.getBytes("geom")))).list();
    }

    /** Villages with their geometry; all of them when districtCode is null. */
    List<Shape> villageShapes(String districtCode) {
        WKBReader wkb = new WKBReader(GeoJson.WGS84);
        return jdbc.sql("""
                select v.code, v.name, v.name_en, v.district_code, d.name as district_name, v.geom
                from org_village v join org_district d on d.code = v.district_code
                where v.geom is not null and (cast(? as varchar) is null or v.district_code = ?) order by v.code""")
                .params(districtCode, districtCode)
                .query((rs, n) -> new Shape(rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                        rs.getString("district_code"), rs.getString("district_name"),
                        decode(wkb, rs.getBytes("geom")))).list();
    }

    private static Geometry decode(WKBReader wkb, byte[] bytes) {
        try {
            return wkb.read(bytes);
        } catch (ParseException e) {
            throw new IllegalStateException("Stored boundary is not valid WKB", e);
        }
    }
}
