package io.shizheng.org;

/** Where a point lies: its district (區) and village (里), with MOI codes. */
public record Place(String districtCode, String districtName, String villageCode, String villageName) {
}
