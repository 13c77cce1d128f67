package io.shizheng.documents.internal;

import java.util.Locale;

/** 速別: how fast a document must be handled; each class has its number of working days. */
public enum Priority {
    MOST_URGENT("最速件", "Most urgent"),
    URGENT("速件", "Urgent"),
    ORDINARY("普通件", "Ordinary");

    private final String zh;
    private final String en;

    Priority(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() { return zh; }

    public String en() { return en; }

    public String label() { return zh + " / " + en; }

    /** Accepts the code or the Chinese name, as document systems export either. */
    static Priority parse(String text) {
        String t = text == null ? "" : text.trim();
        for (Priority p : values()) {
            if (p.name().equalsIgnoreCase(t) || p.zh.equals(t)) {
                return p;
            }
        }
        if (t.equals("最速") ) {
            return MOST_URGENT;
        }
        if (t.equals("速")) {
            return URGENT;
        }
        if (t.equals("普通")) {
            return ORDINARY;
        }
        throw new IllegalArgumentException(t.toUpperCase(Locale.ROOT));
    }
}
