package io.shizheng.spatial.internal;

import java.util.ArrayList;
import java.util.List;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A LineString in CRS84 (longitude, latitude) given as WKT or as GeoJSON (a geometry or a Feature). */
final class Lines {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int MAX_VERTICES = 10_000;

    private Lines() {
    }

    /** The vertices (lon, lat); a clear IllegalArgumentException for anything else. */
    static List<double[]> parse(String text) {
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("line 不可空白 / line is required");
        }
        List<double[]> out = s.startsWith("{") ? geoJson(s) : wkt(s);
        if (out.size() < 2) {
            throw new IllegalArgumentException("線至少要有兩個點 / the line needs at least two points");
        }
        if (out.size() > MAX_VERTICES) {
            throw new IllegalArgumentException("線的點數超過 " + MAX_VERTICES + " / more than " + MAX_VERTICES + " vertices");
        }
        for (double[] v : out) {
            if (!(v[0] >= -180 && v[0] <= 180 && v[1] >= -90 && v[1] <= 90)) {
                throw new IllegalArgumentException("坐標須為 CRS84 經緯度（經度 -180..180、緯度 -90..90） / coordinates must be "
                        + "CRS84 longitude, latitude");
            }
        }
        return out;
    }

    private static List<double[]> wkt(String s) {
        Geometry g;
        try {
            g = new WKTReader().read(s);
        } catch (ParseException | RuntimeException e) {
            throw new IllegalArgumentException("line 不是可讀的 WKT LINESTRING / line is not a readable WKT LINESTRING: "
                    + e.getMessage());
        }
        if (!(g instanceof LineString l)) {
            throw new IllegalArgumentException("line 須為 LINESTRING，而非 " + g.getGeometryType()
                    + " / line must be a LINESTRING");
        }
        List<double[]> out = new ArrayList<>();
        for (Coordinate c : l.getCoordinates()) {
            out.add(new double[] {c.getX(), c.getY()});
        }
        return out;
    }

    private static List<double[]> geoJson(String s) {
        JsonNode n;
        try {
            n = JSON.readTree(s);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("line 不是可讀的 GeoJSON / line is not readable GeoJSON");
        }
        if ("Feature".equals(n.path("type").asString(""))) {
            n = n.path("geometry");
        }
        if (!"LineString".equals(n.path("type").asString(""))) {
            throw new IllegalArgumentException("line 須為 GeoJSON LineString / line must be a GeoJSON LineString");
        }
        List<double[]> out = new ArrayList<>();
        for (JsonNode c : n.path("coordinates")) {
            if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                throw new IllegalArgumentException("GeoJSON 坐標須為 [經度, 緯度] / GeoJSON positions must be [lon, lat]");
            }
            out.add(new double[] {c.get(0).asDouble(), c.get(1).asDouble()});
        }
        return out;
    }
}
