package io.shizheng.cases.internal;

/** How a case ended; the public text says it without any personal detail. */
public enum ClosingCategory {
    RESOLVED("已處理完成", "resolved"),
    EXPLAINED("已說明答復", "explained to the citizen"),
    ANSWERED("當場答復", "answered at first contact"),
    SCHEDULED("已列入計畫辦理", "scheduled for later work"),
    UNABLE("礙難辦理", "cannot be done"),
    REFERENCE("前案已答復", "answered earlier in a linked case"),
    DUPLICATE("併案處理", "merged with an open case");

    final String zh;
    final String en;

    ClosingCategory(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() { return zh + " / " + en; }
}
