package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class GeoApiTest {

    @LocalServerPort int port;
    @Autowired JsonMapper json;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anyoneCanLocateAPoint() throws Exception {
        HttpResponse<String> res = http.get("/api/geo/locate?lon=120.6469&lat=24.1617");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode place = json.readTree(res.body());
        assertThat(place.path("districtName").asString()).isEqualTo("西屯區");
        assertThat(place.path("villageName").asString()).isEqualTo("惠來里");
    }

    @Test
    void aPointOutsideTheCityIs404Problem() throws Exception {
        HttpResponse<String> res = http.get("/api/geo/locate?lon=121.5654&lat=25.0330");
        assertThat(res.statusCode()).isEqualTo(404);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(json.readTree(res.body()).path("detail").asString()).contains("不在臺中市範圍內");
    }

    @Test
    void badNumbersAre400() throws Exception {
        assertThat(http.get("/api/geo/locate?lon=abc&lat=24.1").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/geo/locate?lon=120.6").statusCode()).isEqualTo(400);
        assertThat(http.get("/api/geo/locate?lon=NaN&lat=24.1").statusCode()).isEqualTo(400);
        HttpResponse<String> outOfRange = http.get("/api/geo/locate?lon=120.6&lat=124.1");
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(outOfRange.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void districtsAndTheirVillagesArePublic() throws Exception {
        JsonNode districts = json.readTree(http.get("/api/districts").body());
        assertThat(districts.size()).isEqualTo(29);
        assertThat(districts.get(0).path("name").asString()).isEqualTo("中區");
        assertThat(districts.get(0).path("villages").asInt()).isEqualTo(8);
        JsonNode villages = json.readTree(http.get("/api/districts/66000060/villages").body());
        assertThat(villages.size()).isEqualTo(39);
        assertThat(villages.findValuesAsString("name")).contains("惠來里", "何厝里");
        assertThat(http.get("/api/districts/99999999/villages").statusCode()).isEqualTo(404);
    }

    @Test
    void districtBoundariesAreCacheableGeoJson() throws Exception {
        HttpResponse<String> res = http.get("/api/geo/districts.geojson");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        assertThat(res.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400").contains("public");
        String etag = res.headers().firstValue("ETag").orElseThrow();
        JsonNode fc = json.readTree(res.body());
        assertThat(fc.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(fc.path("features").size()).isEqualTo(29);
        JsonNode first = fc.path("features").get(0);
        assertThat(first.path("geometry").path("type").asString()).isIn("Polygon", "MultiPolygon");
        assertThat(first.path("properties").path("name").asString()).isEqualTo("中區");
        assertThat(first.path("properties").path("labelLon").asDouble()).isBetween(120.67, 120.69);

        HttpResponse<String> again = http.get("/api/geo/districts.geojson", "If-None-Match", etag);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();

        HttpResponse<byte[]> zipped = http.getBytes("/api/geo/districts.geojson", "Accept-Encoding", "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(zipped.body().length).isLessThan(res.body().getBytes(StandardCharsets.UTF_8).length / 2);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(res.body());
        }
    }

    @Test
    void villageBoundariesOfOneDistrict() throws Exception {
        HttpResponse<String> res = http.get("/api/geo/districts/66000010/villages.geojson");
        assertThat(res.statusCode()).isEqualTo(200);
        JsonNode features = json.readTree(res.body()).path("features");
        assertThat(features.size()).isEqualTo(8);
        assertThat(features.findValuesAsString("districtName")).containsOnly("中區");
        assertThat(http.get("/api/geo/districts/nope/villages.geojson").statusCode()).isEqualTo(404);
    }

    @Test
    void theOpenApiDocumentDescribesTheOrgEndpoints() throws Exception {
        HttpResponse<String> res = http.get("/v3/api-docs");
        assertThat(res.statusCode()).isEqualTo(200);
        assertThat(res.body()).contains("/api/geo/locate", "/api/agencies/{id}", "/api/districts/{code}/villages",
                "/api/account/tokens");
    }
}
