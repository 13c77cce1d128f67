package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.shizheng.IntegrationTest;
import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.Jurisdiction;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class GeoLookupTest {

    @Autowired GeoLookup geo;
    @Autowired BoundaryImport boundaryImport;
    @Autowired Boundaries boundaries;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate batch;
    @Autowired TransactionTemplate tx;
    @Autowired JsonMapper json;
    @Autowired AuditLog audit;

    @Test
    void taichungCityHallIsInXitun() {
        Place place = geo.locate(120.6469, 24.1617).orElseThrow();
        assertThat(place.districtName()).isEqualTo("西屯區");
        assertThat(place.districtCode()).isEqualTo("66000060");
        assertThat(place.villageName()).isEqualTo("惠來里");
        assertThat(place.villageCode()).startsWith("66000060");
    }

    @Test
    void secondMarketIsInCentralDistrict() {
        // 臺中第二市場, about 300 m inside 中區 (the railway station itself sits on the 中區 / 東區 line)
        assertThat(geo.locate(120.6783, 24.1431)).map(Place::districtName).hasValue("中區");
    }

    @Test
    void lishanIsInHeping() {
        Place place = geo.locate(121.25, 24.25).orElseThrow();
        assertThat(place.districtName()).isEqualTo("和平區");
        assertThat(place.villageName()).isEqualTo("梨山里");
    }

    @Test
    void pointsOutsideTheCityAreNotFound() {
        assertThat(geo.locate(120.30, 24.20)).as("Taiwan Strait off Taichung Port").isEmpty();
        assertThat(geo.locate(121.5654, 25.0330)).as("Taipei 101").isEmpty();
        assertThat(geo.locate(120.5416, 24.0809)).as("Changhua City").isEmpty();
    }

    @Test
    void impossibleCoordinatesAreRejected() {
        assertThatThrownBy(() -> geo.locate(Double.NaN, 24.1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> geo.locate(120.6, 95)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void all29DistrictsAnd625VillagesAreLoadedWithOfficialNames() {
        List<GeoLookup.District> districts = geo.districts();
        assertThat(districts).hasSize(29);
        assertThat(districts.stream().mapToInt(GeoLookup.District::villages).sum()).isEqualTo(625);
        Map<String, Integer> villages = districts.stream()
                .collect(Collectors.toMap(GeoLookup.District::name, GeoLookup.District::villages));
        assertThat(villages).containsEntry("西屯區", 39).containsEntry("中區", 8).containsEntry("和平區", 8)
                .containsEntry("北屯區", 42);
        assertThat(jdbc.sql("select count(*) from org_village where geom is null or min_lon is null").query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("select distinct county from org_district").query(String.class).list())
                .containsExactly("臺中市");
    }

    @Test
    void loadingAgainChangesNothing() {
        assertThat(boundaryImport.importIfEmpty()).isFalse();
        assertThat(jdbc.sql("select count(*) from org_village").query(Long.class).single()).isEqualTo(625);
        assertThat(jdbc.sql("select count(*) from org_district").query(Long.class).single()).isEqualTo(29);
    }

    @Test
    void aDatabaseOfAnotherJurisdictionIsRefusedNamingTheSetting() {
        BoundaryImport taipei = new BoundaryImport(jdbc, batch, tx, json, audit, Jurisdiction.of("63000"));
        assertThatThrownBy(taipei::importIfEmpty).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("臺中市 (66000)").hasMessageContaining("shizheng.jurisdiction.code is 63000");
        assertThat(jdbc.sql("select count(*) from org_district").query(Long.class).single()).isEqualTo(29);
    }

    @Test
    void eachDistrictIsCoveredByItsVillages() {
        Map<String, Double> villageArea = boundaries.villageShapes(null).stream().collect(
                Collectors.groupingBy(Boundaries.Shape::districtCode,
                        Collectors.summingDouble(s -> s.geometry().getArea())));
        for (Boundaries.Shape district : boundaries.districtShapes()) {
            Geometry g = district.geometry();
            assertThat(villageArea.get(district.code()))
                    .as(district.name()).isCloseTo(g.getArea(), org.assertj.core.data.Percentage.withPercentage(0.5));
        }
    }
}
