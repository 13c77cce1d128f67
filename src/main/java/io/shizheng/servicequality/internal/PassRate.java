package io.shizheng.servicequality.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Tests scoring at or above the pass mark over all tests scored; null percent when nothing was tested. */
record PassRate(long tests, long passed) {

    PassRate {
        if (tests < 0 || passed < 0 || passed > tests) {
            throw new IllegalArgumentException("passed must lie within 0..tests");
        }
    }

    public BigDecimal percent() {
        if (tests == 0) {
            return null;
        }
        return BigDecimal.valueOf(passed * 100L).divide(BigDecimal.valueOf(tests), 1, RoundingMode.HALF_UP);
    }

    public PassRate plus(PassRate other) {
        return new PassRate(tests + other.tests, passed + other.passed);
    }

    static final PassRate NONE = new PassRate(0, 0);
}
