package io.shizheng.cases.internal;

/** A citizen's identity and contact as stored once; every field may be empty (anonymous reports). */
public record Citizen(Long id, String name, String idNumber, String phone, String email, String address) {

    boolean isEmpty() {
        return blank(name) && blank(idNumber) && blank(phone) && blank(email) && blank(address);
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    /** The same data masked for people who do not handle the case: enough to tell callers apart, no more. */
    Citizen masked() {
        return new Citizen(null, maskName(name), maskMiddle(idNumber, 1, 2), maskMiddle(phone, 4, 3), maskEmail(email),
                maskAddress(address));
    }

    static String maskName(String s) {
        if (blank(s)) {
            return s;
        }
        int first = s.codePointAt(0);
        int rest = s.codePointCount(0, s.length()) - 1;
        return new String(Character.toChars(first)) + "○".repeat(Math.max(1, rest));
    }

    static String maskMiddle(String s, int keepStart, int keepEnd) {
        if (blank(s)) {
            return s;
        }
        if (s.length() <= keepStart + keepEnd) {
            return "*".repeat(s.length());
        }
        return s.substring(0, keepStart) + "*".repeat(s.length() - keepStart - keepEnd) + s.substring(s.length() - keepEnd);
    }

    static String maskEmail(String s) {
        if (blank(s)) {
            return s;
        }
        int at = s.indexOf('@');
        if (at <= 0) {
            return maskMiddle(s, 1, 0);
        }
        return s.charAt(0) + "***" + s.substring(at);
    }

    /** Keeps the city and district (the first six characters), hides the street and number. */
    static String maskAddress(String s) {
        if (blank(s)) {
            return s;
        }
        return s.length() <= 6 ? "***" : s.substring(0, 6) + "***";
    }
}
