package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: quoted fields with doubled quotes, commas and newlines inside quotes, CRLF or LF, a leading
 * byte-order mark ignored. Reads through a buffer of its own, one record at a time.
 */
final class CsvReader implements TableReader {

    private final Reader in;
    private final char delimiter;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private boolean first = true;
    private boolean eof;
    private final StringBuilder field = new StringBuilder();

    CsvReader(Reader in) {
        this(in, ',');
    }

    CsvReader(Reader in, char delimiter) {
        this.in = in;
        this.delimiter = delimiter;
    }

    @Override
    public List<String> next() throws IOException {
        if (first) {
            first = false;
            if (fill() && buf[pos] == '\uFEFF') {
                pos++;
            }
        }
        if (!fill()) {
            return null;
        }
        recordLine = line;
        List<String> row = new ArrayList<>();
        while (true) {
            // one field: quoted, or a run of plain characters copied in bulk
            field.setLength(0);
            if (fill() && buf[pos] == '"') {
                pos++;
                while (true) {
                    if (!fill()) {
                        throw new CsvException(recordLine, "引號未結束 / unterminated quoted field");
                    }
                    int s = pos;
                    while (pos < len && buf[pos] != '"') {
                        if (buf[pos] == '\n') {
                            line++;
                        }
                        pos++;
                    }
                    field.append(buf, s, pos - s);
                    if (pos < len) {
                        pos++;
                        if (fill() && buf[pos] == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            break;
                        }
                    }
                }
            }
            while (fill()) {
                int s = pos;
                char c = 0;
                while (pos < len) {
                    c = buf[pos];
                    if (c == delimiter || c == '\n' || c == '\r') {
                        break;
                    }
                    pos++;
                }
                field.append(buf, s, pos - s);
                if (pos < len) {
                    break;
                }
            }
            row.add(field.toString());
            if (!fill()) {
                return row;
            }
            char c = buf[pos++];
            if (c == delimiter) {
                continue;
            }
            line++;
            if (c == '\r' && fill() && buf[pos] == '\n') {
                pos++;
            }
            return row;
        }
    }

    /** Whether a character is available at pos, refilling the buffer when needed. */
    private boolean fill() throws IOException {
        if (pos < len) {
            return true;
        }
        if (eof) {
            return false;
        }
        len = in.read(buf, 0, buf.length);
        pos = 0;
        if (len <= 0) {
            len = 0;
            eof = true;
            return false;
        }
        return true;
    }

    @Override
    public long line() {
        return recordLine;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** A CSV that cannot be read at all (not a ragged row, which the quality check reports). */
    static final class CsvException extends IOException {
        final long line;

        CsvException(long line, String message) {
            super("第 " + line + " 行 / line " + line + ": " + message);
            this.line = line;
        }
    }
}
