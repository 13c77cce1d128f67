package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import io.shizheng.opendata.internal.formats.SpreadsheetRows;
import io.shizheng.opendata.internal.formats.StructuredReaders;
import io.shizheng.opendata.internal.formats.TableWriter;

/** Streams a tabular file from one format to another, row by row, in constant memory. */
final class Conversion {

    static final List<String> SOURCES = List.of("CSV", "JSON", "XML", "XLSX", "ODS");
    static final List<String> TARGETS = List.of("CSV", "JSON", "XML", "XLSX", "ODS");

    private Conversion() {
    }

    static boolean supported(String from, String to) {
        return from != null && to != null && SOURCES.contains(from.toUpperCase(Locale.ROOT))
                && TARGETS.contains(to.toUpperCase(Locale.ROOT));
    }

    /** Reads UTF-8 {@code in} as {@code from} and writes it as {@code to}; returns the number of data rows. */
    static long convert(InputStream in, String from, String to, OutputStream out) throws IOException {
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        try (TableReader rows = switch (from.toUpperCase(Locale.ROOT)) {
            case "XLSX" -> SpreadsheetRows.xlsx(in);
            case "ODS" -> SpreadsheetRows.ods(in);
            case "JSON" -> StructuredReaders.json(reader);
            case "XML" -> StructuredReaders.xml(reader);
            default -> TableReader.csv(reader);
        }) {
            TableWriter writer = TableWriter.of(to, out);
            List<String> header = rows.next();
            long count = 0;
            if (header != null) {
                writer.header(header);
                List<String> row;
                while ((row = rows.next()) != null) {
                    if (row.size() == 1 && row.get(0).isEmpty()) {
                        continue;
                    }
                    writer.row(row);
                    count++;
                }
            }
            writer.finish();
            return count;
        }
    }
}
