package io.shizheng.spatial.internal;

import java.io.IOException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/spatial")
@Tag(name = "Spatial", description = "地形分析：DEM、坡度坡向、地形剖面、太陽位置 / terrain: DEMs, slope and aspect, profiles, sun position")
class SpatialApi {

    static final MediaType TIFF = MediaType.parseMediaType("image/tiff");

    private final DemStore store;
    private final AgencyDirectory agencies;
    private final AuditLog audit;

    SpatialApi(DemStore store, AgencyDirectory agencies, AuditLog audit) {
        this.store = store;
        this.agencies = agencies;
        this.audit = audit;
    }

    record Created(long id, String name, String crs, int width, int height) {
    }

    @PostMapping(path = "/dems", consumes = {"image/tiff", "image/geotiff", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Stores a DEM sent as a GeoTIFF body (Float32 or Int16, EPSG:3826 or EPSG:4326, GDAL_NODATA honoured)")
    @Transactional
    ResponseEntity<Created> uploadBody(@RequestBody byte[] body, @RequestParam String name,
                                       @RequestParam(required = false) Long agencyId) {
        return create(body, name, agencyId);
    }

    @PostMapping(path = "/dems", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Stores a DEM sent as the multipart part file (a GeoTIFF)")
    @Transactional
    ResponseEntity<Created> uploadFile(@RequestParam("file") MultipartFile file,
                                       @RequestParam(required = false) @Nullable String name,
                                       @RequestParam(required = false) Long agencyId) throws IOException {
        String n = name == null || name.isBlank() ? stripExtension(file.getOriginalFilename()) : name;
        return create(file.getBytes(), n, agencyId);
    }

    private ResponseEntity<Created> create(byte[] bytes, @Nullable String name, @Nullable Long agencyId) {
        long owner = SpatialAccess.requireUpload(agencyId);
        String n = name == null ? "" : name.strip();
        List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
        if (n.isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("name", "請填寫名稱 / name is required"));
        } else if (n.length() > 200) {
            problems.add(new InvalidInputException.FieldProblem("name", "名稱最多 200 字 / name is at most 200 characters"));
        }
        if (agencies.find(owner).isEmpty()) {
            problems.add(new InvalidInputException.FieldProblem("agencyId", "查無此機關 / no such agency"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Dem dem = GeoTiff.read(bytes);
        ShizhengUser u = CurrentUser.require();
        long id = store.insert(n, owner, dem, false, u.id());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("name", n);
        summary.put("agencyId", owner);
        summary.put("crs", "EPSG:" + dem.crs());
        summary.put("size", dem.width() + "x" + dem.height());
        summary.put("dataType", dem.dataType());
        audit.record("spatial.dem", id, AuditLog.AuditAction.CREATE, null, summary);
        return ResponseEntity.created(URI.create("/api/spatial/dems/" + id))
                .body(new Created(id, n, "EPSG:" + dem.crs(), dem.width(), dem.height()));
    }

    @GetMapping("/dems")
    @Operation(summary = "The stored DEMs with their size, georeference, nodata and elevation range")
    List<DemStore.Summary> list() {
        SpatialAccess.requireRead();
        return store.list();
    }

    @GetMapping("/dems/{id}")
    @Operation(summary = "One DEM's metadata")
    DemStore.Summary one(@PathVariable long id) {
        SpatialAccess.requireRead();
        return store.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/dems/{id}/slope.tif")
    @Operation(summary = "Slope as a Float32 GeoTIFF equal to gdaldem slope [-p] [-alg ZevenbergenThorne]",
            description = "method = horn | zevenbergen, unit = degrees | percent. Same size, georeference and nodata "
                    + "(-9999) as gdaldem writes; the one-cell border and cells next to nodata are nodata. bbox = "
                    + "minx,miny,maxx,maxy returns the window of cells it touches (values as on the whole DEM); "
                    + "bbox-crs = CRS84 (default) or the DEM's CRS (EPSG:3826 / EPSG:4326).")
    ResponseEntity<byte[]> slope(@PathVariable long id, @RequestParam(defaultValue = "horn") String method,
                                 @RequestParam(defaultValue = "degrees") String unit,
                                 @RequestParam(required = false) @Nullable String bbox,
                                 @RequestParam(name = "bbox-crs", required = false) @Nullable String bboxCrs) {
        SpatialAccess.requireRead();
        Terrain.Method m = parse("method", () -> Terrain.Method.parse(method));
        Terrain.Unit u = parse("unit", () -> Terrain.Unit.parse(unit));
        Dem dem = load(id);
        return tiff(GeoTiff.writeFloat32(analyse(dem, bbox, bboxCrs, d -> Terrain.slope(d, m, u))), "slope-" + id + ".tif");
    }

    @GetMapping("/dems/{id}/aspect.tif")
    @Operation(summary = "Aspect (0–360 clockwise from north, flat = -9999) as a Float32 GeoTIFF equal to gdaldem aspect")
    ResponseEntity<byte[]> aspect(@PathVariable long id, @RequestParam(defaultValue = "horn") String method,
                                  @RequestParam(required = false) @Nullable String bbox,
                                  @RequestParam(name = "bbox-crs", required = false) @Nullable String bboxCrs) {
        SpatialAccess.requireRead();
        Terrain.Method m = parse("method", () -> Terrain.Method.parse(method));
        Dem dem = load(id);
        return tiff(GeoTiff.writeFloat32(analyse(dem, bbox, bboxCrs, d -> Terrain.aspect(d, m))), "aspect-" + id + ".tif");
    }

    /** The analysis of the whole DEM, or of the window of cells a bbox touches. */
    private static Dem analyse(Dem dem, @Nullable String bbox, @Nullable String bboxCrs,
                               java.util.function.UnaryOperator<Dem> analysis) {
        if (bbox == null || bbox.isBlank()) {
            return analysis.apply(dem);
        }
        int[] w = window(dem, bbox, bboxCrs);
        return Terrain.window(dem, w[0], w[1], w[2], w[3], analysis);
    }

    /** x0, y0, width, height of the cells a bbox (minx,miny,maxx,maxy) touches; 422 when it is bad or misses the DEM. */
    static int[] window(Dem dem, String bbox, @Nullable String bboxCrs) {
        String[] parts = bbox.split(",", -1);
        if (parts.length != 4) {
            throw new InvalidInputException("bbox", "bbox 須為 4 個數字 minx,miny,maxx,maxy / bbox must be four numbers");
        }
        double[] b = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                b[i] = Double.parseDouble(parts[i].strip());
            } catch (NumberFormatException e) {
                throw new InvalidInputException("bbox", "bbox 須為 4 個數字 minx,miny,maxx,maxy / bbox must be four numbers");
            }
            if (!Double.isFinite(b[i])) {
                throw new InvalidInputException("bbox", "bbox 須為有限數字 / bbox must be finite numbers");
            }
        }
        if (b[0] >= b[2] || b[1] >= b[3]) {
            throw new InvalidInputException("bbox", "bbox 須 minx < maxx 且 miny < maxy / bbox needs minx < maxx and miny < maxy");
        }
        String crs = bboxCrs == null || bboxCrs.isBlank() ? "CRS84" : bboxCrs.strip();
        boolean crs84 = crs.equalsIgnoreCase("CRS84") || crs.endsWith("/OGC/1.3/CRS84");
        boolean own = crs.equalsIgnoreCase("EPSG:" + dem.crs()) || crs.endsWith("/EPSG/0/" + dem.crs());
        if (!crs84 && !own) {
            throw new InvalidInputException("bbox-crs", "bbox-crs 須為 CRS84 或 EPSG:" + dem.crs()
                    + " / bbox-crs must be CRS84 or the DEM's EPSG:" + dem.crs());
        }
        if (crs84 && !(b[0] >= -180 && b[2] <= 180 && b[1] >= -90 && b[3] <= 90)) {
            throw new InvalidInputException("bbox", "CRS84 的 bbox 須為經緯度 / a CRS84 bbox is in longitude, latitude");
        }
        if (crs84 && dem.crs() != 4326) {
            double minX = Double.POSITIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (double[] c : new double[][] {{b[0], b[1]}, {b[2], b[1]}, {b[0], b[3]}, {b[2], b[3]}}) {
                double[] p = Crs.fromLonLat(dem.crs(), c[0], c[1]);
                minX = Math.min(minX, p[0]);
                minY = Math.min(minY, p[1]);
                maxX = Math.max(maxX, p[0]);
                maxY = Math.max(maxY, p[1]);
            }
            b = new double[] {minX, minY, maxX, maxY};
        }
        int x0 = (int) Math.max(0, Math.floor((b[0] - dem.originX()) / dem.pixelX()));
        int x1 = (int) Math.min(dem.width(), Math.ceil((b[2] - dem.originX()) / dem.pixelX()));
        int y0 = (int) Math.max(0, Math.floor((b[3] - dem.originY()) / dem.pixelY()));
        int y1 = (int) Math.min(dem.height(), Math.ceil((b[1] - dem.originY()) / dem.pixelY()));
        if (x0 >= x1 || y0 >= y1) {
            throw new InvalidInputException("bbox", "bbox 不在 DEM 範圍內 / the bbox misses the DEM");
        }
        return new int[] {x0, y0, x1 - x0, y1 - y0};
    }

    record ProfilePoint(double distance, double x, double y, double lon, double lat, @Nullable Double elevation) {
    }

    @GetMapping("/dems/{id}/profile")
    @Operation(summary = "Elevation every step metres along a line (WKT or GeoJSON LineString in CRS84), bilinear",
            description = "Like GRASS r.profile: distance from the start in metres, x and y in the DEM's CRS, lon and lat, "
                    + "elevation (null next to nodata). The whole line must lie inside the DEM.")
    List<ProfilePoint> profile(@PathVariable long id, @RequestParam String line, @RequestParam double step) {
        SpatialAccess.requireRead();
        List<double[]> lonLat = parse("line", () -> Lines.parse(line));
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new InvalidInputException("step", "step 須為正數（公尺） / step must be a positive number of metres");
        }
        Dem dem = load(id);
        List<double[]> native_ = lonLat.stream().map(v -> Crs.fromLonLat(dem.crs(), v[0], v[1])).toList();
        List<Profile.Point> points = parse("line", () -> Profile.along(dem, native_, step));
        return points.stream().map(p -> {
            double[] ll = Crs.toLonLat(dem.crs(), p.x(), p.y());
            return new ProfilePoint(round(p.distance(), 3), p.x(), p.y(), ll[0], ll[1], p.elevation());
        }).toList();
    }

    @GetMapping("/sun")
    @Operation(summary = "The sun's topocentric zenith, azimuth and elevation angle (degrees) by NREL's SPA",
            description = "at: ISO 8601 date-time with offset (2003-10-17T12:30:30-07:00). elevation in m (default 0), "
                    + "pressure in hPa (default 1013.25), temperature in °C (default 15), deltaT in s (default: estimated).")
    Map<String, Object> sun(@RequestParam double lat, @RequestParam double lon, @RequestParam String at,
                            @RequestParam(defaultValue = "0") double elevation,
                            @RequestParam(defaultValue = "1013.25") double pressure,
                            @RequestParam(defaultValue = "15") double temperature,
                            @RequestParam(required = false) Double deltaT) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at", "at 須為含時區位移的 ISO 8601 時間，如 2003-10-17T12:30:30-07:00 / at must be "
                    + "an ISO 8601 date-time with offset");
        }
        Sun.Position p = parse(null, () -> Sun.at(time.toZonedDateTime(), lat, lon, elevation, pressure, temperature, deltaT));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("zenith", p.zenith());
        out.put("azimuth", p.azimuth());
        out.put("elevationAngle", p.elevationAngle());
        out.put("deltaT", p.deltaT());
        out.put("at", time.toString());
        return out;
    }

    private Dem load(long id) {
        return store.load(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(long id) {
        return new NotFoundException("查無 DEM " + id + " / no DEM " + id);
    }

    private static ResponseEntity<byte[]> tiff(byte[] bytes, String filename) {
        return ResponseEntity.ok().contentType(TIFF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"").body(bytes);
    }

    /** An IllegalArgumentException from the pure classes becomes a 422 naming the field (from its message if null). */
    private static <T> T parse(@Nullable String field, java.util.function.Supplier<T> f) {
        try {
            return f.get();
        } catch (IllegalArgumentException e) {
            String m = e.getMessage() == null ? "輸入有誤 / invalid input" : e.getMessage();
            String name = field != null ? field : m.contains(" 須") ? m.substring(0, m.indexOf(" 須")) : "input";
            throw new InvalidInputException(name, m);
        }
    }

    private static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    private static String stripExtension(@Nullable String filename) {
        if (filename == null) {
            return "";
        }
        String base = filename.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        return dot > 0 ? base.substring(0, dot) : base;
    }
}
