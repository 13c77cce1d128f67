package io.shizheng.documents.internal;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import io.shizheng.platform.CsvException;
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.InvalidInputException;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;

/** Rows of an export file, each with the line (or spreadsheet row) it came from; the first row is the header. */
interface RowSource extends Iterator<RowSource.RawRow> {

    record RawRow(int line, List<String> cells) {
    }

    /** "line 12" for files, "record 3" for JSON pushes: how a problem names where it is. */
    String where(int line);

    /** CSV as exported by the document system: UTF-8 (a BOM is skipped), comma separated, quotes as in RFC 4180. */
    static RowSource csv(InputStream in) {
        return new Csv(CsvSource.utf8(in));
    }

    /** The first sheet of an ODS file; date cells come as ISO dates. */
    static RowSource ods(InputStream in) {
        List<RawRow> rows = new ArrayList<>();
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(in)) {
            OdfTable sheet = doc.getTableList(false).get(0);
            int rowCount = sheet.getRowCount();
            int colCount = Math.min(sheet.getColumnCount(), 40);
            for (int r = 0; r < rowCount; r++) {
                List<String> cells = new ArrayList<>(colCount);
                boolean any = false;
                for (int c = 0; c < colCount; c++) {
                    OdfTableCell cell = sheet.getCellByPosition(c, r);
                    String v;
                    if ("date".equals(cell.getValueType()) && cell.getDateValue() != null) {
                        var cal = cell.getDateValue();
                        v = LocalDate.of(cal.get(java.util.Calendar.YEAR), cal.get(java.util.Calendar.MONTH) + 1,
                                cal.get(java.util.Calendar.DAY_OF_MONTH)).toString();
                    } else if ("float".equals(cell.getValueType()) && cell.getDoubleValue() != null) {
                        double d = cell.getDoubleValue();
                        v = d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
                    } else {
                        v = cell.getStringValue();
                    }
                    v = v == null ? "" : v.trim();
                    any |= !v.isEmpty();
                    cells.add(v);
                }
                if (any) {
                    rows.add(new RawRow(r + 1, cells));
                }
            }
        } catch (Exception e) {
            throw new InvalidInputException("file", "無法讀取 ODS 檔 / not a readable ODS file: " + e.getMessage());
        }
        Iterator<RawRow> it = rows.iterator();
        return new RowSource() {
            @Override public String where(int line) { return "line " + line; }

            @Override public boolean hasNext() { return it.hasNext(); }

            @Override public RawRow next() { return it.next(); }
        };
    }

    /** Rows already split into cells, for the JSON push: the header first, then records numbered from 1. */
    static RowSource ofRecords(List<String> header, List<List<String>> records) {
        Iterator<List<String>> it = records.iterator();
        return new RowSource() {
            int n = -1;

            @Override public String where(int line) { return "record " + line; }

            @Override public boolean hasNext() { return n < 0 || it.hasNext(); }

            @Override public RawRow next() {
                n++;
                return n == 0 ? new RawRow(0, header) : new RawRow(n, it.next());
            }
        };
    }

    final class Csv implements RowSource {
        private final CsvSource csv;
        private RawRow pending;
        private boolean done;

        Csv(CsvSource csv) {
            this.csv = csv;
        }

        @Override public String where(int l) { return "line " + l; }

        @Override
        public boolean hasNext() {
            if (pending == null && !done) {
                pending = read();
                done = pending == null;
            }
            return pending != null;
        }

        @Override
        public RawRow next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            RawRow r = pending;
            pending = null;
            return r;
        }

        private RawRow read() {
            try {
                CsvSource.Row row;
                do {
                    row = csv.next();
                } while (row != null && row.blank());
                if (row == null) {
                    return null;
                }
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(row.get(i).trim());
                }
                return new RawRow((int) row.line(), cells);
            } catch (CsvException e) {
                throw new InvalidInputException("file", e.getMessage());
            }
        }
    }
}
