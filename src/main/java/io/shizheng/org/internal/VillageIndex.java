package io.shizheng.org.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.shizheng.org.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/** Village polygons, prepared for point tests, in an STR-tree by bounding box; immutable once built. */
final class VillageIndex {

    private record Village(Place place, PreparedGeometry shape) {
    }

    private final STRtree tree = new STRtree();

    private VillageIndex(List<Boundaries.Shape> villages) {
        for (Boundaries.Shape v : villages) {
            Place place = new Place(v.districtCode(), v.districtName(), v.code(), v.name());
            tree.insert(v.geometry().getEnvelopeInternal(),
                    new Village(place, PreparedGeometryFactory.prepare(v.geometry())));
        }
        tree.build();
    }

    static VillageIndex of(List<Boundaries.Shape> villages) {
        return new VillageIndex(villages);
    }

    Optional<Place> locate(double lon, double lat) {
        Point point = GeoJson.WGS84.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Village> candidates = tree.query(new Envelope(lon, lon, lat, lat));
        // A point on a shared border lies in both villages; the lower code wins so the answer is stable.
        return candidates.stream().filter(v -> v.shape().covers(point))
                .min(Comparator.comparing(v -> v.place().villageCode()))
                .map(Village::place);
    }
}
