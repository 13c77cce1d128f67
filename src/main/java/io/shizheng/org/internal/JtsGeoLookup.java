package io.shizheng.org.internal;

import java.util.List;
import java.util.Optional;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import org.springframework.stereotype.Service;

/** Point-in-village lookup over the stored boundaries, indexed once on first use. */
@Service
class JtsGeoLookup implements GeoLookup {

    private final Boundaries boundaries;
    private volatile VillageIndex index;

    JtsGeoLookup(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    @Override
    public Optional<Place> locate(double lon, double lat) {
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new IllegalArgumentException(
                    "經度須介於 -180 與 180、緯度須介於 -90 與 90 / lon must be within [-180, 180] and lat within [-90, 90]");
        }
        VillageIndex villages = index();
        return villages == null ? Optional.empty() : villages.locate(lon, lat);
    }

    @Override
    public List<District> districts() {
        return boundaries.districts().stream()
                .map(d -> new District(d.code(), d.name(), d.nameEn(), d.villages())).toList();
    }

    @Override
    public Optional<Extent> extent() {
        org.locationtech.jts.geom.Envelope all = new org.locationtech.jts.geom.Envelope();
        for (Boundaries.Shape d : boundaries.districtShapes()) {
            if (d.geometry() != null) {
                all.expandToInclude(d.geometry().getEnvelopeInternal());
            }
        }
        return all.isNull() ? Optional.empty()
                : Optional.of(new Extent(all.getMinX(), all.getMinY(), all.getMaxX(), all.getMaxY()));
    }

    private VillageIndex index() {
        VillageIndex built = index;
        if (built == null) {
            synchronized (this) {
                built = index;
                if (built == null) {
                    built = build();
                    index = built;
                }
            }
        }
        return built;
    }

    /** Null while the boundaries are not loaded yet, so that an early request does not pin an empty index. */
    private VillageIndex build() {
        List<Boundaries.Shape> villages = boundaries.villageShapes(null);
        return villages.isEmpty() ? null : VillageIndex.of(villages);
    }
}
