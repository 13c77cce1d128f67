package io.shizheng.platform;

/** The roles of the platform; a user holds one or more, always within an agency scope. */
public enum Role {
    ADMIN("系統管理者", "Administrator"),
    RDEC_STAFF("研考會承辦", "RDEC staff"),
    AGENCY_OFFICER("機關承辦", "Agency officer"),
    REVIEWER("審查委員", "Reviewer"),
    CALL_AGENT("1999話務人員", "1999 call agent"),
    VILLAGE_CHIEF("里長", "Village chief"),
    /** For the metrics scraper (Prometheus): reads /actuator/prometheus; give it no other role. */
    MONITORING("系統監控", "Monitoring");

    private final String labelZh;
    private final String labelEn;

    Role(String labelZh, String labelEn) {
        this.labelZh = labelZh;
        this.labelEn = labelEn;
    }

    public String labelZh() { return labelZh; }

    public String labelEn() { return labelEn; }

    public String authority() { return "ROLE_" + name(); }
}
