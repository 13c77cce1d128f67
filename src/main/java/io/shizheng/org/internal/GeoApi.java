package io.shizheng.org.internal;

import java.util.List;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "行政區 Districts and villages",
        description = "本市（縣）各行政區與村里的界線（內政部資料） / the jurisdiction's real district and village boundaries")
class GeoApi {

    static final String GEOJSON = "application/geo+json";
    private static final CacheControl ONE_DAY = CacheControl.maxAge(java.time.Duration.ofDays(1)).cachePublic();

    private final GeoLookup geo;
    private final Boundaries boundaries;
    private final GeoJsonFeed feed;
    private final Jurisdiction jurisdiction;

    GeoApi(GeoLookup geo, Boundaries boundaries, GeoJsonFeed feed, Jurisdiction jurisdiction) {
        this.geo = geo;
        this.boundaries = boundaries;
        this.feed = feed;
        this.jurisdiction = jurisdiction;
    }

    @GetMapping("/districts")
    @Operation(summary = "各行政區及其村里數 / The districts with their village counts")
    List<GeoLookup.District> districts() {
        return geo.districts();
    }

    record VillageView(String code, String name, String nameEn) {
    }

    @GetMapping("/districts/{code}/villages")
    @Operation(summary = "一個行政區的里 / The villages of a district")
    List<VillageView> villages(@PathVariable String code) {
        requireDistrict(code);
        return boundaries.villages(code).stream().map(v -> new VillageView(v.code(), v.name(), v.nameEn())).toList();
    }

    @GetMapping("/geo/locate")
    @Operation(summary = "座標所在的區與里 / The district and village a WGS84 point lies in",
            description = "404 when the point lies outside the jurisdiction (shizheng.jurisdiction.code).")
    Place locate(@Parameter(description = "經度 longitude (WGS84), e.g. 120.6469") @RequestParam double lon,
                 @Parameter(description = "緯度 latitude (WGS84), e.g. 24.1617") @RequestParam double lat) {
        return geo.locate(lon, lat).orElseThrow(() -> new NotFoundException(
                "此座標 (%s, %s) 不在%s範圍內 / This point is not within %s".formatted(lon, lat, jurisdiction.name(),
                        jurisdiction.nameEn())));
    }

    @GetMapping(value = "/geo/districts.geojson", produces = GEOJSON)
    @Operation(summary = "各行政區界線 GeoJSON / District boundaries as a GeoJSON FeatureCollection")
    ResponseEntity<byte[]> districtsGeoJson(@RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                            @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String encoding) {
        return send(feed.districts().orElseThrow(() -> new NotFoundException("界線資料尚未載入 / Boundaries are not loaded yet")),
                ifNoneMatch, encoding);
    }

    @GetMapping(value = "/geo/districts/{code}/villages.geojson", produces = GEOJSON)
    @Operation(summary = "一個行政區各里界線 GeoJSON / Village boundaries of a district as GeoJSON")
    ResponseEntity<byte[]> villagesGeoJson(@PathVariable String code,
                                           @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
                                           @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String encoding) {
        return send(feed.villages(code).orElseThrow(() -> unknownDistrict(code)), ifNoneMatch, encoding);
    }

    private void requireDistrict(String code) {
        if (boundaries.district(code).isEmpty()) {
            throw unknownDistrict(code);
        }
    }

    private static NotFoundException unknownDistrict(String code) {
        return new NotFoundException("沒有代碼為 %s 的行政區 / No district with code %s".formatted(code, code));
    }

    private static ResponseEntity<byte[]> send(GeoJsonFeed.Body body, String ifNoneMatch, String encoding) {
        boolean gzip = encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("gzip");
        // Each encoding is its own representation, so each gets its own strong validator.
        String etag = "\"" + body.hash() + (gzip ? "-gz" : "") + "\"";
        if (ifNoneMatch != null && (ifNoneMatch.contains(body.hash()) || ifNoneMatch.trim().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(ONE_DAY)
                    .varyBy(HttpHeaders.ACCEPT_ENCODING).build();
        }
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().eTag(etag).cacheControl(ONE_DAY)
                .varyBy(HttpHeaders.ACCEPT_ENCODING).header(HttpHeaders.CONTENT_TYPE, GEOJSON);
        if (gzip) {
            ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return ok.body(gzip ? body.gzip() : body.json());
    }
}
