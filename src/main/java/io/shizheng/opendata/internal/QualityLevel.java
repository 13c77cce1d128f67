package io.shizheng.opendata.internal;

/**
 * A dataset's quality level: gold when every check passes, silver when only warnings remain, bronze when a
 * check fails (or there is no file to check).
 */
public enum QualityLevel {
    gold("金標章", "gold"), silver("銀標章", "silver"), bronze("銅標章", "bronze");

    final String zh;
    final String en;

    QualityLevel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    /** 金標章 / gold, for pages. */
    public static String label(String code) {
        if (code == null) {
            return "未檢查 / not checked";
        }
        for (QualityLevel l : values()) {
            if (l.name().equals(code)) {
                return l.zh + " / " + l.en;
            }
        }
        return code;
    }

    QualityLevel worst(QualityLevel other) {
        return other == null ? this : (ordinal() >= other.ordinal() ? this : other);
    }
}
