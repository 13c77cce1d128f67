package io.shizheng.servicequality.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import io.shizheng.platform.CjkFont;
import io.shizheng.platform.RocDate;
import org.springframework.stereotype.Component;

/** A training certificate as PDF (A4 landscape, the CJK font embedded) with its code and a QR code to the public check. */
@Component
class CertificatePdf {

    private final CjkFont cjk;

    CertificatePdf(CjkFont cjk) {
        this.cjk = cjk;
    }

    byte[] write(Certificates.Certificate c, String agencyName, String issuer, String verifyUrl) {
        BaseFont base = cjk.font();
        Font title = new Font(base, 34, Font.BOLD);
        Font body = new Font(base, 17);
        Font small = new Font(base, 10);
        Font sign = new Font(base, 17, Font.BOLD);
        RocDate roc = new RocDate();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4.rotate(), 72, 72, 64, 64);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            doc.addTitle("研習證明書 " + c.displayCode());
            doc.open();
            Paragraph h = new Paragraph("研習證明書", title);
            h.setAlignment(Element.ALIGN_CENTER);
            h.setSpacingAfter(28);
            doc.add(h);
            java.time.LocalDate on = java.time.LocalDate.ofInstant(c.sessionAt(), RocDate.TAIPEI);
            Paragraph text = new Paragraph("茲證明 " + c.holder() + "（" + agencyName + "）於 " + rocLong(on) + " 參加「"
                    + c.courseName() + "」研習 " + c.hours().stripTrailingZeros().toPlainString() + " 小時，特此證明。", body);
            text.setLeading(34);
            text.setAlignment(Element.ALIGN_CENTER);
            doc.add(text);
            Paragraph en = new Paragraph("Certificate of attendance: " + c.courseName() + ", " + on + ", "
                    + c.hours().stripTrailingZeros().toPlainString() + " hours", small);
            en.setAlignment(Element.ALIGN_CENTER);
            en.setSpacingAfter(36);
            doc.add(en);
            Paragraph s = new Paragraph(issuer, sign);
            s.setAlignment(Element.ALIGN_RIGHT);
            doc.add(s);
            Paragraph d = new Paragraph("核發日期：" + roc.date(java.time.LocalDate.ofInstant(c.issuedAt(), RocDate.TAIPEI)), small);
            d.setAlignment(Element.ALIGN_RIGHT);
            doc.add(d);
            Paragraph code = new Paragraph("驗證碼 / verification code：" + c.displayCode(), body);
            code.setSpacingBefore(24);
            doc.add(code);
            doc.add(new Paragraph("查驗網址 / verify at：" + verifyUrl, small));
            if (c.demo()) {
                doc.add(new Paragraph("示範資料 / demo data", small));
            }
            qr(writer.getDirectContent(), verifyUrl, doc.right() - 110, doc.bottom(), 110);
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException("the certificate could not be written as PDF", e));
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private static String rocLong(java.time.LocalDate d) {
        return "中華民國" + RocDate.rocYear(d.getYear()) + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** The QR code drawn as vector squares, so that it prints sharp at any size. */
    private static void qr(PdfContentByte canvas, String text, float x, float y, float size) {
        BitMatrix m;
        try {
            m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2));
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
        float cell = size / m.getWidth();
        canvas.saveState();
        canvas.setRGBColorFill(0, 0, 0);
        for (int row = 0; row < m.getHeight(); row++) {
            for (int col = 0; col < m.getWidth(); col++) {
                if (m.get(col, row)) {
                    canvas.rectangle(x + col * cell, y + (m.getHeight() - 1 - row) * cell, cell, cell);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
