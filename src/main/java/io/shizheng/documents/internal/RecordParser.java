package io.shizheng.documents.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.ShizhengUser;

/**
 * Reads the columns of an export by their header (English keys or the Chinese names the document system prints)
 * and turns each row into a {@link DocumentRecord}, or into the problems that row has.
 */
final class RecordParser {

    static final List<String> COLUMNS = List.of("doc_no", "agency", "unit", "type", "priority", "subject", "received",
            "deadline", "closed", "extensions", "project_control", "overdue_reason");
    private static final List<String> REQUIRED = List.of("doc_no", "agency", "unit", "type", "priority", "received");
    private static final Map<String, String> ALIASES = new HashMap<>();

    static {
        String[][] pairs = {{"文號", "doc_no"}, {"docno", "doc_no"}, {"機關代碼", "agency"}, {"機關", "agency"},
                {"承辦單位", "unit"}, {"單位", "unit"}, {"類別", "type"}, {"公文類別", "type"}, {"速別", "priority"},
                {"主旨", "subject"}, {"收文日期", "received"}, {"收文日", "received"}, {"限辦日期", "deadline"},
                {"來文限期", "deadline"}, {"結案日期", "closed"}, {"結案日", "closed"}, {"展期", "extensions"},
                {"展期日數", "extensions"}, {"專案管制", "project_control"}, {"projectcontrol", "project_control"},
                {"逾期原因", "overdue_reason"}, {"overduereason", "overdue_reason"}};
        for (String[] p : pairs) {
            ALIASES.put(p[0], p[1]);
        }
        COLUMNS.forEach(c -> ALIASES.put(c, c));
    }

    private final AgencyDirectory agencies;
    private final DeadlineRules.Bulk deadlines;
    private final DeadlineRules rules;
    private final ShizhengUser user;
    private final LocalDate today;
    private final Map<String, Agency> byCode = new HashMap<>();
    private final AgencyScope scope;
    private final int[] index = new int[COLUMNS.size()];

    RecordParser(AgencyDirectory agencies, DeadlineRules rules, ShizhengUser user, LocalDate today) {
        this.agencies = agencies;
        this.rules = rules;
        this.deadlines = rules.bulk();
        this.user = user;
        this.today = today;
        agencies.all().forEach(a -> byCode.put(a.code().toUpperCase(Locale.ROOT), a));
        // Everything the rows need from the database is read here, before the COPY takes the connection.
        this.scope = agencies.scopeOf(user);
    }

    /** Maps the header; returns the problems (missing columns) or an empty list. */
    List<FieldProblem> header(List<String> cells, String where) {
        java.util.Arrays.fill(index, -1);
        for (int i = 0; i < cells.size(); i++) {
            String key = cells.get(i).trim().toLowerCase(Locale.ROOT).replace(' ', '_');
            String column = ALIASES.get(key);
            if (column == null) {
                column = ALIASES.get(key.replace("_", ""));
            }
            if (column != null) {
                index[COLUMNS.indexOf(column)] = i;
            }
        }
        List<FieldProblem> problems = new ArrayList<>();
        for (String r : REQUIRED) {
            if (index[COLUMNS.indexOf(r)] < 0) {
                problems.add(new FieldProblem(where + ": " + r, "缺少欄位 " + r + " / the header lacks the column "
                        + r + "（需要 required: " + String.join(", ", REQUIRED) + "）"));
            }
        }
        return problems;
    }

    private static final Map<String, Integer> POSITION = new HashMap<>();

    static {
        for (int i = 0; i < COLUMNS.size(); i++) {
            POSITION.put(COLUMNS.get(i), i);
        }
    }

    private String cell(List<String> cells, String column) {
        int i = index[POSITION.get(column)];
        if (i < 0 || i >= cells.size()) {
            return "";
        }
        String v = cells.get(i);
        return v == null ? "" : v.trim();
    }

    /** The record, or null after adding this row's problems to {@code problems}. */
    DocumentRecord parse(RowSource.RawRow row, String where, List<FieldProblem> problems) {
        int before = problems.size();
        List<String> c = row.cells();
        String docNo = cell(c, "doc_no");
        if (docNo.isEmpty()) {
            problems.add(new FieldProblem(where + ": doc_no", "文號必填 / document number is required"));
        } else if (docNo.length() > 40) {
            problems.add(new FieldProblem(where + ": doc_no", "文號過長（上限 40 字）/ document number longer than 40"));
        }
        String code = cell(c, "agency");
        Agency agency = byCode.get(code.toUpperCase(Locale.ROOT));
        if (code.isEmpty()) {
            problems.add(new FieldProblem(where + ": agency", "機關代碼必填 / agency code is required"));
        } else if (agency == null || !agency.active()) {
            problems.add(new FieldProblem(where + ": agency", "查無機關代碼「" + code + "」/ unknown agency code " + code));
        } else if (!scope.covers(agency.id())) {
            problems.add(new FieldProblem(where + ": agency", "機關「" + agency.name()
                    + "」不在您的權限範圍 / agency " + code + " is outside your scope"));
        }
        String unit = cell(c, "unit");
        if (unit.isEmpty() || unit.length() > 60) {
            problems.add(new FieldProblem(where + ": unit", "承辦單位必填，上限 60 字 / unit is required (at most 60 characters)"));
        }
        DocType type = null;
        try {
            type = DocType.parse(cell(c, "type"));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(where + ": type", "類別須為 INCOMING/OUTGOING/PETITION/APPLICATION（收文、發文、人民陳情、人民申請）/ unknown type «"
                    + cell(c, "type") + "»"));
        }
        Priority priority = null;
        try {
            priority = Priority.parse(cell(c, "priority"));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(where + ": priority", "速別須為最速件、速件或普通件 / priority must be MOST_URGENT, URGENT or ORDINARY, not «"
                    + cell(c, "priority") + "»"));
        }
        LocalDate received = date(c, "received", where, problems, true);
        LocalDate deadline = date(c, "deadline", where, problems, false);
        LocalDate closed = date(c, "closed", where, problems, false);
        if (received != null && received.isAfter(today)) {
            problems.add(new FieldProblem(where + ": received", "收文日期不可晚於今天 / received date is in the future"));
        }
        if (received != null && closed != null && closed.isBefore(received)) {
            problems.add(new FieldProblem(where + ": closed", "結案日期 " + closed + " 早於收文日期 " + received
                    + " / closed before it was received"));
        }
        if (closed != null && closed.isAfter(today)) {
            problems.add(new FieldProblem(where + ": closed", "結案日期不可晚於今天 / closed date is in the future"));
        }
        List<Integer> extensions = new ArrayList<>(3);
        String ext = cell(c, "extensions");
        if (!ext.isEmpty()) {
            try {
                for (String part : ext.split("[;|、/ ]+")) {
                    if (!part.isBlank()) {
                        extensions.add(Integer.parseInt(part.trim()));
                    }
                }
                String problem = rules.checkExtensions(extensions);
                if (problem != null) {
                    problems.add(new FieldProblem(where + ": extensions", problem));
                }
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem(where + ": extensions", "展期日數須為整數，多次以分號分隔，例如 5;10 / extensions are whole days separated by ';', e.g. 5;10"));
            }
        }
        Boolean projectControl = bool(cell(c, "project_control"));
        if (projectControl == null) {
            problems.add(new FieldProblem(where + ": project_control", "專案管制須為 Y 或 N / project_control must be Y or N"));
        }
        OverdueReason reason = null;
        String r = cell(c, "overdue_reason");
        if (!r.isEmpty()) {
            try {
                reason = OverdueReason.parse(r);
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(where + ": overdue_reason", "未知的逾期原因「" + r + "」/ unknown overdue reason; use one of "
                        + java.util.Arrays.toString(OverdueReason.values())));
            }
        }
        String subject = cell(c, "subject");
        if (subject.length() > 300) {
            problems.add(new FieldProblem(where + ": subject", "主旨過長（上限 300 字）/ subject longer than 300 characters"));
        }
        if (problems.size() > before) {
            return null;
        }
        int extensionDays = extensions.stream().mapToInt(Integer::intValue).sum();
        return new DocumentRecord(row.line(), docNo, agency.id(), unit, type, priority, subject.isEmpty() ? null : subject,
                received, deadline, closed, List.copyOf(extensions), projectControl, reason,
                deadlines.compute(received, priority, deadline, extensionDays));
    }

    private static int digits(String v, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException(v);
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static Boolean bool(String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "", "n", "no", "false", "0", "否" -> false;
            case "y", "yes", "true", "1", "是" -> true;
            default -> null;
        };
    }

    private LocalDate date(List<String> c, String column, String where, List<FieldProblem> problems, boolean required) {
        String v = cell(c, column);
        if (v.isEmpty()) {
            if (required) {
                problems.add(new FieldProblem(where + ": " + column, "日期必填 / date is required"));
            }
            return null;
        }
        LocalDate d = parseDate(v);
        if (d == null) {
            problems.add(new FieldProblem(where + ": " + column, "日期格式應為 2018-03-05 或民國 107/03/05 / not a date: «" + v + "»"));
        }
        return d;
    }

    /** ISO dates, or ROC dates as 107/03/05, 107-03-05 or 1070305. */
    static LocalDate parseDate(String v) {
        try {
            if (v.length() == 10 && v.charAt(4) == '-' && v.charAt(7) == '-') {
                // The common case, read without a formatter: millions of rows go through here.
                return LocalDate.of(digits(v, 0, 4), digits(v, 5, 7), digits(v, 8, 10));
            }
            if (v.length() == 7 && v.chars().allMatch(Character::isDigit)) {
                return LocalDate.of(Integer.parseInt(v.substring(0, 3)) + 1911, Integer.parseInt(v.substring(3, 5)),
                        Integer.parseInt(v.substring(5)));
            }
            String[] p = v.split("[/.-]");
            if (p.length == 3) {
                int y = Integer.parseInt(p[0]);
                return LocalDate.of(y < 1000 ? y + 1911 : y, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return null;
        }
        return null;
    }
}
