package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.shizheng.opendata.internal.QualityReport.Builder;
import io.shizheng.opendata.internal.QualityReport.Status;
import org.springframework.stereotype.Component;
import io.shizheng.opendata.internal.formats.FileSniffer;
import io.shizheng.opendata.internal.formats.StructuredReaders;
import io.shizheng.opendata.internal.formats.Formats;

/**
 * The quality checks run on every new file and on every scheduled re-check: machine-readable format, UTF-8,
 * header row, consistent column count, consistent types per column (or the declared schema's types), empty
 * required fields, duplicate keys, dates in ISO 8601 or ROC form, and the declared format against the content.
 * Reads the file once, streaming.
 */
@Component
class QualityChecker {

    static final int MAX_LINES = 20;
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?|[+-]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?)?");
    private static final Pattern ROC_DATE = Pattern.compile("(民國)?\\d{2,3}([/.-])\\d{1,2}\\2\\d{1,2}|民國?\\d{2,3}年\\d{1,2}月\\d{1,2}日|\\d{3}[01]\\d[0-3]\\d");
    private static final Pattern OTHER_DATE = Pattern.compile("\\d{4}/\\d{1,2}/\\d{1,2}|\\d{1,2}/\\d{1,2}/\\d{4}|\\d{4}年\\d{1,2}月\\d{1,2}日");
    private static final Pattern DATE_HEADER = Pattern.compile("(?i).*(日期|date|時間|年月日|_at$|_on$).*");
    private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|是|否|y|n");

    private final Clock clock;

    QualityChecker(Clock clock) {
        this.clock = clock;
    }

    /**
     * Checks a file. {@code utf8File} is the content in UTF-8 (transcoded when the source was Big5);
     * {@code sourceEncoding} is what it was uploaded in (null for binary files).
     */
    QualityReport check(Path utf8File, String declaredFormat, String detectedFormat, String sourceEncoding,
                        FieldSchema schema) {
        Builder b = new Builder();
        String format = declaredFormat == null ? detectedFormat : declaredFormat.toUpperCase(Locale.ROOT);
        boolean readable = format != null && Formats.MACHINE_READABLE.contains(format);
        b.add("machine_readable", "開放格式 / machine-readable format", readable ? Status.pass : Status.fail,
                readable ? format + " 為結構化開放格式 / is an open structured format"
                        : (format == null ? "格式未知" : format) + " 不是機器可讀格式，建議改提供 CSV 或 JSON / is not "
                        + "machine-readable; publish CSV or JSON", null, false);
        boolean match = FileSniffer.matches(declaredFormat, detectedFormat);
        b.add("format_match", "宣告格式相符 / declared format matches content", match ? Status.pass : Status.fail,
                match ? "內容為 " + detectedFormat + " / content is " + detectedFormat
                        : "宣告為 " + declaredFormat + "，但內容是 " + detectedFormat + " / declared " + declaredFormat
                        + " but the content is " + detectedFormat, null, !match);
        if (sourceEncoding != null) {
            boolean utf8 = sourceEncoding.equals("UTF-8");
            b.add("utf8", "UTF-8 編碼 / UTF-8 encoding", utf8 ? Status.pass : Status.warn,
                    utf8 ? "檔案為 UTF-8 / the file is UTF-8" : "原始檔為 " + sourceEncoding + "，已轉為 UTF-8；請改以 "
                            + "UTF-8 提供 / the file was " + sourceEncoding + " and was converted to UTF-8; publish UTF-8",
                    null, false);
        }
        long rows = 0;
        int columns = 0;
        if (match && format != null && (format.equals("CSV") || format.equals("JSON") || format.equals("XML"))) {
            try (TableReader reader = open(utf8File, format)) {
                Tabular t = tabular(reader, schema, b);
                rows = t.rows;
                columns = t.columns;
            } catch (IOException | RuntimeException e) {
                b.add("readable", "可讀取 / readable", Status.fail, "無法讀取：" + e.getMessage() + " / cannot read the file",
                        null, true);
            }
        } else if (format != null && (format.equals("XLSX") || format.equals("ODS"))) {
            b.add("tabular", "表格檢查 / table checks", Status.na, "試算表僅檢查格式；欄位檢查請提供 CSV / spreadsheets "
                    + "get format checks only; publish CSV for column checks", null, false);
        }
        List<QualityReport.Check> checks = b.checks;
        return new QualityReport(QualityReport.levelOf(checks), clock.instant(), rows, columns, sourceEncoding,
                detectedFormat, List.copyOf(checks));
    }

    static TableReader open(Path utf8File, String format) throws IOException {
        Reader r = Files.newBufferedReader(utf8File, StandardCharsets.UTF_8);
        return switch (format) {
            case "JSON" -> StructuredReaders.json(r);
            case "XML" -> StructuredReaders.xml(r);
            default -> TableReader.csv(r);
        };
    }

    private record Tabular(long rows, int columns) {
    }

    /** Per column: what kinds of value it has had, and the first lines that broke its pattern. */
    private static final class Column {
        String name;
        FieldSchema.Field declared;
        boolean dateColumn;
        long ints;
        long numbers;
        long dates;
        long texts;
        long empties;
        final List<Long> textLines = new ArrayList<>();
        final List<Long> badDateLines = new ArrayList<>();
        final List<Long> typeLines = new ArrayList<>();
        final List<Long> emptyLines = new ArrayList<>();
    }

    private Tabular tabular(TableReader reader, FieldSchema schema, Builder b) throws IOException {
        List<String> header = reader.next();
        if (header == null) {
            b.add("header", "標題列 / header row", Status.fail, "檔案沒有任何資料 / the file is empty", null, true);
            return new Tabular(0, 0);
        }
        int n = header.size();
        Set<String> seen = new HashSet<>();
        boolean headerOk = true;
        for (String h : header) {
            String s = h.strip();
            if (s.isEmpty() || NUMBER.matcher(s).matches() || ISO_DATE.matcher(s).matches() || !seen.add(s)) {
                headerOk = false;
            }
        }
        b.add("header", "標題列 / header row", headerOk ? Status.pass : Status.warn, headerOk
                ? "第 1 列為欄位名稱：" + String.join("、", header) + " / first row names the columns"
                : "第 1 列欄位名稱有空白、重複或像資料值 / the first row has empty, repeated or data-like names", null, false);
        Column[] cols = new Column[n];
        for (int i = 0; i < n; i++) {
            Column c = new Column();
            c.name = header.get(i).strip();
            if (schema != null) {
                for (FieldSchema.Field f : schema.fields()) {
                    if (f.name().equals(c.name)) {
                        c.declared = f;
                    }
                }
            }
            c.dateColumn = c.declared != null ? c.declared.type().startsWith("date") : DATE_HEADER.matcher(c.name).matches();
            cols[i] = c;
        }
        int[] keyIdx = schema == null ? new int[0] : schema.primaryKey().stream()
                .mapToInt(k -> header.stream().map(String::strip).toList().indexOf(k)).toArray();
        Set<Long> keyHashes = new HashSet<>();
        List<Long> dupLines = new ArrayList<>();
        List<Long> ragged = new ArrayList<>();
        long raggedCount = 0;
        long rows = 0;
        List<String> row;
        while ((row = reader.next()) != null) {
            long line = reader.line();
            if (row.size() == 1 && row.get(0).isEmpty()) {
                continue;
            }
            rows++;
            if (row.size() != n) {
                raggedCount++;
                if (ragged.size() < MAX_LINES) {
                    ragged.add(line);
                }
            }
            for (int i = 0; i < Math.min(n, row.size()); i++) {
                observe(cols[i], row.get(i).strip(), line);
            }
            if (keyIdx.length > 0 && java.util.Arrays.stream(keyIdx).allMatch(k -> k >= 0)) {
                long h = 1125899906842597L;
                for (int k : keyIdx) {
                    String v = k < row.size() ? row.get(k).strip() : "";
                    h = 31 * h + v.hashCode();
                    h = 31 * h + v.length();
                }
                if (!keyHashes.add(h) && dupLines.size() < MAX_LINES) {
                    dupLines.add(line);
                }
            }
        }
        b.add("column_count", "欄位數一致 / consistent column count", raggedCount == 0 ? Status.pass : Status.fail,
                raggedCount == 0 ? "每列皆為 " + n + " 欄 / every row has " + n + " columns"
                        : raggedCount + " 列的欄位數不是 " + n + "（第 " + join(ragged) + " 行）/ " + raggedCount
                        + " rows do not have " + n + " columns (lines " + join(ragged) + ")", ragged, raggedCount > 0);
        typesCheck(cols, b);
        requiredCheck(cols, schema, b);
        if (schema == null || schema.primaryKey().isEmpty()) {
            b.add("duplicate_keys", "主鍵不重複 / unique keys", Status.na, "未宣告主鍵 / no primary key declared", null, false);
        } else {
            b.add("duplicate_keys", "主鍵不重複 / unique keys", dupLines.isEmpty() ? Status.pass : Status.fail,
                    dupLines.isEmpty() ? "主鍵 " + schema.primaryKey() + " 皆不重複 / keys are unique"
                            : "主鍵重複（第 " + join(dupLines) + " 行）/ duplicate keys (lines " + join(dupLines) + ")",
                    dupLines, false);
        }
        datesCheck(cols, b);
        return new Tabular(rows, n);
    }

    private static void observe(Column c, String v, long line) {
        if (v.isEmpty()) {
            c.empties++;
            if (c.emptyLines.size() < MAX_LINES) {
                c.emptyLines.add(line);
            }
            return;
        }
        boolean isInt = INTEGER.matcher(v).matches();
        boolean isNum = isInt || NUMBER.matcher(v).matches();
        boolean iso = ISO_DATE.matcher(v).matches();
        boolean roc = !iso && ROC_DATE.matcher(v).matches();
        if (c.dateColumn) {
            if (iso || roc) {
                c.dates++;
            } else if (c.badDateLines.size() < MAX_LINES) {
                c.badDateLines.add(line);
                c.texts++;
            } else {
                c.texts++;
            }
        } else if (isInt) {
            c.ints++;
        } else if (isNum) {
            c.numbers++;
        } else if (iso) {
            c.dates++;
        } else {
            c.texts++;
            if (c.textLines.size() < MAX_LINES) {
                c.textLines.add(line);
            }
        }
        if (c.declared != null && !fits(c.declared.type(), v, isInt, isNum, iso || roc) && c.typeLines.size() < MAX_LINES) {
            c.typeLines.add(line);
        }
    }

    private static boolean fits(String type, String v, boolean isInt, boolean isNum, boolean date) {
        return switch (type) {
            case "integer" -> isInt;
            case "number" -> isNum;
            case "date", "datetime" -> date;
            case "boolean" -> BOOLEAN.matcher(v).matches();
            default -> true;
        };
    }

    private static void typesCheck(Column[] cols, Builder b) {
        List<String> problems = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        boolean declaredBroken = false;
        for (Column c : cols) {
            if (c.declared != null) {
                if (!c.typeLines.isEmpty()) {
                    declaredBroken = true;
                    problems.add(c.name + " 應為 " + c.declared.type() + "（第 " + join(c.typeLines) + " 行）");
                    lines.addAll(c.typeLines);
                }
                continue;
            }
            long numeric = c.ints + c.numbers;
            long values = numeric + c.texts + (c.dateColumn ? 0 : c.dates);
            // A column that is mostly numbers but has some text is likely a data-entry slip.
            if (!c.dateColumn && numeric > 0 && c.texts > 0 && numeric * 10 >= values * 8) {
                problems.add(c.name + " 多為數值但有文字（第 " + join(c.textLines) + " 行）");
                lines.addAll(c.textLines);
            }
        }
        Status s = problems.isEmpty() ? Status.pass : declaredBroken ? Status.fail : Status.warn;
        b.add("column_types", "欄位型別一致 / consistent column types", s, problems.isEmpty()
                ? "各欄位的值型別一致 / every column holds one type of value"
                : String.join("；", problems) + " / values do not fit their column's type", cap(lines), false);
    }

    private static void requiredCheck(Column[] cols, FieldSchema schema, Builder b) {
        if (schema == null) {
            b.add("required_fields", "必填欄位 / required fields", Status.na, "未宣告欄位定義 / no field schema declared",
                    null, false);
            return;
        }
        List<String> problems = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        for (FieldSchema.Field f : schema.fields()) {
            Column c = null;
            for (Column x : cols) {
                if (x.name.equals(f.name())) {
                    c = x;
                }
            }
            if (c == null) {
                problems.add("缺少欄位 " + f.name() + " / missing column " + f.name());
            } else if (f.required() && c.empties > 0) {
                problems.add(f.name() + " 有 " + c.empties + " 格空白（第 " + join(c.emptyLines) + " 行）");
                lines.addAll(c.emptyLines);
            }
        }
        b.add("required_fields", "必填欄位 / required fields", problems.isEmpty() ? Status.pass : Status.fail,
                problems.isEmpty() ? "必填欄位皆有值 / required fields are filled"
                        : String.join("；", problems) + " / required values are missing", cap(lines), false);
    }

    private static void datesCheck(Column[] cols, Builder b) {
        List<String> problems = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        boolean any = false;
        for (Column c : cols) {
            if (!c.dateColumn) {
                continue;
            }
            any = true;
            if (!c.badDateLines.isEmpty()) {
                problems.add(c.name + "（第 " + join(c.badDateLines) + " 行）");
                lines.addAll(c.badDateLines);
            }
        }
        if (!any) {
            b.add("dates", "日期格式 / date format", Status.na, "沒有日期欄位 / no date columns", null, false);
            return;
        }
        b.add("dates", "日期格式 / date format", problems.isEmpty() ? Status.pass : Status.warn, problems.isEmpty()
                ? "日期皆為 ISO 8601 或民國年格式 / dates are ISO 8601 or ROC"
                : "日期不是 ISO 8601（2018-01-31）或民國年（107/01/31）格式：" + String.join("；", problems)
                + " / dates are neither ISO 8601 nor ROC", cap(lines), false);
    }

    /** Freshness of a dataset's data against its declared update frequency. */
    QualityReport.Check freshness(String frequency, Instant dataUpdatedAt) {
        UpdateFrequency f = UpdateFrequency.parse(frequency).orElse(UpdateFrequency.irregular);
        if (f.allowance == null) {
            return new QualityReport.Check("freshness", "更新頻率 / freshness", Status.na,
                    "不定期更新 / irregular updates declared", List.of(), false);
        }
        if (dataUpdatedAt == null) {
            return new QualityReport.Check("freshness", "更新頻率 / freshness", Status.warn,
                    "尚無資料檔 / no data yet", List.of(), false);
        }
        Duration age = Duration.between(dataUpdatedAt, clock.instant());
        boolean fresh = age.compareTo(f.allowance) <= 0;
        return new QualityReport.Check("freshness", "更新頻率 / freshness", fresh ? Status.pass : Status.warn,
                (fresh ? "資料於 " + age.toDays() + " 天前更新，符合「" + f.zh + "」"
                        : "資料已 " + age.toDays() + " 天未更新，逾宣告的「" + f.zh + "」") + " / data is " + age.toDays()
                        + " days old, declared " + f.en, List.of(), false);
    }

    private static List<Long> cap(List<Long> lines) {
        return lines.stream().distinct().sorted().limit(MAX_LINES).toList();
    }

    private static String join(List<Long> lines) {
        return String.join(", ", lines.stream().map(String::valueOf).toList());
    }
}
