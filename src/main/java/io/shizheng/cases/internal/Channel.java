package io.shizheng.cases.internal;

/** How a case reached the city. */
public enum Channel {
    PHONE("1999 電話", "1999 call"),
    MAILBOX("市長信箱", "Mayor's mailbox"),
    LETTER("書信", "Letter"),
    COUNTER("臨櫃", "Counter"),
    EMAIL("電子郵件", "E-mail"),
    OPEN311("Open311 App", "Open311 app");

    final String zh;
    final String en;

    Channel(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() { return zh + " / " + en; }
}
