package io.shizheng.opendata.internal.formats;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;

/** Writes rows in one format as they come, holding at most a small window of them (constant memory). */
public abstract class TableWriter implements AutoCloseable {

    static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]+)?");

    public abstract void header(List<String> header) throws IOException;

    public abstract void row(List<String> cells) throws IOException;

    /** Ends the document; the stream given stays open. */
    public abstract void finish() throws IOException;

    @Override
    public void close() throws IOException {
        finish();
    }

    public static TableWriter of(String format, OutputStream out) {
        return switch (format.toUpperCase()) {
            case "CSV" -> new Csv(out);
            case "JSON" -> new Json(out);
            case "XML" -> new Xml(out);
            case "XLSX" -> new Xlsx(out);
            case "ODS" -> new Ods(out);
            default -> throw new IllegalArgumentException("不支援轉換為 " + format + " / cannot convert to " + format);
        };
    }

    /** CSV in UTF-8 with a byte-order mark (so that Excel opens Chinese text correctly). */
    static final class Csv extends TableWriter {
        private final Writer w;
        private boolean done;

        Csv(OutputStream out) {
            w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        @Override
        public void header(List<String> header) throws IOException {
            w.write('\uFEFF');
            row(header);
        }

        @Override
        public void row(List<String> cells) throws IOException {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    w.write(',');
                }
                String c = cells.get(i);
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                    w.write('"');
                    w.write(c.replace("\"", "\"\""));
                    w.write('"');
                } else {
                    w.write(c);
                }
            }
            w.write("\r\n");
        }

        @Override
        public void finish() throws IOException {
            if (!done) {
                done = true;
                w.flush();
            }
        }
    }

    /** An array of objects keyed by the header; every value a string, as the source had it. */
    static final class Json extends TableWriter {
        private final Writer w;
        private final StringBuilder line = new StringBuilder(1024);
        private String[] keys;
        private boolean first = true;
        private boolean done;

        Json(OutputStream out) {
            w = new OutputStreamWriter(new java.io.BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
        }

        @Override
        public void header(List<String> header) throws IOException {
            keys = new String[header.size()];
            for (int i = 0; i < keys.length; i++) {
                line.setLength(0);
                string(header.get(i));
                keys[i] = line.append(':').toString();
            }
            w.write('[');
        }

        @Override
        public void row(List<String> cells) throws IOException {
            line.setLength(0);
            line.append(first ? "\n{" : ",\n{");
            first = false;
            int n = Math.max(keys.length, cells.size());
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    line.append(',');
                }
                if (i < keys.length) {
                    line.append(keys[i]);
                } else {
                    line.append("\"column_").append(i + 1).append("\":");
                }
                string(i < cells.size() ? cells.get(i) : "");
            }
            line.append('}');
            w.append(line);
        }

        private void string(String s) {
            line.append('"');
            int start = 0;
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\' || c < 0x20) {
                    line.append(s, start, i);
                    switch (c) {
                        case '"' -> line.append("\\\"");
                        case '\\' -> line.append("\\\\");
                        case '\n' -> line.append("\\n");
                        case '\r' -> line.append("\\r");
                        case '\t' -> line.append("\\t");
                        default -> line.append(String.format("\\u%04x", (int) c));
                    }
                    start = i + 1;
                }
            }
            line.append(s, start, s.length());
            line.append('"');
        }

        @Override
        public void finish() throws IOException {
            if (!done) {
                done = true;
                if (keys == null) {
                    w.write('[');
                }
                w.write("\n]\n");
                w.flush();
            }
        }
    }

    /** {@code <rows><row><field>value</field>...</row></rows>}, field names made into XML names. */
    static final class Xml extends TableWriter {
        private final Writer w;
        private String[] names;
        private boolean done;

        Xml(OutputStream out) {
            w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        }

        static String xmlName(String h, int i) {
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < h.length(); k++) {
                char c = h.charAt(k);
                boolean ok = Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
                b.append(ok ? c : '_');
            }
            String n = b.toString();
            if (n.isEmpty() || !(Character.isLetter(n.charAt(0)) || n.charAt(0) == '_') || n.toLowerCase().startsWith("xml")) {
                n = "_" + n;
            }
            return n.equals("_") ? "column_" + (i + 1) : n;
        }

        @Override
        public void header(List<String> header) throws IOException {
            names = new String[header.size()];
            for (int i = 0; i < header.size(); i++) {
                names[i] = xmlName(header.get(i), i);
            }
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rows>\n");
        }

        @Override
        public void row(List<String> cells) throws IOException {
            w.write("<row>");
            for (int i = 0; i < cells.size(); i++) {
                String n = i < names.length ? names[i] : "column_" + (i + 1);
                w.write('<');
                w.write(n);
                w.write('>');
                escape(cells.get(i));
                w.write("</");
                w.write(n);
                w.write('>');
            }
            w.write("</row>\n");
        }

        private void escape(String s) throws IOException {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '<' -> w.write("&lt;");
                    case '>' -> w.write("&gt;");
                    case '&' -> w.write("&amp;");
                    case '\r' -> w.write("&#13;");
                    default -> {
                        if (c < 0x20 && c != '\n' && c != '\t') {
                            w.write(' ');
                        } else {
                            w.write(c);
                        }
                    }
                }
            }
        }

        @Override
        public void finish() throws IOException {
            if (!done) {
                done = true;
                if (names == null) {
                    w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rows>\n");
                }
                w.write("</rows>\n");
                w.flush();
            }
        }
    }

    /** XLSX through POI's streaming workbook: only a window of rows is in memory, the rest in a temp file. */
    static final class Xlsx extends TableWriter {
        private final OutputStream out;
        private final SXSSFWorkbook book = new SXSSFWorkbook(200);
        private final SXSSFSheet sheet;
        private int r;
        private boolean done;

        Xlsx(OutputStream out) {
            this.out = out;
            book.setCompressTempFiles(true);
            sheet = book.createSheet("data");
        }

        @Override
        public void header(List<String> header) {
            row(header);
        }

        @Override
        public void row(List<String> cells) {
            if (r >= 1_048_576) {
                throw new IllegalStateException("XLSX 最多 1,048,576 列 / XLSX holds at most 1,048,576 rows; use CSV");
            }
            Row row = sheet.createRow(r++);
            for (int i = 0; i < cells.size(); i++) {
                String c = cells.get(i);
                if (r > 1 && NUMBER.matcher(c).matches()) {
                    row.createCell(i).setCellValue(Double.parseDouble(c));
                } else {
                    row.createCell(i).setCellValue(c);
                }
            }
        }

        @Override
        public void finish() throws IOException {
            if (!done) {
                done = true;
                try {
                    book.write(out);
                    out.flush();
                } finally {
                    book.close();
                }
            }
        }
    }

    /** OpenDocument spreadsheet written by hand as a zip whose content.xml is streamed row by row. */
    static final class Ods extends TableWriter {
        private static final byte[] MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);
        private final ZipOutputStream zip;
        private final Writer w;
        private boolean started;
        private boolean done;

        Ods(OutputStream out) {
            zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
        }

        private void start() throws IOException {
            started = true;
            ZipEntry mime = new ZipEntry("mimetype");
            mime.setMethod(ZipEntry.STORED);
            mime.setSize(MIMETYPE.length);
            CRC32 crc = new CRC32();
            crc.update(MIMETYPE);
            mime.setCrc(crc.getValue());
            zip.putNextEntry(mime);
            zip.write(MIMETYPE);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
            zip.write(("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
                     <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>
                     <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
                    </manifest:manifest>
                    """).getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            w.write("""
                    <?xml version="1.0" encoding="UTF-8"?>
                    <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
                    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">\
                    <office:body><office:spreadsheet><table:table table:name="data">
                    """);
        }

        @Override
        public void header(List<String> header) throws IOException {
            start();
            w.write("<table:table-column table:number-columns-repeated=\"" + Math.max(1, header.size()) + "\"/>\n");
            write(header, false);
        }

        @Override
        public void row(List<String> cells) throws IOException {
            write(cells, true);
        }

        private void write(List<String> cells, boolean numbers) throws IOException {
            w.write("<table:table-row>");
            for (String c : cells) {
                if (numbers && NUMBER.matcher(c).matches()) {
                    w.write("<table:table-cell office:value-type=\"float\" office:value=\"" + c + "\"><text:p>" + c
                            + "</text:p></table:table-cell>");
                } else {
                    w.write("<table:table-cell office:value-type=\"string\"><text:p>");
                    for (int i = 0; i < c.length(); i++) {
                        char ch = c.charAt(i);
                        switch (ch) {
                            case '<' -> w.write("&lt;");
                            case '>' -> w.write("&gt;");
                            case '&' -> w.write("&amp;");
                            // A line break in a cell is a new paragraph in ODF.
                            case '\n' -> w.write("</text:p><text:p>");
                            case '\r' -> { }
                            default -> w.write(ch < 0x20 && ch != '\t' ? ' ' : ch);
                        }
                    }
                    w.write("</text:p></table:table-cell>");
                }
            }
            w.write("</table:table-row>\n");
        }

        @Override
        public void finish() throws IOException {
            if (!done) {
                done = true;
                if (!started) {
                    start();
                }
                w.write("</table:table></office:spreadsheet></office:body></office:document-content>\n");
                w.flush();
                zip.closeEntry();
                zip.finish();
                zip.flush();
            }
        }
    }
}
