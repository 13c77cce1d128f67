package io.shizheng.documents.internal;

/** The quality-inspection checklist: each sampled document is scored in every category. */
public enum Checklist {
    FORMAT("格式", "Format"),
    WORDING("文字用語", "Wording"),
    TIMELINESS("時效", "Timeliness"),
    CLASSIFICATION("分類與保存", "Classification");

    private final String zh;
    private final String en;

    Checklist(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() { return zh + " / " + en; }

    static Checklist parse(String text) {
        for (Checklist c : values()) {
            if (c.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return c;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
