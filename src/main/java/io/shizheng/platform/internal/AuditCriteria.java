package io.shizheng.platform.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.AuditLog.AuditFilter;
import io.shizheng.platform.RocDate;

/**
 * The audit-log filters exactly as a person or an API client sent them (query parameters, all text),
 * checked in one go so that every mistake is reported together and a bad filter is never half applied.
 * Dates are whole days in Asia/Taipei, written 2018-03-05 or in ROC years 107/03/05; both ends inclusive.
 */
record AuditCriteria(String username, String entityType, String entityId, String agencyId, String action,
                     String from, String to, String page, String size) {

    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 200;
    private static final int MAX_PAGE = 1_000_000;
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern ROC = Pattern.compile("(\\d{1,3})[/.-](\\d{1,2})[/.-](\\d{1,2})");

    static AuditCriteria empty() {
        return new AuditCriteria(null, null, null, null, null, null, null, null, null);
    }

    /** The checked query, or {@link InvalidAuditFilter} naming every field that is wrong. */
    AuditQuery check() {
        List<Problem> problems = new ArrayList<>();
        Long agency = null;
        if (!blank(agencyId)) {
            try {
                agency = Long.valueOf(agencyId.trim());
                if (agency <= 0) {
                    problems.add(new Problem("agencyId", "audit.error.agencyId", agencyId.trim()));
                    agency = null;
                }
            } catch (NumberFormatException e) {
                problems.add(new Problem("agencyId", "audit.error.agencyId", agencyId.trim()));
            }
        }
        AuditAction act = null;
        if (!blank(action)) {
            try {
                act = AuditAction.valueOf(action.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("action", "audit.error.action", action.trim()));
            }
        }
        LocalDate fromDate = date("from", from, problems);
        LocalDate toDate = date("to", to, problems);
        if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
            problems.add(new Problem("to", "audit.error.range", from.trim(), to.trim()));
        }
        int pageNo = number("page", page, 0, 0, MAX_PAGE, "audit.error.page", problems);
        int pageSize = number("size", size, DEFAULT_SIZE, 1, MAX_SIZE, "audit.error.size", problems);
        if (!problems.isEmpty()) {
            throw new InvalidAuditFilter(problems);
        }
        Instant start = fromDate == null ? null : fromDate.atStartOfDay(RocDate.TAIPEI).toInstant();
        // The end date is inclusive: everything before the next midnight in Taipei.
        Instant end = toDate == null ? null : toDate.plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant();
        AuditFilter filter = new AuditFilter(trimmed(username), trimmed(entityType), trimmed(entityId), agency, act,
                start, end);
        return new AuditQuery(filter, fromDate, toDate, pageNo, pageSize);
    }

    private static LocalDate date(String field, String text, List<Problem> problems) {
        if (blank(text)) {
            return null;
        }
        String t = text.trim();
        Matcher iso = ISO.matcher(t);
        Matcher roc = ROC.matcher(t);
        try {
            if (iso.matches()) {
                return LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            }
            if (roc.matches() && Integer.parseInt(roc.group(1)) > 0) {
                return LocalDate.of(RocDate.isoYear(Integer.parseInt(roc.group(1))), Integer.parseInt(roc.group(2)),
                        Integer.parseInt(roc.group(3)));
            }
        } catch (DateTimeException e) {
            // falls through to the problem below: 2018-02-30 is as wrong as "yesterday"
        }
        problems.add(new Problem(field, "audit.error.date", t));
        return null;
    }

    private static int number(String field, String text, int dflt, int min, int max, String code,
                              List<Problem> problems) {
        if (blank(text)) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(new Problem(field, code, text.trim(), min, max));
        return dflt;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimmed(String s) {
        return blank(s) ? null : s.trim();
    }

    /** A checked query: the filter for {@code AuditLog.search}, the Taipei dates it came from, and the page. */
    record AuditQuery(AuditFilter filter, LocalDate fromDate, LocalDate toDate, int page, int size) {
    }

    /** One wrong field: its name, the message key (i18n/messages) and the arguments of the message. */
    record Problem(String field, String code, Object... args) {
    }

    /** Raised by {@link #check()}; the API answers 400 problem+json, the page shows the messages. */
    static final class InvalidAuditFilter extends IllegalArgumentException {

        private final transient List<Problem> problems;

        InvalidAuditFilter(List<Problem> problems) {
            super("invalid audit filter: " + problems.stream().map(Problem::field).toList());
            this.problems = List.copyOf(problems);
        }

        List<Problem> problems() {
            return problems;
        }
    }
}
