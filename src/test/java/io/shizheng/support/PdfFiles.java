package io.shizheng.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/** What a printed PDF shows (its text) and whether every font it uses travels with it (embedded). */
public final class PdfFiles {

    private PdfFiles() {
    }

    /** The text of every page, as a reader would copy it. */
    public static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder b = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                b.append(extractor.getTextFromPage(page)).append('\n');
            }
            return b.toString();
        } finally {
            reader.close();
        }
    }

    /** The base names of the fonts whose descriptor has no embedded font file (FontFile, FontFile2, FontFile3). */
    public static List<String> fontsNotEmbedded(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        List<String> missing = new ArrayList<>();
        int descriptors = 0;
        try {
            for (int i = 0; i < reader.getXrefSize(); i++) {
                PdfObject o = reader.getPdfObjectRelease(i);
                if (o instanceof PdfDictionary d && PdfName.FONTDESCRIPTOR.equals(d.get(PdfName.TYPE))) {
                    descriptors++;
                    if (d.get(PdfName.FONTFILE) == null && d.get(PdfName.FONTFILE2) == null && d.get(PdfName.FONTFILE3) == null) {
                        missing.add(String.valueOf(d.get(PdfName.FONTNAME)));
                    }
                }
                if (o instanceof PdfDictionary d && PdfName.FONT.equals(d.get(PdfName.TYPE))
                        && !PdfName.TYPE0.equals(d.get(PdfName.SUBTYPE)) && d.get(PdfName.FONTDESCRIPTOR) == null) {
                    missing.add(String.valueOf(d.get(PdfName.BASEFONT)) + " (no descriptor: a standard font)");
                }
            }
        } finally {
            reader.close();
        }
        if (descriptors == 0) {
            missing.add("(no font descriptor at all)");
        }
        return missing;
    }

    /**
     * Poppler's pdffonts, where it is installed (Debian poppler-utils): the lines of fonts it says are not embedded,
     * or null without pdffonts.
     */
    public static List<String> pdffontsNotEmbedded(byte[] pdf) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/pdffonts"))) {
            return null;
        }
        Path file = Files.createTempFile("shizheng-fonts", ".pdf");
        try {
            Files.write(file, pdf);
            Process p = new ProcessBuilder("/usr/bin/pdffonts", file.toString()).redirectErrorStream(true).start();
            List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
            if (p.waitFor() != 0 || lines.size() < 3) {
                throw new IOException("pdffonts failed: " + String.join("\n", lines));
            }
            // columns: name type encoding emb sub uni object ID; "emb" is the third from the end but three
            List<String> notEmbedded = new ArrayList<>();
            for (String line : lines.subList(2, lines.size())) {
                String[] cols = line.trim().split("\\s+");
                if (cols.length >= 7 && !"yes".equals(cols[cols.length - 5])) {
                    notEmbedded.add(line);
                }
            }
            return notEmbedded;
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
