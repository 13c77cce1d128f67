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

    private int read() throws IOException {
        if (pos == len) {
            if (eof) {
                return -1;
            }
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                eof = true;
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        int c = read();
        if (c >= 0) {
            pos--;
        }
        return c;
    }

    @Override
    public List<String> next() throws IOException {
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c < 0) {
            return null;
        }
        recordLine = line;
        List<String> row = new ArrayList<>();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c < 0) {
                    throw new CsvException(recordLine, "引號未結束 / unterminated quoted field");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        field.append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delimiter) {
                row.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\r' || c == '\n' || c < 0) {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c >= 0) {
                    line++;
                }
                row.add(field.toString());
                return row;
            } else {
                field.append((char) c);
            }
            c = read();
        }
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
