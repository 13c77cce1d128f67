package io.shizheng.org;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which district and village a point (WGS84 longitude, latitude) falls in, from the real boundaries. */
public interface GeoLookup {

    Optional<Place> locate(double lon, double lat);

    List<District> districts();

    /** The bounding box of the jurisdiction's districts (WGS84), empty while the boundaries are not loaded. */
    default Optional<Extent> extent() {
        return Optional.empty();
    }

    record Extent(double minLon, double minLat, double maxLon, double maxLat) {
    }

    record District(String code, String name, @Nullable String nameEn, int villages) {
    }
}
