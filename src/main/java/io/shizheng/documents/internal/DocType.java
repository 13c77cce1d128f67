package io.shizheng.documents.internal;

/** 公文類別 as the document management system records it. */
public enum DocType {
    INCOMING("收文", "Incoming"),
    OUTGOING("創稿/發文", "Outgoing"),
    PETITION("人民陳情", "Petition"),
    APPLICATION("人民申請", "Application");

    private final String zh;
    private final String en;

    DocType(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }

    public String label() { return zh + " / " + en; }

    static DocType parse(String text) {
        String t = text == null ? "" : text.trim();
        for (DocType d : values()) {
            if (d.name().equalsIgnoreCase(t) || d.zh.equals(t)) {
                return d;
            }
        }
        switch (t) {
            case "發文", "創稿" -> { return OUTGOING; }
            case "陳情" -> { return PETITION; }
            case "申請" -> { return APPLICATION; }
            default -> throw new IllegalArgumentException(t);
        }
    }
}
