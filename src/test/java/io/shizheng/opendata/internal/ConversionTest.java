package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ConversionTest {

    static final String AWKWARD = "\uFEFF站名,地址,人數\r\n臺中車站,\"臺灣大道一段1號, 中區\",120\r\n"
            + "\"夜間\"\"特別\"\"站\",\"第一行\n第二行\",007\r\n空白,,\r\n";

    private static String convert(String csv, String to) throws IOException {
        return new String(bytes(csv, "CSV", to), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String content, String from, String to) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Conversion.convert(new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), from, to, out);
        return out.toByteArray();
    }

    @Test
    void csvToJsonKeepsQuotedCommasNewlinesQuotesAndLeadingZeros() throws IOException {
        JsonNode rows = JsonMapper.builder().build().readTree(convert(AWKWARD, "JSON"));
        assertThat(rows.size()).isEqualTo(3);
        assertThat(rows.get(0).path("站名").asString()).as("BOM is not part of the first name").isEqualTo("臺中車站");
        assertThat(rows.get(0).path("地址").asString()).isEqualTo("臺灣大道一段1號, 中區");
        assertThat(rows.get(1).path("站名").asString()).isEqualTo("夜間\"特別\"站");
        assertThat(rows.get(1).path("地址").asString()).isEqualTo("第一行\n第二行");
        assertThat(rows.get(1).path("人數").asString()).isEqualTo("007");
        assertThat(rows.get(2).path("地址").asString()).isEmpty();
    }

    @Test
    void csvJsonXmlRoundTripsBackToTheSameRows() throws IOException {
        String json = convert(AWKWARD, "JSON");
        String xml = new String(bytes(json, "JSON", "XML"), StandardCharsets.UTF_8);
        assertThat(xml).contains("<站名>臺中車站</站名>");
        String csv = new String(bytes(xml, "XML", "CSV"), StandardCharsets.UTF_8);
        assertThat(rows(csv)).isEqualTo(rows(AWKWARD));
    }

    private static List<List<String>> rows(String csv) throws IOException {
        List<List<String>> all = new ArrayList<>();
        try (TableReader r = TableReader.csv(new java.io.StringReader(csv))) {
            List<String> row;
            while ((row = r.next()) != null) {
                all.add(row);
            }
        }
        return all;
    }

    @Test
    void xlsxAndOdsOpenAsSpreadsheets() throws IOException {
        byte[] xlsx = bytes(AWKWARD, "CSV", "XLSX");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("站名");
            assertThat(book.getSheetAt(0).getRow(1).getCell(2).getNumericCellValue()).isEqualTo(120.0);
            assertThat(book.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).as("007 stays text").isEqualTo("007");
        }
        byte[] ods = bytes(AWKWARD, "CSV", "ODS");
        String content = null;
        String first = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(ods))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                first = first == null ? e.getName() : first;
                if (e.getName().equals("content.xml")) {
                    content = new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(first).as("ODF needs mimetype first").isEqualTo("mimetype");
        assertThat(content).contains("<text:p>臺中車站</text:p>").contains("office:value=\"120\"");
        try (var doc = org.odftoolkit.odfdom.doc.OdfSpreadsheetDocument.loadDocument(new ByteArrayInputStream(ods))) {
            var table = doc.getSpreadsheetTables().get(0);
            assertThat(table.getCellByPosition(0, 1).getStringValue()).isEqualTo("臺中車站");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void spreadsheetsConvertBackToTheSameRows() throws IOException {
        for (String sheet : List.of("XLSX", "ODS")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Conversion.convert(new ByteArrayInputStream(bytes(AWKWARD, "CSV", sheet)), sheet, "CSV", out);
            assertThat(rows(out.toString(StandardCharsets.UTF_8))).as(sheet + " → CSV").isEqualTo(rows(AWKWARD));
        }
        assertThat(Conversion.supported("XLSX", "JSON")).isTrue();
        assertThat(Conversion.supported("ODS", "XML")).isTrue();
    }

    @Test
    void unsupportedTargetsAreRefused() {
        assertThat(Conversion.supported("PDF", "CSV")).isFalse();
        assertThatThrownBy(() -> bytes(AWKWARD, "CSV", "DOCX")).isInstanceOf(IllegalArgumentException.class);
    }

    /** A gigabyte of CSV converted to JSON in a JVM with a 64 MB heap: only constant memory can do that. */
    @Test
    void aGigabyteConvertsInConstantMemory() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Xmx64m", "-cp", System.getProperty("java.class.path"),
                GeneratedCsv.class.getName(), String.valueOf(1L << 30), "JSON").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).contains("rows=").contains("maxHeap=");
        long in = Long.parseLong(output.replaceAll("(?s).*in=(\\d+).*", "$1"));
        assertThat(in).isGreaterThanOrEqualTo(1L << 30);
    }
}
