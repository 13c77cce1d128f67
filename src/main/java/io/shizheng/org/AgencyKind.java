package io.shizheng.org;

/** Where an agency stands in the city's organisation. */
public enum AgencyKind {
    CITY("市政府", "City government"),
    FIRST_LEVEL("一級機關", "First-level agency"),
    DISTRICT_OFFICE("區公所", "District office"),
    UNIT("所屬機關", "Subordinate agency");

    private final String labelZh;
    private final String labelEn;

    AgencyKind(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() { return labelZh; }

    public String labelEn() { return labelEn; }
}
