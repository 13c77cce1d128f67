package io.shizheng.cases.internal;

import java.util.List;
import java.util.Map;

/** What a case is about, its competent agency and its Open311 service definition; retired when not {@code active}. */
public record Category(String code, String name, String nameEn, String description, String group, String keywords,
                String agencyCode, boolean byDistrict, boolean needsLocation, List<Attribute> attributes, int sort,
                boolean active) {

    public String label() { return name + " / " + nameEn; }

    /** An Open311 attribute of the service definition. */
    public record Attribute(String code, String datatype, boolean required, String description, int order,
                     List<Map<String, String>> values) {

        boolean allows(String key) {
            return values == null || values.isEmpty() || values.stream().anyMatch(v -> key.equals(v.get("key")));
        }
    }
}
