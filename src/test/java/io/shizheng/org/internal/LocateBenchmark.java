package io.shizheng.org.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.shizheng.org.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

/**
 * Point-in-village lookup: the STR-tree index that GeoLookup uses against a scan of all 625 prepared
 * polygons (the baseline). Points are uniform over Taichung's bounding box (fixed seed), so about half
 * fall outside the city, as stray coordinates would. Run: see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LocateBenchmark {

    private VillageIndex index;
    private List<Place> places;
    private List<PreparedGeometry> prepared;
    private double[][] points;
    private int next;

    @Setup
    public void load() throws Exception {
        List<Boundaries.Shape> shapes = new ArrayList<>();
        for (TaiwanAtlas.Area v : TaiwanAtlas.load(JsonMapper.builder().build()).county("66000").villages()) {
            shapes.add(new Boundaries.Shape(v.code(), v.name(), v.nameEn(), v.districtCode(), v.districtName(),
                    v.geometry()));
        }
        index = VillageIndex.of(shapes);
        places = new ArrayList<>();
        prepared = new ArrayList<>();
        for (Boundaries.Shape s : shapes) {
            places.add(new Place(s.districtCode(), s.districtName(), s.code(), s.name()));
            prepared.add(PreparedGeometryFactory.prepare(s.geometry()));
        }
        Random random = new Random(107);
        points = new double[4096][];
        for (int i = 0; i < points.length; i++) {
            points[i] = new double[] {120.46 + random.nextDouble() * (121.45 - 120.46),
                    23.99 + random.nextDouble() * (24.44 - 23.99)};
        }
    }

    private double[] point() {
        next = (next + 1) & (points.length - 1);
        return points[next];
    }

    @Benchmark
    public Optional<Place> strTree() {
        double[] p = point();
        return index.locate(p[0], p[1]);
    }

    @Benchmark
    public Optional<Place> scanAllPrepared() {
        double[] p = point();
        Point point = GeoJson.WGS84.createPoint(new Coordinate(p[0], p[1]));
        for (int i = 0; i < prepared.size(); i++) {
            if (prepared.get(i).covers(point)) {
                return Optional.of(places.get(i));
            }
        }
        return Optional.empty();
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {LocateBenchmark.class.getSimpleName()});
    }
}
