package io.shizheng.opendata.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The result of the quality checks on one resource (or a dataset): each check, and the level it earns. */
record QualityReport(String level, Instant checkedAt, long rows, int columns, String sourceEncoding,
                     String detectedFormat, List<Check> checks) {

    enum Status { pass, warn, fail, na }

    /** One check: its code, outcome, a bilingual message, the first offending lines, and whether it blocks upload. */
    record Check(String code, String title, Status status, String message, List<Long> lines, boolean blocking) {
    }

    static String levelOf(List<Check> checks) {
        boolean fail = checks.stream().anyMatch(c -> c.status() == Status.fail);
        boolean warn = checks.stream().anyMatch(c -> c.status() == Status.warn);
        return (fail ? QualityLevel.bronze : warn ? QualityLevel.silver : QualityLevel.gold).name();
    }

    List<Check> blocking() {
        return checks.stream().filter(Check::blocking).toList();
    }

    /** Collects checks as a file is read. */
    static final class Builder {
        final List<Check> checks = new ArrayList<>();

        Builder add(String code, String title, Status status, String message, List<Long> lines, boolean blocking) {
            checks.add(new Check(code, title, status, message, lines == null ? List.of() : List.copyOf(lines), blocking));
            return this;
        }
    }
}
