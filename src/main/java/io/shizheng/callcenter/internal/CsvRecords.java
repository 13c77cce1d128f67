package io.shizheng.callcenter.internal;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streaming RFC 4180 reader: one record at a time from any size of input in constant memory (quoted fields,
 * doubled quotes, CRLF or LF, a leading byte-order mark). {@link #line()} is the physical line the record began on.
 */
final class CsvRecords {

    static final int MAX_FIELD = 4000;

    private final Reader in;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;
    private int lineNo = 1;
    private int recordLine;
    private boolean first = true;
    private boolean overflow;
    private final StringBuilder field = new StringBuilder(64);
    private final List<String> fields = new ArrayList<>(12);

    CsvRecords(Reader in) {
        this.in = in;
    }

    int line() { return recordLine; }

    private int read() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos++];
    }

    private int peek() throws IOException {
        if (pos == len) {
            len = in.read(buf, 0, buf.length);
            pos = 0;
            if (len <= 0) {
                len = 0;
                return -1;
            }
        }
        return buf[pos];
    }

    /** The next record's fields, or null at the end. A blank line is an empty list. */
    List<String> next() throws IOException {
        fields.clear();
        field.setLength(0);
        overflow = false;
        int c = read();
        if (first) {
            first = false;
            if (c == '\uFEFF') {
                c = read();
            }
        }
        if (c == -1) {
            return null;
        }
        recordLine = lineNo;
        boolean quoted = false;
        boolean any = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IllegalStateException("引號未關閉 / unterminated quoted field");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        read();
                        append('"');
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        lineNo++;
                    }
                    append((char) c);
                }
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == -1) {
                if (c == '\n') {
                    lineNo++;
                }
                break;
            } else if (c == '\r') {
                if (peek() == '\n') {
                    read();
                }
                lineNo++;
                break;
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
            } else {
                append((char) c);
            }
            c = read();
        }
        if (any || field.length() > 0) {
            fields.add(field.toString());
        }
        return fields;
    }

    private void append(char c) {
        if (field.length() >= MAX_FIELD) {
            overflow = true;
            return;
        }
        field.append(c);
    }

    /** Whether the last record had a field longer than {@link #MAX_FIELD} (cut short, to keep memory bounded). */
    boolean overflowed() { return overflow; }
}
