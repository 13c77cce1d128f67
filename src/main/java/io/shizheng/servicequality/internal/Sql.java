package io.shizheng.servicequality.internal;

import java.util.HashMap;
import java.util.Map;

/** Optional named parameters for SQL whose filters are present only when given. */
final class Sql {

    private Sql() {
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
