package io.shizheng.org.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Service;

/** Point-in-village lookup over an STR-tree of the village polygons, built once on first use. */
@Service
class JtsGeoLookup implements GeoLookup {

    private final Boundaries boundaries;
    private volatile STRtree index;

    JtsGeoLookup(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    private record Village(Place place, PreparedGeometry shape) {
    }

    @Override
    public Optional<Place> locate(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException(
                    "經度須介於 -180 與 180、緯度須介於 -90 與 90 / lon must be within [-180, 180] and lat within [-90, 90]");
        }
        STRtree tree = index();
        if (tree == null) {
            return Optional.empty();
        }
        Point point = GeoJson.WGS84.createPoint(new Coordinate(lon, lat));
        @SuppressWarnings("unchecked")
        List<Village> candidates = tree.query(new Envelope(lon, lon, lat, lat));
        // A point on a shared border belongs to both villages; the lower code wins so the answer is stable.
        return candidates.stream().filter(v -> v.shape().covers(point))
                .min(Comparator.comparing(v -> v.place().villageCode()))
                .map(Village::place);
    }

    @Override
    public List<District> districts() {
        return boundaries.districts().stream()
                .map(d -> new District(d.code(), d.name(), d.nameEn(), d.villages())).toList();
    }

    private STRtree index() {
        STRtree tree = index;
        if (tree == null) {
            synchronized (this) {
                tree = index;
                if (tree == null) {
                    tree = build();
                    index = tree;
                }
            }
        }
        return tree;
    }

    /** Null while the boundaries are not loaded yet, so that an early request does not pin an empty index. */
    private STRtree build() {
        List<Boundaries.Shape> villages = boundaries.villageShapes(null);
        if (villages.isEmpty()) {
            return null;
        }
        STRtree tree = new STRtree();
        for (Boundaries.Shape v : villages) {
            Place place = new Place(v.districtCode(), v.districtName(), v.code(), v.name());
            tree.insert(v.geometry().getEnvelopeInternal(),
                    new Village(place, PreparedGeometryFactory.prepare(v.geometry())));
        }
        tree.build();
        return tree;
    }
}
