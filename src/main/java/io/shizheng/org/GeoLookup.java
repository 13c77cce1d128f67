package io.shizheng.org;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Which district and village a point (WGS84 longitude, latitude) falls in, from the real boundaries. */
public interface GeoLookup {

    Optional<Place> locate(double lon, double lat);

    List<District> districts();

    record District(String code, String name, @Nullable String nameEn, int villages) {
    }
}
