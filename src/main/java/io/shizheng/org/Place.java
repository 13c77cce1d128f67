package io.shizheng.org;

import org.jspecify.annotations.Nullable;

/** Where a point lies: its district (區) and village (里), with MOI codes. */
public record Place(String districtCode, String districtName, @Nullable String villageCode, @Nullable String villageName) {
}
