package io.shizheng.cases.internal;

/** A case type with its deadline rule (table cases_type, editable). */
public record CaseType(String code, String name, String nameEn, int replyDays, boolean fromNextDay, int reassignDays) {

    public String label() { return name + " / " + nameEn; }
}
