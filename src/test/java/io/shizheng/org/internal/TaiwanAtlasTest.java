package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.shizheng.org.Place;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.json.JsonMapper;

/** The bundled national atlas decodes into each county's districts and villages, for any of the 22. */
class TaiwanAtlasTest {

    static TaiwanAtlas atlas;

    @BeforeAll
    static void load() {
        atlas = TaiwanAtlas.load(JsonMapper.builder().build());
    }

    private static List<Boundaries.Shape> shapes(List<TaiwanAtlas.Area> areas) {
        return areas.stream().map(a -> new Boundaries.Shape(a.code(), a.name(), a.nameEn(), a.districtCode(),
                a.districtName(), a.geometry())).toList();
    }

    @Test
    void taipeiHasTwelveDistrictsAndItsCityHallIsInXinyi() {
        TaiwanAtlas.County taipei = atlas.county("63000");
        assertThat(taipei.districts()).extracting(TaiwanAtlas.Area::name).hasSize(12).contains("信義區", "大安區", "北投區");
        assertThat(taipei.villages()).hasSize(456).allSatisfy(v -> assertThat(v.code()).startsWith(v.districtCode()));
        VillageIndex index = VillageIndex.of(shapes(taipei.villages()));
        assertThat(index.locate(121.5637, 25.0375)).map(Place::districtName).hasValue("信義區");
        assertThat(index.locate(120.6469, 24.1617)).as("Taichung City Hall").isEmpty();
    }

    @Test
    void everyCountyDecodesWithEachDistrictHoldingItsVillages() {
        Map<String, Integer> districts = Map.ofEntries(Map.entry("63000", 12), Map.entry("64000", 38),
                Map.entry("65000", 29), Map.entry("66000", 29), Map.entry("67000", 37), Map.entry("68000", 13),
                Map.entry("10002", 12), Map.entry("10004", 13), Map.entry("10005", 18), Map.entry("10007", 26),
                Map.entry("10008", 13), Map.entry("10009", 20), Map.entry("10010", 18), Map.entry("10013", 33),
                Map.entry("10014", 16), Map.entry("10015", 13), Map.entry("10016", 6), Map.entry("10017", 7),
                Map.entry("10018", 3), Map.entry("10020", 2), Map.entry("09020", 6), Map.entry("09007", 4));
        int villages = 0;
        for (Map.Entry<String, Integer> e : districts.entrySet()) {
            TaiwanAtlas.County county = atlas.county(e.getKey());
            assertThat(county.districts()).as(e.getKey()).hasSize(e.getValue());
            villages += county.villages().size();
            Map<String, List<TaiwanAtlas.Area>> own = county.villages().stream()
                    .collect(Collectors.groupingBy(TaiwanAtlas.Area::districtCode));
            for (TaiwanAtlas.Area d : county.districts()) {
                assertThat(d.code()).startsWith(e.getKey());
                double villageArea = own.get(d.code()).stream().mapToDouble(v -> v.geometry().getArea()).sum();
                // The atlas's merged districts differ from their villages by up to 3 % (永和區); Kinmen's 金湖鎮 is repaired.
                assertThat(villageArea).as(d.code() + " " + d.name())
                        .isCloseTo(d.geometry().getArea(), Percentage.withPercentage(5));
                own.get(d.code()).forEach(v -> assertThat(d.geometry().covers(v.geometry().getInteriorPoint()))
                        .as(v.code() + " " + v.name() + " in " + d.name()).isTrue());
            }
        }
        assertThat(villages).isEqualTo(7701);
        assertThat(atlas.county("12345").districts()).isEmpty();
    }

    @Test
    void exteriorRingsAreCounterClockwiseAndHolesClockwise() {
        for (TaiwanAtlas.Area v : atlas.county("66000").villages()) {
            Geometry g = v.geometry();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                Polygon p = (Polygon) g.getGeometryN(i);
                assertThat(Orientation.isCCW(p.getExteriorRing().getCoordinates())).as(v.code()).isTrue();
                for (int h = 0; h < p.getNumInteriorRing(); h++) {
                    assertThat(Orientation.isCCW(p.getInteriorRingN(h).getCoordinates())).as(v.code()).isFalse();
                }
            }
        }
    }
}
