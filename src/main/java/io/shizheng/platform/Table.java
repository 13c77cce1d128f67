package io.shizheng.platform;

import java.util.List;

/**
 * A plain table to export: a title, column headings and rows of cells. Cells are String, Number,
 * java.time.LocalDate or null; numbers stay numbers in ODS and XLSX.
 */
public record Table(String title, List<String> headings, List<List<Object>> rows) {
}
