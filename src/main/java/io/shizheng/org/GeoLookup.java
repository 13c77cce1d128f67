package io.shizheng.org;

import java.util.List;
import java.util.Optional;

/** Which district and village a point (WGS84 longitude, latitude) falls in, from the real boundaries. */
public interface GeoLookup {

    Optional<Place> locate(double lon, double lat);

    List<District> districts();

    record District(String code, String name, String nameEn, int villages) {
    }
}
