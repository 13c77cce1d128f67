package io.shizheng.platform.internal;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
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
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Any exported table as a PDF (A4 landscape). Chinese needs a CJK font from the system (none is shipped):
 * {@code shizheng.pdf-font} (a .ttf/.otf, or a .ttc with ",index"), else Noto Sans CJK TC where Debian's
 * fonts-noto-cjk puts it. Without one, PDF is refused with a clear message and ODS/XLSX/CSV remain.
 */
@Component
class PdfTableWriter {

    private static final List<String> CANDIDATES = List.of(
            "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc,3",
            "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc,3",
            "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc,3");

    private final String configured;
    private volatile BaseFont font;

    PdfTableWriter(@Value("${shizheng.pdf-font:${shizheng.projects.pdf-font:}}") String configured) {
        this.configured = configured;
    }

    boolean available() {
        return fontSpec() != null;
    }

    private String fontSpec() {
        List<String> specs = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            specs.add(configured.trim());
        }
        specs.addAll(CANDIDATES);
        for (String spec : specs) {
            String path = spec.contains(",") ? spec.substring(0, spec.lastIndexOf(',')) : spec;
            if (new File(path).canRead()) {
                return spec;
            }
        }
        return null;
    }

    private BaseFont font() {
        if (font == null) {
            String spec = fontSpec();
            if (spec == null) {
                throw new InvalidInputException("format", "本機沒有中文字型，無法產生 PDF，請改用 ODS（安裝 fonts-noto-cjk 或設定 "
                        + "shizheng.pdf-font）/ no CJK font on this server: use ODS, or install fonts-noto-cjk");
            }
            try {
                font = BaseFont.createFont(spec, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            } catch (DocumentException | IOException e) {
                throw new InvalidInputException("format", "無法載入中文字型 " + spec + " / cannot load the CJK font");
            }
        }
        return font;
    }

    void write(Table table, OutputStream out) throws IOException {
        BaseFont base = font();
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
