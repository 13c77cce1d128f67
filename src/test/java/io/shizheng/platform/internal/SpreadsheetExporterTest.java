package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TimeZone;

import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.Table;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument;
import org.odftoolkit.odfdom.doc.table.OdfTable;

/** Each format read back with an independent reader: what an agency opens is what was written. */
class SpreadsheetExporterTest {

    private static final LocalDate DAY = LocalDate.of(2018, 3, 5);

    private final SpreadsheetExporter exporter = new SpreadsheetExporter(new PdfTableWriter(new io.shizheng.platform.CjkFont("")));

    private final Table table = new Table("施政績效:107年", List.of("機關", "件數", "達成率", "日期", "備註"), List.of(
            Arrays.asList("臺中市政府研究發展考核委員會", 42, new BigDecimal("97.5"), DAY, "含逗號, 與「引號」"),
            Arrays.asList("西屯區公所", 7L, 12.25, LocalDate.of(2018, 12, 31), "他說 \"好\"，然後離開"),
            Arrays.asList("北屯區公所", null, null, null, "第一行\n第二行")));

    private byte[] write(ExportFormat format) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(table, format, out);
        return out.toByteArray();
    }

    @Test
    void odsReadsBackWithOdfdom() throws Exception {
        try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(write(ExportFormat.ODS)))) {
            OdfTable sheet = doc.getTableList(false).get(0);
            // ':' is not allowed in sheet names, so it is replaced
            assertThat(sheet.getTableName()).isEqualTo("施政績效 107年");
            assertThat(sheet.getCellByPosition(0, 0).getStringValue()).isEqualTo("機關");
            assertThat(sheet.getCellByPosition(4, 0).getStringValue()).isEqualTo("備註");

            assertThat(sheet.getCellByPosition(0, 1).getStringValue()).isEqualTo("臺中市政府研究發展考核委員會");
            assertThat(sheet.getCellByPosition(1, 1).getValueType()).isEqualTo("float");
            assertThat(sheet.getCellByPosition(1, 1).getDoubleValue()).isEqualTo(42.0);
            assertThat(sheet.getCellByPosition(2, 1).getDoubleValue()).isEqualTo(97.5);
            assertThat(sheet.getCellByPosition(3, 1).getValueType()).isEqualTo("date");
            assertThat(sheet.getCellByPosition(3, 1).getOdfElement().getOfficeDateValueAttribute()).startsWith("2018-03-05");
            assertThat(sheet.getCellByPosition(4, 1).getStringValue()).isEqualTo("含逗號, 與「引號」");

            assertThat(sheet.getCellByPosition(1, 2).getDoubleValue()).isEqualTo(7.0);
            assertThat(sheet.getCellByPosition(2, 2).getDoubleValue()).isEqualTo(12.25);
            assertThat(sheet.getCellByPosition(3, 2).getOdfElement().getOfficeDateValueAttribute()).startsWith("2018-12-31");
            assertThat(sheet.getCellByPosition(4, 2).getStringValue()).isEqualTo("他說 \"好\"，然後離開");

            assertThat(sheet.getCellByPosition(0, 3).getStringValue()).isEqualTo("北屯區公所");
            assertThat(sheet.getCellByPosition(1, 3).getValueType()).isNull();
        }
    }

    @Test
    void odsDateDoesNotShiftWithTheJvmTimeZone() throws Exception {
        TimeZone saved = TimeZone.getDefault();
        try {
            // A JVM west of Greenwich must still write 2018-03-05, not the evening before.
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            byte[] ods = write(ExportFormat.ODS);
            try (OdfSpreadsheetDocument doc = OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(ods))) {
                assertThat(doc.getTableList(false).get(0).getCellByPosition(3, 1).getOdfElement()
                        .getOfficeDateValueAttribute()).startsWith("2018-03-05");
            }
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void xlsxReadsBackWithPoi() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(write(ExportFormat.XLSX)))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("施政績效 107年");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("機關");
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("日期");

            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("臺中市政府研究發展考核委員會");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(1).getNumericCellValue()).isEqualTo(42.0);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(97.5);
            assertThat(DateUtil.isCellDateFormatted(first.getCell(3))).isTrue();
            assertThat(first.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(DAY);
            assertThat(first.getCell(4).getStringCellValue()).isEqualTo("含逗號, 與「引號」");

            Row second = sheet.getRow(2);
            assertThat(second.getCell(1).getNumericCellValue()).isEqualTo(7.0);
            assertThat(second.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2018, 12, 31));
            assertThat(second.getCell(4).getStringCellValue()).isEqualTo("他說 \"好\"，然後離開");

            Row third = sheet.getRow(3);
            assertThat(third.getCell(1).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(third.getCell(4).getStringCellValue()).isEqualTo("第一行\n第二行");
        }
    }

    @Test
    void csvIsUtf8WithBomAndQuotesWhatNeedsQuoting() throws Exception {
        byte[] csv = write(ExportFormat.CSV);
        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("""
                機關,件數,達成率,日期,備註\r
                臺中市政府研究發展考核委員會,42,97.5,2018-03-05,"含逗號, 與「引號」"\r
                西屯區公所,7,12.25,2018-12-31,"他說 ""好""，然後離開"\r
                北屯區公所,,,,"第一行
                第二行"\r
                """);
    }

    @Test
    void csvKeepsFormulaLikeTextAsText() throws Exception {
        Table t = new Table("t", List.of("a", "b"), List.of(List.<Object>of("=HYPERLINK(\"x\")", -5)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        new SpreadsheetExporter(new PdfTableWriter(new io.shizheng.platform.CjkFont(""))).write(t, io.shizheng.platform.ExportFormat.CSV, out);
        String csv = out.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("\"'=HYPERLINK(\"\"x\"\")\"").contains(",-5");
    }

    @Test
    void pdfIsMadeWithACjkFontOrRefusedClearly() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        if (exporter.pdfAvailable()) {
            exporter.write(table, io.shizheng.platform.ExportFormat.PDF, out);
            assertThat(new String(out.toByteArray(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
            assertThat(out.size()).isGreaterThan(1000);
        } else {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> exporter.write(table, io.shizheng.platform.ExportFormat.PDF, out))
                    .isInstanceOf(io.shizheng.platform.InvalidInputException.class).hasMessageContaining("fonts-noto-cjk");
        }
    }
}
