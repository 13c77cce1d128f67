package io.shizheng.cases.internal;

import java.util.List;

import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;

/** What people type into a case, read one way everywhere: blank, trimmed, digits, one of an enum. */
public final class Inputs {

    private Inputs() {
    }

    static final int MAX_TEXT = 4000;

    public static boolean isBlank(String s) { return s == null || s.isBlank(); }

    static String trim(String s) { return isBlank(s) ? null : s.strip(); }

    static String trimUpper(String s) { return isBlank(s) ? null : s.strip().toUpperCase(); }

    static String digits(String s) {
        if (isBlank(s)) {
            return null;
        }
        String d = s.replaceAll("[^0-9]", "");
        return d.isEmpty() ? "" : d;
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldProblem> p) {
        if (isBlank(value)) {
            p.add(new FieldProblem(field, "必填 / required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            p.add(new FieldProblem(field, "不是可選的值 / not one of the allowed values"));
            return null;
        }
    }
}
