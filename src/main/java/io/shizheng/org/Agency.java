package io.shizheng.org;

/** An agency of the city: the commission, a bureau, a district office, or a body under one of them. */
public record Agency(long id, String code, String name, String nameEn, AgencyKind kind, Long parentId,
                     String districtCode, String phone, boolean active, int sort) {
}
