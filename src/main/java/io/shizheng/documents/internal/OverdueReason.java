package io.shizheng.documents.internal;

/** Why a document was closed late (or is still overdue): the categories of the overdue analysis. */
public enum OverdueReason {
    MULTI_UNIT("會辦單位多", "Many units to consult"),
    COMPLEX("案情複雜", "Complex case"),
    STAFFING("人力不足", "Understaffed"),
    AWAITING_PARTY("待當事人補正", "Awaiting the applicant"),
    SYSTEM("系統或作業因素", "System or process"),
    OTHER("其他", "Other");

    private final String zh;
    private final String en;

    OverdueReason(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() { return zh + " / " + en; }

    static OverdueReason parse(String text) {
        String t = text == null ? "" : text.trim();
        for (OverdueReason r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.zh.equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException(t);
    }

    public static String labelOf(String code) {
        if (code == null) {
            return "未填 / Not given";
        }
        try {
            return valueOf(code).label();
        } catch (IllegalArgumentException e) {
            return code;
        }
    }
}
