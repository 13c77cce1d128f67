package io.shizheng.cases.internal;

import java.io.IOException;
import java.io.OutputStream;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import io.shizheng.platform.CjkFont;
import org.odftoolkit.odfdom.doc.OdfTextDocument;
import org.springframework.stereotype.Component;

/** A reply letter as PDF (A4, the CJK font embedded) and as ODT (Taiwan's government document format). */
@Component
class LetterDocuments {

    private final CjkFont cjk;

    LetterDocuments(CjkFont cjk) {
        this.cjk = cjk;
    }

    void pdf(Letter l, OutputStream out) throws IOException {
        BaseFont base = cjk.font();
        Font head = new Font(base, 18, Font.BOLD);
        Font small = new Font(base, 10);
        Font text = new Font(base, 12);
        Font strong = new Font(base, 13, Font.BOLD);
        // left margin wide enough for a window envelope; the addressee block sits where the window is
        Document doc = new Document(PageSize.A4, 64, 56, 56, 56);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            doc.addTitle(l.office() + " 函 " + l.letterNo());
            doc.open();
            Paragraph office = new Paragraph(l.office() + "　函", head);
            office.setAlignment(Element.ALIGN_CENTER);
            doc.add(office);
            Paragraph contact = new Paragraph(line("地址：", l.officeAddress()) + line("電話：", l.officePhone()), small);
            contact.setAlignment(Element.ALIGN_RIGHT);
            doc.add(contact);
            doc.add(new Paragraph(" ", small));
            doc.add(new Paragraph(l.recipientAddress(), strong));
            doc.add(new Paragraph(l.addressee(), strong));
            doc.add(new Paragraph(" ", small));
            doc.add(new Paragraph("受文者：" + l.addressee(), text));
            doc.add(new Paragraph("發文日期：" + l.rocDate(), text));
            doc.add(new Paragraph("發文字號：" + l.letterNo(), text));
            doc.add(new Paragraph("案號：" + l.caseNo(), text));
            doc.add(new Paragraph(" ", small));
            doc.add(new Paragraph("主旨：" + l.subject(), text));
            doc.add(new Paragraph("說明：", text));
            for (String para : l.body().split("\\R")) {
                Paragraph p = new Paragraph(para.isBlank() ? " " : para, text);
                p.setIndentationLeft(24);
                p.setLeading(20);
                doc.add(p);
            }
            doc.add(new Paragraph(" ", small));
            Paragraph sign = new Paragraph(l.office(), strong);
            sign.setAlignment(Element.ALIGN_RIGHT);
            doc.add(sign);
            if (l.demo()) {
                doc.add(new Paragraph("示範資料 / demo data", small));
            }
        } catch (DocumentException e) {
            throw new IOException("the letter could not be written as PDF", e);
        } finally {
            doc.close();
        }
    }

    void odt(Letter l, OutputStream out) throws IOException {
        OdfTextDocument doc = null;
        try {
            doc = OdfTextDocument.newTextDocument();
            doc.newParagraph(l.office() + "　函");
            doc.newParagraph(line("地址：", l.officeAddress()) + line("電話：", l.officePhone()));
            doc.newParagraph("");
            doc.newParagraph(l.recipientAddress());
            doc.newParagraph(l.addressee());
            doc.newParagraph("");
            doc.newParagraph("受文者：" + l.addressee());
            doc.newParagraph("發文日期：" + l.rocDate());
            doc.newParagraph("發文字號：" + l.letterNo());
            doc.newParagraph("案號：" + l.caseNo());
            doc.newParagraph("");
            doc.newParagraph("主旨：" + l.subject());
            doc.newParagraph("說明：");
            for (String para : l.body().split("\\R")) {
                doc.newParagraph(para);
            }
            doc.newParagraph("");
            doc.newParagraph(l.office());
            if (l.demo()) {
                doc.newParagraph("示範資料 / demo data");
            }
            doc.save(out);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the letter could not be written as ODT", e);
        } finally {
            if (doc != null) {
                doc.close();
            }
        }
    }

    private static String line(String label, String value) {
        return value == null || value.isBlank() ? "" : label + value + "　";
    }
}
