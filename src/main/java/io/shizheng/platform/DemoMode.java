package io.shizheng.platform;

/**
 * Whether this installation runs with generated demo data (the default) or as a real one (prod profile).
 * {@code scale} shrinks demo volumes (1.0 = realistic, e.g. 765,000 calls a year; tests use less).
 */
public record DemoMode(boolean enabled, boolean embeddedDatabase, double scale) {

    /** A realistic count scaled down for tests, never below {@code min}. */
    public int scaled(int realistic, int min) {
        return Math.max(min, (int) Math.round(realistic * scale));
    }
}
