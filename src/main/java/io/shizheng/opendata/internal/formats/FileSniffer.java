package io.shizheng.opendata.internal.formats;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * What a file really is: its text encoding (UTF-8, or Big5 as many Taiwanese systems still write) and its
 * format by content (PDF, XLSX, ODS, JSON, XML, CSV...), whatever its name or the uploader says.
 */
public final class FileSniffer {

    /** Big5 as Windows writes it (CP950), a superset of plain Big5. */
    public static final Charset BIG5 = Charset.forName("x-windows-950");

    private FileSniffer() {
    }

    /** The encoding of a text file: UTF-8, Big5, or empty when it is neither (or binary). */
    public static Optional<Charset> textEncoding(Path file) throws IOException {
        if (decodes(file, StandardCharsets.UTF_8)) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (decodes(file, BIG5)) {
            return Optional.of(BIG5);
        }
        return Optional.empty();
    }

    private static boolean decodes(Path file, Charset cs) throws IOException {
        CharsetDecoder dec = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        CharBuffer out = CharBuffer.allocate(1 << 16);
        try (InputStream s = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 15];
            int n;
            while ((n = s.read(buf)) > 0) {
                in.put(buf, 0, n);
                in.flip();
                CoderResult r = dec.decode(in, out, false);
                if (r.isError()) {
                    return false;
                }
                out.clear();
                in.compact();
            }
            in.flip();
            CoderResult r = dec.decode(in, out, true);
            if (r.isError()) {
                return false;
            }
            return !dec.flush(out).isError();
        }
    }

    /** Copies a text file from {@code from} to UTF-8, streaming. */
    public static void transcode(Path file, Charset from, Path target) throws IOException {
        try (Reader r = Files.newBufferedReader(file, from);
             Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8))) {
            r.transferTo(w);
        }
    }

    /** The format the content shows, or empty when it cannot tell (plain text without structure, say). */
    public static Optional<String> format(Path file) throws IOException {
        byte[] head = new byte[4096];
        int n;
        try (InputStream s = new BufferedInputStream(Files.newInputStream(file))) {
            n = s.readNBytes(head, 0, head.length);
        }
        if (n >= 4 && head[0] == '%' && head[1] == 'P' && head[2] == 'D' && head[3] == 'F') {
            return Optional.of("PDF");
        }
        if (n >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return Optional.of(zipKind(file));
        }
        if (n >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF) {
            return Optional.of("XLS");
        }
        if (n >= 3 && (head[0] & 0xFF) == 0x89 && head[1] == 'P' && head[2] == 'N') {
            return Optional.of("PNG");
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xD8) {
            return Optional.of("JPEG");
        }
        for (int i = 0; i < n; i++) {
            if (head[i] == 0) {
                return Optional.of("BINARY");
            }
        }
        int i = 0;
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < n && Character.isWhitespace(head[i])) {
            i++;
        }
        if (i >= n) {
            return Optional.empty();
        }
        String start = new String(head, i, Math.min(200, n - i), StandardCharsets.ISO_8859_1);
        if (start.startsWith("{") || start.startsWith("[")) {
            return Optional.of(start.contains("\"FeatureCollection\"") ? "GEOJSON" : "JSON");
        }
        if (start.startsWith("<?xml") || start.startsWith("<")) {
            return Optional.of(start.toLowerCase().contains("<html") || start.toLowerCase().contains("<!doctype html")
                    ? "HTML" : "XML");
        }
        return Optional.of("TXT");
    }

    private static String zipKind(Path file) {
        try (ZipFile z = new ZipFile(file.toFile())) {
            var mime = z.getEntry("mimetype");
            if (mime != null) {
                String m = new String(z.getInputStream(mime).readAllBytes(), StandardCharsets.US_ASCII);
                return m.contains("spreadsheet") ? "ODS" : m.contains("text") ? "ODT" : "ZIP";
            }
            if (z.getEntry("xl/workbook.xml") != null) {
                return "XLSX";
            }
            if (z.getEntry("word/document.xml") != null) {
                return "DOCX";
            }
            return "ZIP";
        } catch (IOException e) {
            return "ZIP";
        }
    }

    /** Whether a declared format is what the content shows; text formats (CSV, TXT) accept any plain text. */
    public static boolean matches(String declared, String detected) {
        if (declared == null || detected == null) {
            return true;
        }
        String d = declared.toUpperCase();
        return switch (d) {
            case "CSV", "TSV", "TXT" -> detected.equals("TXT");
            case "JSON" -> detected.equals("JSON") || detected.equals("GEOJSON");
            case "GEOJSON" -> detected.equals("GEOJSON") || detected.equals("JSON");
            case "XML", "KML", "RDF" -> detected.equals("XML");
            case "HTML", "HTM" -> detected.equals("HTML");
            case "ZIP", "SHP" -> detected.equals("ZIP");
            default -> d.equals(detected);
        };
    }
}
