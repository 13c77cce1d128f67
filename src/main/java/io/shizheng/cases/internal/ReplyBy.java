package io.shizheng.cases.internal;

/** The channel by which the citizen wants the reply. */
enum ReplyBy {
    NONE("不需回覆", "no reply"),
    EMAIL("電子郵件", "e-mail"),
    PHONE("電話", "phone"),
    LETTER("書面", "letter");

    final String zh;
    final String en;

    ReplyBy(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String label() { return zh + " / " + en; }
}
