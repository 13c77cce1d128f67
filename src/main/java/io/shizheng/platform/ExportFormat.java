package io.shizheng.platform;

import java.util.Locale;

/** The spreadsheet formats every export offers: ODS (Taiwan's government document standard), XLSX, CSV. */
public enum ExportFormat {
    ODS("application/vnd.oasis.opendocument.spreadsheet", "ods"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    CSV("text/csv; charset=UTF-8", "csv");

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
            throw new InvalidInputException("format", "格式須為 ods、xlsx 或 csv / format must be ods, xlsx or csv");
        }
    }
}
