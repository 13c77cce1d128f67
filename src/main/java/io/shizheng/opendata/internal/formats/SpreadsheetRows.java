package io.shizheng.opendata.internal.formats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableRow;
import io.shizheng.opendata.internal.TableReader;

/**
 * The first sheet of an XLSX or ODS file as rows, for conversion. Spreadsheets are read whole (their format
 * bounds them at about a million rows); text files (CSV, JSON, XML) are the ones streamed in constant memory.
 */
public final class SpreadsheetRows implements TableReader {

    /** Trailing rows with nothing in them (ODS repeats empty rows to the sheet's end) end the table. */
    private static final int EMPTY_ROWS_THAT_END = 100;

    private final Iterator<List<String>> rows;
    private long line;

    private SpreadsheetRows(List<List<String>> rows) {
        this.rows = rows.iterator();
    }

    public static TableReader xlsx(InputStream in) throws IOException {
        try {
            return readXlsx(in);
        } catch (RuntimeException e) {
            // POI refuses a damaged or foreign file with unchecked exceptions; to the uploader it is an unreadable file
            throw new IOException("無法讀取 XLSX 檔 / cannot read the XLSX file: " + e.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            // a ZIP entry packed with a method whose optional codec is not on the class path (zstd, xz, ...)
            throw new IOException("無法讀取 XLSX 檔：不支援的壓縮方式 / cannot read the XLSX file: unsupported compression", e);
        }
    }

    private static TableReader readXlsx(InputStream in) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(in)) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<List<String>> rows = new ArrayList<>();
            int width = 0;
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int c = 0; c < last; c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell));
                }
                while (rows.size() < row.getRowNum()) {
                    rows.add(new ArrayList<>());
                }
                rows.add(cells);
                width = Math.max(width, cells.size());
            }
            return new SpreadsheetRows(square(trim(rows), width));
        }
    }

    public static TableReader ods(InputStream in) throws IOException {
        try {
            OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(in);
            try {
                OdfTable table = doc.getTableList(false).get(0);
                List<List<String>> rows = new ArrayList<>();
                int width = table.getColumnCount();
                int empty = 0;
                for (int r = 0; r < table.getRowCount() && empty < EMPTY_ROWS_THAT_END; r++) {
                    OdfTableRow row = table.getRowByIndex(r);
                    List<String> cells = new ArrayList<>();
                    boolean any = false;
                    for (int c = 0; c < Math.min(width, 1024); c++) {
                        org.odftoolkit.odfdom.doc.table.OdfTableCell cell = row.getCellByIndex(c);
                        String type = cell.getValueType();
                        // Text keeps its line breaks; numbers and dates as the sheet shows them.
                        String v = type == null || "string".equals(type) ? paragraphs(cell) : cell.getDisplayText();
                        v = v == null ? "" : v;
                        any |= !v.isEmpty();
                        cells.add(v);
                    }
                    empty = any ? 0 : empty + 1;
                    rows.add(cells);
                }
                List<List<String>> trimmed = trim(rows);
                int used = 0;
                for (List<String> row : trimmed) {
                    for (int c = row.size() - 1; c >= 0; c--) {
                        if (!row.get(c).isEmpty()) {
                            used = Math.max(used, c + 1);
                            break;
                        }
                    }
                }
                return new SpreadsheetRows(square(trimmed, used));
            } finally {
                doc.close();
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("無法讀取 ODS 檔 / cannot read the ODS file: " + e.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            throw new IOException("無法讀取 ODS 檔：不支援的壓縮方式 / cannot read the ODS file: unsupported compression", e);
        }
    }

    /** A text cell's paragraphs, one line each (odfdom's own string value runs them together). */
    private static String paragraphs(org.odftoolkit.odfdom.doc.table.OdfTableCell cell) {
        org.w3c.dom.NodeList ps = cell.getOdfElement()
                .getElementsByTagNameNS("urn:oasis:names:tc:opendocument:xmlns:text:1.0", "p");
        if (ps.getLength() == 0) {
            String v = cell.getStringValue();
            return v == null ? "" : v;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ps.getLength(); i++) {
            if (i > 0) {
                text.append('\n');
            }
            text.append(ps.item(i).getTextContent());
        }
        return text.toString();
    }

    /** Drops the empty rows at the end. */
    private static List<List<String>> trim(List<List<String>> rows) {
        int end = rows.size();
        while (end > 0 && rows.get(end - 1).stream().allMatch(String::isEmpty)) {
            end--;
        }
        return new ArrayList<>(rows.subList(0, end));
    }

    /** Every row as wide as the widest, so that converters see a table. */
    private static List<List<String>> square(List<List<String>> rows, int width) {
        for (List<String> row : rows) {
            while (row.size() > width) {
                row.remove(row.size() - 1);
            }
            while (row.size() < width) {
                row.add("");
            }
        }
        return rows;
    }

    @Override
    public List<String> next() {
        if (!rows.hasNext()) {
            return null;
        }
        line++;
        return rows.next();
    }

    @Override
    public long line() {
        return line;
    }

    @Override
    public void close() {
        // read whole when opened; nothing held
    }
}
