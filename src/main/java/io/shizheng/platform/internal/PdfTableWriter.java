package io.shizheng.platform.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.shizheng.platform.CjkFont;
import io.shizheng.platform.Table;
import org.springframework.stereotype.Component;

/** Any exported table as a PDF (A4 landscape), in the platform's embedded CJK font ({@link CjkFont}). */
@Component
class PdfTableWriter {

    private final CjkFont cjk;

    PdfTableWriter(CjkFont cjk) {
        this.cjk = cjk;
    }

    boolean available() {
        return cjk.available();
    }

    void write(Table table, OutputStream out) throws IOException {
        BaseFont base = cjk.font();
        Font title = new Font(base, 14, Font.BOLD);
        Font head = new Font(base, 7, Font.BOLD);
        Font cell = new Font(base, 7);
        Document doc = new Document(PageSize.A4.rotate(), 24, 24, 24, 24);
        try {
            PdfWriter.getInstance(doc, out);
            doc.open();
            doc.add(new Paragraph(table.title(), title));
            doc.add(new Paragraph(" ", cell));
            PdfPTable t = new PdfPTable(table.headings().size());
            t.setWidthPercentage(100);
            t.setHeaderRows(1);
            for (String h : table.headings()) {
                PdfPCell c = new PdfPCell(new Phrase(h, head));
                c.setGrayFill(0.9f);
                t.addCell(c);
            }
            for (List<Object> row : table.rows()) {
                for (int i = 0; i < table.headings().size(); i++) {
                    Object v = i < row.size() ? row.get(i) : null;
                    String text = v == null ? "" : v instanceof java.math.BigDecimal d ? d.stripTrailingZeros().toPlainString()
                            : v instanceof LocalDate d ? d.toString() : v.toString();
                    t.addCell(new PdfPCell(new Phrase(text, cell)));
                }
            }
            doc.add(t);
        } catch (DocumentException e) {
            throw new IOException("PDF export failed", e);
        } finally {
            doc.close();
        }
    }
}
