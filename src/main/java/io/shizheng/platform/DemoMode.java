package io.shizheng.platform;

/** Whether this installation runs with generated demo data (the default) or as a real one (prod profile). */
public record DemoMode(boolean enabled, boolean embeddedDatabase) {
}
