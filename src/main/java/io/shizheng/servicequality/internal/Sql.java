package io.shizheng.servicequality.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Agency-scope clauses for named-parameter SQL: no clause for city-wide, {@code in (:scope)} otherwise. */
final class Sql {

    private Sql() {
    }

    static String scope(String column, List<Long> scope) {
        return scope == null ? "" : " where " + column + " in (:scope)";
    }

    static String scopeAnd(String column, List<Long> scope) {
        return scope == null ? "" : " and " + column + " in (:scope)";
    }

    static Map<String, Object> params(List<Long> scope) {
        Map<String, Object> p = new HashMap<>();
        if (scope != null) {
            // an empty scope matches nothing
            p.put("scope", scope.isEmpty() ? List.of(-1L) : scope);
        }
        return p;
    }

    /** Named parameters from name/value pairs, leaving out the null values. */
    static Map<String, Object> optional(Object... pairs) {
        Map<String, Object> p = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                p.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return p;
    }
}
