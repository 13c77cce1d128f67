package io.shizheng.platform;

import java.util.Locale;

/** The formats every export offers: ODS (Taiwan's government document standard), XLSX, CSV, and PDF to print. */
public enum ExportFormat {
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv; charset=UTF-8", "csv"),
    /** Needs a CJK font on the server (Debian fonts-noto-cjk, or shizheng.pdf-font); refused clearly without one. */
    PDF("application/pdf", "pdf");

    private final String mediaType;
    private final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() { return mediaType; }

    public String extension() { return extension; }

    public static ExportFormat parse(String text) {
        try {
            return valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidInputException("format", "格式須為 ods、xlsx、csv 或 pdf / format must be ods, xlsx, csv or pdf");
        }
    }
}
