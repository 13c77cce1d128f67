package io.shizheng.org.internal;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import tools.jackson.databind.JsonNode;

/** Reads and writes the polygon subset of GeoJSON (RFC 7946) that boundaries need, with JTS geometries. */
final class GeoJson {

    /** WGS84 longitude / latitude, as GeoJSON requires. */
    static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);
    private static final long SCALE = 1_000_000;

    private GeoJson() {
    }

    static Geometry read(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        return switch (type) {
            case "Polygon" -> polygon(coordinates);
            case "MultiPolygon" -> {
                Polygon[] parts = new Polygon[coordinates.size()];
                for (int i = 0; i < parts.length; i++) {
                    parts[i] = polygon(coordinates.get(i));
                }
                yield WGS84.createMultiPolygon(parts);
            }
            default -> throw new IllegalArgumentException("Unsupported GeoJSON geometry type '" + type + "'");
        };
    }

    private static Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < coordinates.length; i++) {
            JsonNode p = points.get(i);
            coordinates[i] = new Coordinate(p.get(0).asDouble(), p.get(1).asDouble());
        }
        return WGS84.createLinearRing(coordinates);
    }

    /** Appends a Polygon or MultiPolygon as a GeoJSON geometry object, to 6 decimals (about 0.1 m). */
    static void write(Geometry geometry, StringBuilder out) {
        if (geometry instanceof Polygon polygon) {
            out.append("{\"type\":\"Polygon\",\"coordinates\":");
            rings(polygon, out);
            out.append('}');
        } else if (geometry instanceof MultiPolygon multi) {
            out.append("{\"type\":\"MultiPolygon\",\"coordinates\":[");
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                rings((Polygon) multi.getGeometryN(i), out);
            }
            out.append("]}");
        } else {
            throw new IllegalArgumentException("Only polygons are written, not " + geometry.getGeometryType());
        }
    }

    private static void rings(Polygon polygon, StringBuilder out) {
        out.append('[');
        line(polygon.getExteriorRing(), out);
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            out.append(',');
            line(polygon.getInteriorRingN(i), out);
        }
        out.append(']');
    }

    private static void line(LineString line, StringBuilder out) {
        out.append('[');
        for (int i = 0; i < line.getNumPoints(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Coordinate c = line.getCoordinateN(i);
            out.append('[');
            number(c.x, out);
            out.append(',');
            number(c.y, out);
            out.append(']');
        }
        out.append(']');
    }

    /** A fixed six-decimal number without trailing zeros; faster and steadier than Double.toString. */
    static void number(double value, StringBuilder out) {
        long n = Math.round(value * SCALE);
        if (n < 0) {
            out.append('-');
            n = -n;
        }
        out.append(n / SCALE);
        long fraction = n % SCALE;
        if (fraction != 0) {
            out.append('.');
            int digits = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                digits--;
            }
            String text = Long.toString(fraction);
            for (int i = text.length(); i < digits; i++) {
                out.append('0');
            }
            out.append(text);
        }
    }
}
