package io.shizheng.org;

import org.jspecify.annotations.Nullable;

/** An agency of the city: the commission, a bureau, a district office, or a body under one of them. */
public record Agency(long id, String code, String name, @Nullable String nameEn, AgencyKind kind,
                     @Nullable Long parentId, @Nullable String districtCode, @Nullable String phone, boolean active,
                     int sort) {
}
