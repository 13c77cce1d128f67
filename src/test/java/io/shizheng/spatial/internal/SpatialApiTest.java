package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The terrain API as a client uses it: upload a GeoTIFF, read slope and aspect back as GeoTIFFs, a profile, the sun. */
@IntegrationTest
class SpatialApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anOfficerUploadsAGeoTiffAndGetsSlopeAspectAndAProfile() throws Exception {
        Dem dem = ProfileTest.plane();
        HttpResponse<String> created = postTiff("officer", "/api/spatial/dems?name=" + enc("測試 DEM"),
                GeoTiff.writeFloat32(dem), "image/tiff");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();

        JsonNode one = JSON.readTree(Http.as(port, "rdec").get("/api/spatial/dems/" + id).body());
        assertThat(one.get("width").asInt()).isEqualTo(100);
        assertThat(one.get("crs").asString()).isEqualTo("EPSG:3826");
        assertThat(one.get("nodata").asDouble()).isEqualTo(-9999);
        assertThat(Http.as(port, "rdec").get("/api/spatial/dems").body()).contains("測試 DEM").contains("demo DEM");

        HttpResponse<byte[]> slope = Http.as(port, "officer").getBytes("/api/spatial/dems/" + id
                + "/slope.tif?method=zevenbergen&unit=percent");
        assertThat(slope.statusCode()).isEqualTo(200);
        assertThat(slope.headers().firstValue("Content-Type").orElse("")).startsWith("image/tiff");
        Dem s = GeoTiff.read(slope.body());
        assertThat(s.width()).isEqualTo(100);
        assertThat(s.originX()).isEqualTo(dem.originX());
        assertThat(s.nodata()).isEqualTo(-9999.0);
        // the plane rises 2 % east and 5 % south: the slope is √(2² + 5²) = 5.385 % inside, -9999 on the border
        assertThat(s.at(10, 10)).isCloseTo(5.385f, within(1e-3f));
        assertThat(s.at(0, 10)).isEqualTo(-9999f);
        Dem a = GeoTiff.read(Http.as(port, "officer").getBytes("/api/spatial/dems/" + id + "/aspect.tif").body());
        // downhill points north-west: atan2(2, 5) west of north = 360 − 21.8°
        assertThat(a.at(10, 10)).isCloseTo(338.2f, within(0.05f));

        double[] p0 = Crs.toLonLat(3826, ProfileTest.OX + 1000, ProfileTest.OY - 1000);
        double[] p1 = Crs.toLonLat(3826, ProfileTest.OX + 1300, ProfileTest.OY - 1000);
        String line = "LINESTRING (" + p0[0] + " " + p0[1] + ", " + p1[0] + " " + p1[1] + ")";
        HttpResponse<String> profile = Http.as(port, "officer").get("/api/spatial/dems/" + id + "/profile?step=100&line="
                + enc(line));
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
        JsonNode points = JSON.readTree(profile.body());
        assertThat(points.size()).isEqualTo(4);
        assertThat(points.get(0).get("elevation").asDouble()).isCloseTo(170, within(0.01));
        assertThat(points.get(3).get("distance").asDouble()).isCloseTo(300, within(0.01));
        assertThat(points.get(3).get("elevation").asDouble()).isCloseTo(176, within(0.01));
        assertThat(points.get(3).get("lon").asDouble()).isCloseTo(p1[0], within(1e-9));
    }

    @Test
    void rdecStaffUploadAMultipartFileForAnAgency() throws Exception {
        long agency = jdbc.sql("select id from org_agency where code = 'CONST'").query(Long.class).single();
        String boundary = "spatialBoundary";
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"dtm-test.tif\"\r\n"
                + "Content-Type: image/tiff\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(GeoTiff.writeFloat32(ProfileTest.plane()));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = postTiff("rdec", "/api/spatial/dems?agencyId=" + agency, body.toByteArray(),
                "multipart/form-data; boundary=" + boundary);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        long id = JSON.readTree(r.body()).get("id").asLong();
        assertThat(r.headers().firstValue("Location").orElse("")).endsWith("/api/spatial/dems/" + id);
        JsonNode one = JSON.readTree(Http.as(port, "rdec").get("/api/spatial/dems/" + id).body());
        assertThat(one.get("name").asString()).isEqualTo("dtm-test");
        assertThat(one.get("agencyId").asLong()).isEqualTo(agency);
        assertThat(jdbc.sql("select count(*) from platform_audit_log where entity_type = 'spatial.dem' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badFilesAndBadProfilesGetAProblemAndChangeNothing() throws Exception {
        long before = count();
        HttpResponse<String> csv = postTiff("officer", "/api/spatial/dems?name=x", "a,b\n1,2\n".getBytes(), "image/tiff");
        assertThat(csv.statusCode()).isEqualTo(422);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
        assertThat(csv.body()).contains("not a TIFF");
        HttpResponse<String> plain = postTiff("officer", "/api/spatial/dems?name=x", GeoTiffTest.plainTiff(),
                "application/octet-stream");
        assertThat(plain.statusCode()).isEqualTo(422);
        assertThat(plain.body()).contains("no georeference");
        HttpResponse<String> noName = postTiff("officer", "/api/spatial/dems?name=%20",
                GeoTiff.writeFloat32(ProfileTest.plane()), "image/tiff");
        assertThat(noName.statusCode()).isEqualTo(422);
        assertThat(postTiff(null, "/api/spatial/dems?name=x", GeoTiff.writeFloat32(ProfileTest.plane()), "image/tiff")
                .statusCode()).isEqualTo(401);
        assertThat(postTiff("reviewer", "/api/spatial/dems?name=x", GeoTiff.writeFloat32(ProfileTest.plane()),
                "image/tiff").statusCode()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        long demo = jdbc.sql("select id from spatial_dem where demo order by id limit 1").query(Long.class).single();
        Http rdec = Http.as(port, "rdec");
        String base = "/api/spatial/dems/" + demo + "/profile";
        assertThat(rdec.get(base + "?step=100&line=" + enc("LINESTRING (0 0, 1 1)")).statusCode()).isEqualTo(422);
        assertThat(rdec.get(base + "?step=100&line=" + enc("LINESTRING (120.6 24.1")).statusCode()).isEqualTo(422);
        assertThat(rdec.get(base + "?step=0&line=" + enc("LINESTRING (120.6 24.1, 120.7 24.1)")).statusCode()).isEqualTo(422);
        assertThat(rdec.get(base + "?step=-1&line=" + enc("LINESTRING (120.6 24.1, 120.7 24.1)")).statusCode()).isEqualTo(422);
        assertThat(rdec.get("/api/spatial/dems/" + demo + "/slope.tif?method=sobel").statusCode()).isEqualTo(422);
        assertThat(rdec.get("/api/spatial/dems/999999/slope.tif").statusCode()).isEqualTo(404);
    }

    @Test
    void theDemoDemRisesFromTheWesternPlainsToTheEasternMountains() throws Exception {
        long demo = jdbc.sql("select id from spatial_dem where demo order by id limit 1").query(Long.class).single();
        JsonNode d = JSON.readTree(Http.as(port, "rdec").get("/api/spatial/dems/" + demo).body());
        assertThat(d.get("crs").asString()).isEqualTo("EPSG:3826");
        assertThat(d.get("maxElevation").asDouble()).isGreaterThan(2500);
        assertThat(d.get("minElevation").asDouble()).isLessThan(100);
        double minX = d.get("bbox").get(0).asDouble();
        double maxX = d.get("bbox").get(2).asDouble();
        double y = (d.get("bbox").get(1).asDouble() + d.get("bbox").get(3).asDouble()) / 2;
        double[] west = Crs.toLonLat(3826, minX + 500, y);
        double[] east = Crs.toLonLat(3826, maxX - 500, y);
        JsonNode points = JSON.readTree(Http.as(port, "rdec").get("/api/spatial/dems/" + demo + "/profile?step=1000&line="
                + enc("LINESTRING (" + west[0] + " " + west[1] + ", " + east[0] + " " + east[1] + ")")).body());
        assertThat(points.get(0).get("elevation").asDouble()).isLessThan(200);
        assertThat(points.get(points.size() - 1).get("elevation").asDouble()).isGreaterThan(1500);
    }

    @Test
    void theSunIsPublicAndMatchesNrelsExample() throws Exception {
        HttpResponse<String> r = Http.anonymous(port).get("/api/spatial/sun?lat=39.742476&lon=-105.1786&at="
                + enc("2003-10-17T12:30:30-07:00") + "&elevation=1830.14&pressure=820&temperature=11&deltaT=67");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode sun = JSON.readTree(r.body());
        assertThat(sun.get("zenith").asDouble()).isCloseTo(50.11162, within(1e-4));
        assertThat(sun.get("azimuth").asDouble()).isCloseTo(194.34024, within(1e-4));
        assertThat(sun.get("elevationAngle").asDouble()).isCloseTo(39.88838, within(1e-4));
        assertThat(Http.anonymous(port).get("/api/spatial/sun?lat=95&lon=120&at=" + enc("2026-12-22T12:00:00+08:00"))
                .statusCode()).isEqualTo(422);
        HttpResponse<String> noOffset = Http.anonymous(port).get("/api/spatial/sun?lat=24&lon=120&at=2026-12-22T12:00:00");
        assertThat(noOffset.statusCode()).isEqualTo(422);
        assertThat(noOffset.body()).contains("at");
    }

    @Test
    void theTerrainPageOffersTheDemsToStaffOnly() throws Exception {
        HttpResponse<String> page = html("rdec", "/spatial/terrain");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("spatial-map").contains("demo DEM").contains("/js/spatial-terrain.js")
                .contains("地形剖面");
        assertThat(html(null, "/spatial/terrain").statusCode()).isNotEqualTo(200);
    }

    private HttpResponse<String> html(String user, String path) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").GET();
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private long count() {
        return jdbc.sql("select count(*) from spatial_dem").query(Long.class).single();
    }

    private HttpResponse<String> postTiff(String user, String path, byte[] body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", type).header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
