package io.shizheng.projects.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shizheng.platform.CsvException;
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;

/**
 * Reads controlled projects from ODS, XLSX or CSV: a header row (English or Chinese column names), then one
 * project a row. Each row is parsed on its own so that every bad cell is reported with its line number.
 */
final class ProjectImport {

    private ProjectImport() {
    }

    /** One data row: its line in the file, the project read from it, and what was wrong with its cells. */
    record Row(int line, ProjectService.NewProject project, List<FieldProblem> problems) {
    }

    static final Map<String, String> HEADERS = new HashMap<>();

    static {
        String[][] names = {
                {"code", "代碼", "案件代碼", "編號"}, {"name", "名稱", "案件名稱", "計畫名稱"}, {"agency", "機關", "主辦機關"},
                {"level", "列管層級", "層級"}, {"category", "類別"}, {"lon", "經度"}, {"lat", "緯度"},
                {"startDate", "start", "開工日期", "開始日期"}, {"plannedEnd", "end", "預定完工日期", "完工日期"},
                {"totalBudget", "總經費", "總經費（千元）"}, {"annualBudget", "年度經費", "年度經費（千元）"},
                {"contactEmail", "email", "聯絡信箱", "電子郵件"}, {"milestones", "里程碑"}, {"curve", "預定進度", "預定進度曲線"}, {"line", "路線"}};
        for (String[] group : names) {
            for (String n : group) {
                HEADERS.put(n.toLowerCase(Locale.ROOT), group[0]);
            }
        }
    }

    static final Map<String, String> LEVEL_NAMES = Map.of("院列管", "EXECUTIVE_YUAN", "部會列管", "MINISTRY",
            "府列管", "CITY", "自行列管", "SELF");
    static final Map<String, String> CATEGORY_NAMES = Map.of("工程", "CONSTRUCTION", "公共工程", "CONSTRUCTION",
            "道安", "ROAD_SAFETY", "道路安全", "ROAD_SAFETY", "其他", "OTHER");

    static List<Row> read(String filename, byte[] bytes) throws IOException {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        List<List<String>> cells;
        if (name.endsWith(".csv")) {
            cells = csv(new String(bytes, StandardCharsets.UTF_8));
        } else if (name.endsWith(".xlsx")) {
            cells = xlsx(new ByteArrayInputStream(bytes));
        } else if (name.endsWith(".ods")) {
            cells = ods(new ByteArrayInputStream(bytes));
        } else {
            throw new InvalidInputException("file", "檔案須為 .ods、.xlsx 或 .csv / the file must be .ods, .xlsx or .csv");
        }
        return rows(cells);
    }

    static List<Row> rows(List<List<String>> cells) {
        if (cells.isEmpty()) {
            throw new InvalidInputException("file", "檔案是空的 / the file is empty");
        }
        List<String> header = cells.get(0);
        Map<String, Integer> col = new HashMap<>();
        List<FieldProblem> headerProblems = new ArrayList<>();
        for (int c = 0; c < header.size(); c++) {
            String h = header.get(c) == null ? "" : header.get(c).trim().replace("\uFEFF", "");
            if (h.isEmpty()) {
                continue;
            }
            String key = HEADERS.get(h.toLowerCase(Locale.ROOT));
            if (key == null) {
                headerProblems.add(new FieldProblem("header", "第 1 列：不認得的欄位「" + h + "」/ unknown column " + h));
            } else {
                col.put(key, c);
            }
        }
        for (String required : List.of("code", "name", "agency", "level", "category", "startDate", "plannedEnd",
                "totalBudget", "annualBudget")) {
            if (!col.containsKey(required)) {
                headerProblems.add(new FieldProblem("header", "第 1 列：缺少欄位 " + required + " / missing column " + required));
            }
        }
        if (!headerProblems.isEmpty()) {
            throw new InvalidInputException(headerProblems);
        }
        List<Row> rows = new ArrayList<>();
        for (int r = 1; r < cells.size(); r++) {
            List<String> line = cells.get(r);
            if (line.stream().allMatch(s -> s == null || s.isBlank())) {
                continue;
            }
            rows.add(row(r + 1, line, col));
        }
        return rows;
    }

    private static Row row(int line, List<String> cells, Map<String, Integer> col) {
        List<FieldProblem> problems = new ArrayList<>();
        java.util.function.Function<String, String> get = k -> {
            Integer c = col.get(k);
            if (c == null || c >= cells.size() || cells.get(c) == null) {
                return null;
            }
            String v = cells.get(c).trim();
            return v.isEmpty() ? null : v;
        };
        String level = get.apply("level");
        level = level == null ? null : LEVEL_NAMES.getOrDefault(level, level.toUpperCase(Locale.ROOT));
        String category = get.apply("category");
        category = category == null ? null : CATEGORY_NAMES.getOrDefault(category, category.toUpperCase(Locale.ROOT));
        BigDecimal lonValue = number(get.apply("lon"), "lon", problems);
        BigDecimal latValue = number(get.apply("lat"), "lat", problems);
        Double lon = lonValue == null ? null : lonValue.doubleValue();
        Double lat = latValue == null ? null : latValue.doubleValue();
        List<ProjectService.NewMilestone> milestones = new ArrayList<>();
        String ms = get.apply("milestones");
        if (ms != null) {
            for (String part : ms.split("[;；]")) {
                if (part.isBlank()) {
                    continue;
                }
                int at = part.lastIndexOf('@');
                LocalDate d = at < 0 ? null : date(part.substring(at + 1), "milestones", problems);
                if (at < 0) {
                    problems.add(new FieldProblem("milestones", "里程碑格式為 名稱@2018-06-30 / milestone must be name@date"));
                } else if (d != null) {
                    milestones.add(new ProjectService.NewMilestone(part.substring(0, at).trim(), d));
                }
            }
        }
        List<BigDecimal> curve = new ArrayList<>();
        String cv = get.apply("curve");
        if (cv != null) {
            for (String part : cv.split("[,，;]")) {
                BigDecimal v = number(part, "curve", problems);
                if (v != null) {
                    curve.add(v);
                }
            }
        }
        List<List<Double>> route = new ArrayList<>();
        String ln = get.apply("line");
        if (ln != null) {
            for (String part : ln.split("[;；]")) {
                String[] xy = part.trim().split("\\s+");
                BigDecimal x = xy.length == 2 ? number(xy[0], "line", problems) : null;
                BigDecimal y = xy.length == 2 ? number(xy[1], "line", problems) : null;
                if (xy.length != 2) {
                    problems.add(new FieldProblem("line", "路線格式為「經度 緯度;經度 緯度」/ line must be 'lon lat;lon lat'"));
                } else if (x != null && y != null) {
                    route.add(List.of(x.doubleValue(), y.doubleValue()));
                }
            }
        }
        ProjectService.NewProject p = new ProjectService.NewProject(get.apply("code"), get.apply("name"), get.apply("agency"),
                level, category, lon, lat, date(get.apply("startDate"), "startDate", problems),
                date(get.apply("plannedEnd"), "plannedEnd", problems), number(get.apply("totalBudget"), "totalBudget", problems),
                number(get.apply("annualBudget"), "annualBudget", problems), get.apply("contactEmail"), milestones, curve, route);
        return new Row(line, p, problems);
    }

    private static BigDecimal number(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "「" + text + "」不是數字 / not a number"));
            return null;
        }
    }

    /** ISO dates (2018-06-30) or ROC dates (107/06/30, 107-06-30). */
    static LocalDate date(String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.matches("\\d{2,3}[/.-]\\d{1,2}[/.-]\\d{1,2}")) {
                String[] p = t.split("[/.-]");
                return LocalDate.of(Integer.parseInt(p[0]) + 1911, Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            if (t.matches("\\d{4}/\\d{1,2}/\\d{1,2}")) {
                String[] p = t.split("/");
                return LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            }
            return LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
        } catch (RuntimeException e) {
            problems.add(new FieldProblem(field, "「" + text + "」不是日期（2018-06-30 或 107/06/30）/ not a date"));
            return null;
        }
    }

    static List<List<String>> csv(String text) {
        List<List<String>> out = new ArrayList<>();
        try (CsvSource in = CsvSource.of(new StringReader(text))) {
            for (CsvSource.Row r : in) {
                out.add(r.cells());
            }
        } catch (CsvException e) {
            throw new InvalidInputException("file", e.getMessage());
        }
        return out;
    }

    private static List<List<String>> xlsx(InputStream in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        DataFormatter fmt = new DataFormatter();
        try (Workbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null) {
                            cells.add(null);
                        } else if (cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
                            cells.add(cell.getLocalDateTimeCellValue().toLocalDate().toString());
                        } else if (cell.getCellType() == CellType.NUMERIC) {
                            cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
                        } else {
                            cells.add(fmt.formatCellValue(cell));
                        }
                    }
                }
                out.add(cells);
            }
        } catch (RuntimeException e) {
            throw new InvalidInputException("file", "無法讀取 XLSX 檔 / the XLSX file cannot be read");
        }
        return out;
    }

    private static List<List<String>> ods(InputStream in) throws IOException {
        List<List<String>> out = new ArrayList<>();
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(in)) {
            OdfTable table = doc.getTableList(false).get(0);
            int rows = table.getRowCount();
            int cols = table.getColumnCount();
            for (int r = 0; r < Math.min(rows, 20_000); r++) {
                List<String> cells = new ArrayList<>();
                boolean any = false;
                for (int c = 0; c < Math.min(cols, 40); c++) {
                    var cell = table.getCellByPosition(c, r);
                    String v;
                    String type = cell.getValueType();
                    if ("date".equals(type) && cell.getDateValue() != null) {
                        var cal = cell.getDateValue();
                        v = LocalDate.of(cal.get(java.util.Calendar.YEAR), cal.get(java.util.Calendar.MONTH) + 1,
                                cal.get(java.util.Calendar.DAY_OF_MONTH)).toString();
                    } else if ("float".equals(type) && cell.getDoubleValue() != null) {
                        v = BigDecimal.valueOf(cell.getDoubleValue()).stripTrailingZeros().toPlainString();
                    } else {
                        v = cell.getDisplayText();
                    }
                    any |= v != null && !v.isBlank();
                    cells.add(v);
                }
                if (!any && r > 0) {
                    // trailing empty rows of an ODS table run to the sheet's end; stop at the first blank one
                    break;
                }
                out.add(cells);
            }
        } catch (IOException | InvalidInputException e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidInputException("file", "無法讀取 ODS 檔 / the ODS file cannot be read");
        }
        return out;
    }
}
