package io.shizheng.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.Table;
import io.shizheng.platform.TableExporter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;
import org.odftoolkit.odfdom.doc.table.OdfTableCell;
import org.springframework.stereotype.Component;

@Component
class SpreadsheetExporter implements TableExporter {

    private final PdfTableWriter pdf;

    SpreadsheetExporter(PdfTableWriter pdf) {
        this.pdf = pdf;
    }

    @Override
    public boolean pdfAvailable() {
        return pdf.available();
    }

    @Override
    public void write(Table table, ExportFormat format, OutputStream out) throws IOException {
        switch (format) {
            case CSV -> csv(table, out);
            case XLSX -> xlsx(table, out);
            case ODS -> ods(table, out);
            case PDF -> pdf.write(table, out);
        }
    }

    private static void csv(Table table, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        line(w, table.headings());
        for (List<Object> row : table.rows()) {
            line(w, row);
        }
        w.flush();
    }

    private static void line(Writer w, List<?> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            Object c = cells.get(i);
            String text = c == null ? "" : c.toString();
            // A text cell that starts like a formula is kept as text, so a spreadsheet never runs it.
            if (!(c instanceof Number) && !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
                text = '"' + text.replace("\"", "\"\"") + '"';
            }
            w.write(text);
        }
        w.write("\r\n");
    }

    private static void xlsx(Table table, OutputStream out) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet(sheetName(table.title()));
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle date = book.createCellStyle();
            date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            Row head = sheet.createRow(0);
            for (int c = 0; c < table.headings().size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(table.headings().get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    Cell cell = row.createCell(c);
                    if (v instanceof Number n) {
                        cell.setCellValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setCellValue(d);
                        cell.setCellStyle(date);
                    } else if (v != null) {
                        cell.setCellValue(v.toString());
                    }
                }
            }
            for (int c = 0; c < table.headings().size(); c++) {
                sheet.setColumnWidth(c, 18 * 256);
            }
            book.write(out);
        }
    }

    private static void ods(Table table, OutputStream out) throws IOException {
        try {
            OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.newSpreadsheetDocument();
            OdfTable sheet = doc.getTableList(false).get(0);
            sheet.setTableName(sheetName(table.title()));
            for (int c = 0; c < table.headings().size(); c++) {
                sheet.getCellByPosition(c, 0).setStringValue(table.headings().get(c));
            }
            int r = 1;
            for (List<Object> values : table.rows()) {
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v == null) {
                        continue;
                    }
                    OdfTableCell cell = sheet.getCellByPosition(c, r);
                    if (v instanceof Number n) {
                        cell.setDoubleValue(n.doubleValue());
                    } else if (v instanceof LocalDate d) {
                        cell.setDateValue(java.util.GregorianCalendar.from(d.atStartOfDay(java.time.ZoneOffset.UTC)));
                    } else {
                        cell.setStringValue(v.toString());
                    }
                }
                r++;
            }
            doc.save(out);
            doc.close();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("ODS export failed", e);
        }
    }

    /** Spreadsheet names may not hold []:*?/\ and stop at 31 characters. */
    private static String sheetName(String title) {
        String clean = title == null || title.isBlank() ? "Sheet1" : title.replaceAll("[\\[\\]:*?/\\\\]", " ");
        return clean.length() > 31 ? clean.substring(0, 31) : clean;
    }
}
