package io.shizheng.opendata.internal.formats;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Resource formats: which are tabular, which machine-readable, their media types, and how to guess them. */
public final class Formats {

    static final Set<String> TABULAR = Set.of("CSV", "JSON", "XML", "XLSX", "ODS");
    /** Open, structured formats; a PDF or a Word file is published data but not machine-readable. */
    public static final Set<String> MACHINE_READABLE = Set.of("CSV", "JSON", "XML", "XLSX", "ODS", "GEOJSON", "KML", "SHP",
            "RDF", "TTL", "JSONLD", "TXT");

    public static Optional<String> guessFromName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT);
        int q = n.indexOf('?');
        if (q >= 0) {
            n = n.substring(0, q);
        }
        int dot = n.lastIndexOf('.');
        if (dot < 0 || dot == n.length() - 1) {
            return Optional.empty();
        }
        String ext = n.substring(dot + 1).toUpperCase(Locale.ROOT);
        return Optional.of(ext.equals("XLS") ? "XLS" : ext);
    }

    public static String mediaType(String format) {
        return switch (format == null ? "" : format.toUpperCase(Locale.ROOT)) {
            case "CSV" -> "text/csv;charset=UTF-8";
            case "JSON" -> "application/json";
            case "XML" -> "application/xml";
            case "XLSX" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            case "ODS" -> "application/vnd.oasis.opendocument.spreadsheet";
            case "PDF" -> "application/pdf";
            case "GEOJSON" -> "application/geo+json";
            case "TXT" -> "text/plain;charset=UTF-8";
            default -> "application/octet-stream";
        };
    }

    public static String extension(String format) {
        return format == null ? "bin" : format.toLowerCase(Locale.ROOT);
    }

    private Formats() {
    }
}
