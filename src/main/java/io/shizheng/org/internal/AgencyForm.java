package io.shizheng.org.internal;

import io.shizheng.org.Agency;
import org.springframework.context.MessageSource;

/** The agency form as posted: all text, so that any input can be shown back with its error. */
record AgencyForm(String code, String name, String nameEn, String kind, String parentId, String districtCode,
                  String phone, String active, String sort) {

    static AgencyForm blank(Long parentId) {
        return new AgencyForm("", "", "", "UNIT", parentId == null ? "" : parentId.toString(), "", "", "true", "0");
    }

    static AgencyForm of(Agency a) {
        return new AgencyForm(a.code(), a.name(), a.nameEn(), a.kind().name(),
                a.parentId() == null ? "" : a.parentId().toString(), a.districtCode(), a.phone(),
                Boolean.toString(a.active()), Integer.toString(a.sort()));
    }

    /** An unchecked checkbox sends nothing, so a missing value means "not active". */
    public boolean isActive() {
        return active != null && (active.equals("true") || active.equals("on"));
    }

    AgencyInput toInput(MessageSource messages) {
        Violations v = new Violations();
        Long parent = null;
        if (parentId != null && !parentId.isBlank()) {
            try {
                parent = Long.valueOf(parentId.trim());
            } catch (NumberFormatException e) {
                v.add("parentId", "org.agency.error.parent.missing", parentId);
            }
        }
        Integer order = 0;
        if (sort != null && !sort.isBlank()) {
            try {
                order = Integer.valueOf(sort.trim());
            } catch (NumberFormatException e) {
                v.add("sort", "org.agency.error.sort");
            }
        }
        v.throwIfAny(messages);
        return new AgencyInput(code, name, nameEn, kind, parent, districtCode, phone, isActive(), order);
    }
}
