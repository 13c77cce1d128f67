package io.shizheng.org.internal;

/**
 * What a client sends to create or change an agency. Kind is text so that an unknown value is a
 * field error (422) rather than an unreadable body. A null active or sort keeps the current value.
 */
record AgencyInput(String code, String name, String nameEn, String kind, Long parentId, String districtCode,
                   String phone, Boolean active, Integer sort) {
}
