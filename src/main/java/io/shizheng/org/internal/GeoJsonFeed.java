package io.shizheng.org.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import org.locationtech.jts.geom.Point;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The district and village boundaries as GeoJSON FeatureCollections for maps. Boundaries do not change
 * while the application runs, so each collection is built once, kept as plain and gzip bytes, and
 * served with a strong ETag.
 */
@Service
class GeoJsonFeed {

    /** The collection as UTF-8 JSON and gzipped; {@code hash} names the content, whatever its encoding. */
    record Body(byte[] json, byte[] gzip, String hash) {
    }

    private final Boundaries boundaries;
    private final JsonMapper mapper;
    private final Map<String, Body> cache = new ConcurrentHashMap<>();

    GeoJsonFeed(Boundaries boundaries, JsonMapper mapper) {
        this.boundaries = boundaries;
        this.mapper = mapper;
    }

    /** The districts with their village counts and a label point inside each. */
    Optional<Body> districts() {
        return cached("districts", k -> {
            Map<String, Integer> counts = boundaries.districts().stream()
                    .collect(Collectors.toMap(Boundaries.DistrictRow::code, Boundaries.DistrictRow::villages));
            return collection(boundaries.districtShapes(), s -> {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("code", s.code());
                p.put("name", s.name());
                p.put("nameEn", s.nameEn());
                p.put("villages", counts.getOrDefault(s.code(), 0));
                return p;
            });
        });
    }

    /** The villages of one district; empty when there is no such district. */
    Optional<Body> villages(String districtCode) {
        if (!cache.containsKey("villages:" + districtCode) && boundaries.district(districtCode).isEmpty()) {
            return Optional.empty();
        }
        return cached("villages:" + districtCode, k -> collection(boundaries.villageShapes(districtCode), s -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("code", s.code());
            p.put("name", s.name());
            p.put("nameEn", s.nameEn());
            p.put("districtCode", s.districtCode());
            p.put("districtName", s.districtName());
            return p;
        }));
    }

    /** Builds and keeps a collection, except an empty one (boundaries not loaded yet). */
    private Optional<Body> cached(String key, Function<String, Body> build) {
        Body body = cache.get(key);
        if (body == null) {
            body = build.apply(key);
            if (body != null) {
                cache.putIfAbsent(key, body);
            }
        }
        return Optional.ofNullable(body);
    }

    private Body collection(List<Boundaries.Shape> shapes,
                            Function<Boundaries.Shape, Map<String, Object>> properties) {
        if (shapes.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(256 * 1024);
        out.append("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < shapes.size(); i++) {
            Boundaries.Shape s = shapes.get(i);
            Map<String, Object> p = properties.apply(s);
            // A point surely inside the polygon, for a label (the centroid of a crescent can fall outside).
            Point label = s.geometry().getInteriorPoint();
            p.put("labelLon", Math.round(label.getX() * 1e6) / 1e6);
            p.put("labelLat", Math.round(label.getY() * 1e6) / 1e6);
            if (i > 0) {
                out.append(',');
            }
            out.append("{\"type\":\"Feature\",\"id\":").append(mapper.writeValueAsString(s.code()))
                    .append(",\"properties\":").append(mapper.writeValueAsString(p))
                    .append(",\"geometry\":");
            GeoJson.write(s.geometry(), out);
            out.append('}');
        }
        out.append("]}");
        byte[] json = out.toString().getBytes(StandardCharsets.UTF_8);
        return new Body(json, gzip(json), etag(json));
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
