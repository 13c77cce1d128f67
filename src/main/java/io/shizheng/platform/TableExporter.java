package io.shizheng.platform;

import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Table} as ODS, XLSX or CSV (UTF-8 with BOM so that Excel reads Chinese right). */
public interface TableExporter {

    void write(Table table, ExportFormat format, OutputStream out) throws IOException;

    /** Whether PDF can be made here (a CJK font is installed); pages hide the PDF button otherwise. */
    boolean pdfAvailable();
}
