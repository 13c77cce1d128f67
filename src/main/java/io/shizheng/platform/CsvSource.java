package io.shizheng.platform;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader (RFC 4180 through Commons CSV): streams records of any size of input in constant memory, skips a
 * leading byte-order mark, decodes strictly (UTF-8, or UTF-8 or Big5 detected), numbers each record by the physical
 * line it began on, and names the columns by the header once {@link #header()} has read it. Blank lines come as
 * {@link Row#blank() blank} rows, so that line numbers stay true; whoever reads decides whether to skip them.
 */
public final class CsvSource implements Closeable, Iterable<CsvSource.Row> {

    /** Big5 as Windows writes it (CP950, a superset of plain Big5): what many Taiwanese government systems export. */
    public static final Charset BIG5 = Charset.forName("x-windows-950");
    /** A record longer than this (in characters) is refused, so that a stray quote cannot fill the memory. */
    public static final int MAX_RECORD_CHARS = 4 << 20;
    private static final int SNIFF_BYTES = 1 << 16;

    private final Guard guard;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final Charset charset;
    private Map<String, Integer> columns = Map.of();
    private long lastLine;

    private CsvSource(Reader in, Charset charset, char delimiter) {
        this.guard = new Guard(in);
        this.charset = charset;
        try {
            this.parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get().parse(guard);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.records = parser.iterator();
    }

    /** UTF-8 text; bytes that are not UTF-8 stop the reading with a {@link CsvException} naming the line. */
    public static CsvSource utf8(InputStream in) {
        return of(in, StandardCharsets.UTF_8);
    }

    /** Text in that encoding, decoded strictly. */
    public static CsvSource of(InputStream in, Charset charset) {
        return new CsvSource(new InputStreamReader(in, strict(charset)), charset, ',');
    }

    /** UTF-8 or Big5 (CP950), told apart by the first 64 KB; UTF-8 when both would do (plain ASCII). */
    public static CsvSource detecting(InputStream in) {
        BufferedInputStream b = new BufferedInputStream(in, SNIFF_BYTES);
        try {
            b.mark(SNIFF_BYTES);
            byte[] head = b.readNBytes(SNIFF_BYTES);
            b.reset();
            return of(b, detect(head, head.length == SNIFF_BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters already decoded (a string, a file read by the caller); a BOM is skipped here too. */
    public static CsvSource of(Reader in) {
        return of(in, ',');
    }

    /** Characters already decoded, with another delimiter (a tab, a semicolon). */
    public static CsvSource of(Reader in, char delimiter) {
        return new CsvSource(in, null, delimiter);
    }

    /** The encoding of text that begins with these bytes: UTF-8 when they are UTF-8 (or a UTF-8 BOM), else Big5. */
    public static Charset detect(byte[] head, boolean cutShort) {
        if (decodes(head, StandardCharsets.UTF_8, cutShort)) {
            return StandardCharsets.UTF_8;
        }
        return decodes(head, BIG5, cutShort) ? BIG5 : StandardCharsets.UTF_8;
    }

    private static boolean decodes(byte[] bytes, Charset cs, boolean cutShort) {
        CharsetDecoder d = strict(cs);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(ByteBuffer.wrap(bytes), out, !cutShort);
        return !r.isError() && (cutShort || !d.flush(out).isError());
    }

    private static CharsetDecoder strict(Charset cs) {
        return cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** The encoding the bytes were read in (null when the caller gave characters). */
    public Charset charset() {
        return charset;
    }

    /** Reads the first record as the header, whose names {@link Row#get(String)} then finds; null for an empty input. */
    public Row header() {
        Row h = next();
        if (h != null) {
            Map<String, Integer> m = new HashMap<>();
            for (int i = 0; i < h.size(); i++) {
                m.putIfAbsent(h.get(i).trim(), i);
            }
            columns = m;
        }
        return h;
    }

    /** The next record, or null at the end. */
    public Row next() {
        long before = parser.getCurrentLineNumber();
        guard.startRecord(before + 1);
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord r = records.next();
            lastLine = before + 1;
            return new Row(lastLine, r.values(), this);
        } catch (CsvException e) {
            throw e;
        } catch (UncheckedIOException e) {
            throw failure(before + 1, e.getCause());
        } catch (IllegalStateException e) {
            throw failure(before + 1, e);
        }
    }

    private static CsvException failure(long line, Throwable cause) {
        if (cause instanceof CharacterCodingException) {
            return new CsvException(line, "不是 UTF-8 或所宣告的編碼 / not text in the expected encoding (UTF-8)", cause);
        }
        if (cause instanceof CsvException c) {
            return c;
        }
        String m = String.valueOf(cause.getMessage());
        if (m.contains("EOF reached before encapsulated token finished")) {
            return new CsvException(line, "引號未結束 / unterminated quoted field", cause);
        }
        if (m.contains("invalid char between encapsulated token and delimiter")) {
            return new CsvException(line, "引號後應接逗號或換行 / a closing quote must be followed by a comma or a line end", cause);
        }
        return new CsvException(line, "無法讀取 / cannot be read: " + m, cause);
    }

    /** The line the last record returned began on. */
    public long line() {
        return lastLine;
    }

    @Override
    public Iterator<Row> iterator() {
        return new Iterator<>() {
            Row pending;

            @Override public boolean hasNext() {
                if (pending == null) {
                    pending = CsvSource.this.next();
                }
                return pending != null;
            }

            @Override public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Row r = pending;
                pending = null;
                return r;
            }
        };
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One record: the line it began on and its cells, by position or by the header's name. */
    public static final class Row {
        private final long line;
        private final String[] cells;
        private final CsvSource source;

        private Row(long line, String[] cells, CsvSource source) {
            this.line = line;
            this.cells = cells;
            this.source = source;
        }

        public long line() { return line; }

        public int size() { return cells.length; }

        /** The cell at that position (0-based). */
        public String get(int i) { return cells[i]; }

        /** The cell under that header name, or null when the header has no such column or this row is shorter. */
        public String get(String column) {
            Integer i = source.columns.get(column);
            return i == null || i >= cells.length ? null : cells[i];
        }

        /** The cells, as a list (not copied). */
        public List<String> cells() { return Arrays.asList(cells); }

        /** A line with nothing but white space on it. */
        public boolean blank() {
            for (String c : cells) {
                if (!c.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        /** Whether a cell is longer than {@code max} characters. */
        public boolean longerThan(int max) {
            for (String c : cells) {
                if (c.length() > max) {
                    return true;
                }
            }
            return false;
        }

        @Override public String toString() { return line + ":" + cells(); }
    }

    /** Skips a leading byte-order mark and refuses a record that runs past {@link #MAX_RECORD_CHARS}. */
    private static final class Guard extends Reader {
        private final Reader in;
        private boolean first = true;
        private long delivered;
        private long recordStart;
        private long recordLine;

        Guard(Reader in) {
            this.in = in;
        }

        void startRecord(long line) {
            recordStart = delivered;
            recordLine = line;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = in.read(buf, off, len);
            if (first && n > 0) {
                first = false;
                if (buf[off] == '\uFEFF') {
                    System.arraycopy(buf, off + 1, buf, off, n - 1);
                    n--;
                    if (n == 0) {
                        return read(buf, off, len);
                    }
                }
            }
            if (n > 0) {
                delivered += n;
                if (delivered - recordStart > MAX_RECORD_CHARS + (long) len) {
                    throw new CsvException(recordLine, "記錄過長（上限 " + MAX_RECORD_CHARS + " 字）/ a record longer than "
                            + MAX_RECORD_CHARS + " characters (an unterminated quote?)", null);
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
