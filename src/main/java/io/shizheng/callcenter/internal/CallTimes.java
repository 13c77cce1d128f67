package io.shizheng.callcenter.internal;

import java.time.LocalDate;

/**
 * Fast parsing of the telephone system's timestamps into epoch seconds: {@code 2018-03-05 08:01:02},
 * {@code 2018-03-05T08:01:02}, slashes instead of dashes, optional fraction (dropped), optional {@code Z} or
 * offset ({@code +08:00}, {@code +0800}, {@code +08}). Without an offset the time is Taipei time (UTC+8, which
 * has had no daylight saving since 1979).
 */
final class CallTimes {

    static final long INVALID = Long.MIN_VALUE;
    private static final int TAIPEI_OFFSET = 8 * 3600;

    private CallTimes() {
    }

    static long parse(String s) {
        int n = s.length();
        if (n < 19) {
            return INVALID;
        }
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        int h = digits(s, 11, 2);
        int mi = digits(s, 14, 2);
        int se = digits(s, 17, 2);
        char s1 = s.charAt(4);
        char s2 = s.charAt(7);
        char t = s.charAt(10);
        if (y < 0 || mo < 0 || d < 0 || h < 0 || mi < 0 || se < 0 || (s1 != '-' && s1 != '/') || s2 != s1
                || (t != ' ' && t != 'T') || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return INVALID;
        }
        if (y < 1980 || y > 2100 || mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59) {
            return INVALID;
        }
        if (d > 28 && d > LocalDate.of(y, mo, 1).lengthOfMonth()) {
            return INVALID;
        }
        int i = 19;
        if (i < n && s.charAt(i) == '.') {
            i++;
            int start = i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start) {
                return INVALID;
            }
        }
        int offset = TAIPEI_OFFSET;
        if (i < n) {
            char z = s.charAt(i);
            if (z == 'Z' && i + 1 == n) {
                offset = 0;
            } else if (z == '+' || z == '-') {
                String rest = s.substring(i + 1);
                int oh;
                int om = 0;
                if (rest.length() == 2) {
                    oh = digits(rest, 0, 2);
                } else if (rest.length() == 4) {
                    oh = digits(rest, 0, 2);
                    om = digits(rest, 2, 2);
                } else if (rest.length() == 5 && rest.charAt(2) == ':') {
                    oh = digits(rest, 0, 2);
                    om = digits(rest, 3, 2);
                } else {
                    return INVALID;
                }
                if (oh < 0 || om < 0 || oh > 14 || om > 59) {
                    return INVALID;
                }
                offset = (z == '+' ? 1 : -1) * (oh * 3600 + om * 60);
            } else {
                return INVALID;
            }
        }
        long days = LocalDate.of(y, mo, d).toEpochDay();
        return days * 86400L + h * 3600L + mi * 60L + se - offset;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
