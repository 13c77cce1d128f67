package io.shizheng.platform;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows for PostgreSQL {@code COPY … FROM STDIN} in text format, the one place that escapes them: a backslash, tab,
 * line feed and carriage return are escaped, null is {@code \N}, text goes as UTF-8. A NUL character cannot be
 * stored in PostgreSQL text and is refused. Either streams into a COPY started on a connection ({@link #into}), in
 * chunks, or holds the rows until {@link #copy} ({@link #buffered}, when another COPY holds the connection meanwhile).
 */
public final class CopyWriter implements AutoCloseable {

    private static final int CHUNK = 1 << 18;
    private static final byte[] NULL = {'\\', 'N'};

    private final CopyIn copy;
    private final String target;
    private byte[] buf;
    private int pos;
    private boolean rowStarted;
    private long rows;
    private final Map<String, byte[]> encoded = new HashMap<>();

    private CopyWriter(CopyIn copy, String target, int capacity) {
        this.copy = copy;
        this.target = target;
        this.buf = new byte[capacity];
    }

    /** Starts {@code COPY table (columns) FROM STDIN} on the connection; columns null for all of the table's. */
    public static CopyWriter into(Connection connection, String table, String columns) {
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(table, columns));
            return new CopyWriter(in, table, CHUNK);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Rows held in memory until {@link #copy}. */
    public static CopyWriter buffered() {
        return new CopyWriter(null, null, 1 << 16);
    }

    private static String sql(String table, String columns) {
        return "copy " + table + (columns == null ? "" : " (" + columns + ")") + " from stdin";
    }

    /** A text field; null is {@code \N}. */
    public CopyWriter text(String s) {
        field();
        if (s == null) {
            put(NULL);
        } else {
            escape(s);
        }
        return this;
    }

    /** A text field that repeats (a queue, a language, an agent): encoded once, up to 10,000 distinct values. */
    public CopyWriter repeated(String s) {
        if (s == null) {
            return nul();
        }
        byte[] b = encoded.get(s);
        if (b == null) {
            CopyWriter one = new CopyWriter(null, null, s.length() * 4 + 4);
            one.escape(s);
            b = one.bytes();
            if (encoded.size() < 10_000) {
                encoded.put(s, b);
            }
        }
        field();
        put(b);
        return this;
    }

    /** A whole number. */
    public CopyWriter number(long v) {
        field();
        ensure(20);
        if (v < 0) {
            if (v == Long.MIN_VALUE) {
                put(Long.toString(v).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                return this;
            }
            buf[pos++] = '-';
            v = -v;
        }
        if (v == 0) {
            buf[pos++] = '0';
            return this;
        }
        int start = pos;
        while (v > 0) {
            buf[pos++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = pos - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** A boolean as PostgreSQL writes it (t or f); null is {@code \N}. */
    public CopyWriter bool(Boolean b) {
        field();
        ensure(2);
        if (b == null) {
            put(NULL);
        } else {
            buf[pos++] = (byte) (b ? 't' : 'f');
        }
        return this;
    }

    /** Null ({@code \N}). */
    public CopyWriter nul() {
        field();
        put(NULL);
        return this;
    }

    /** Any value as its text ({@link String#valueOf}); null is {@code \N}, a boolean t or f. */
    public CopyWriter value(Object v) {
        if (v == null) {
            return nul();
        }
        if (v instanceof Boolean b) {
            return bool(b);
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            return number(((Number) v).longValue());
        }
        return text(String.valueOf(v));
    }

    /** A whole row of values, ended. */
    public CopyWriter row(Object... values) {
        for (Object v : values) {
            value(v);
        }
        return end();
    }

    /** Ends the row. */
    public CopyWriter end() {
        ensure(1);
        buf[pos++] = '\n';
        rowStarted = false;
        rows++;
        return this;
    }

    /** Rows ended so far. */
    public long rows() {
        return rows;
    }

    /** Ends a streaming COPY; returns how many rows the database took. */
    public long finish() {
        if (copy == null) {
            throw new IllegalStateException("a buffered CopyWriter is sent with copy(connection, table, columns)");
        }
        try {
            flush();
            return copy.endCopy();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Sends the buffered rows with one {@code COPY table (columns) FROM STDIN}; returns how many were taken. */
    public long copy(Connection connection, String table, String columns) {
        if (copy != null) {
            throw new IllegalStateException("a streaming CopyWriter ends with finish()");
        }
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql(table, columns),
                    new ByteArrayInputStream(buf, 0, pos));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** Stops a streaming COPY; nothing of it is kept. */
    public void cancel() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void close() {
        cancel();
    }

    private IllegalStateException failed(SQLException e) {
        return new IllegalStateException("COPY into " + target + " failed: " + e.getMessage(), e);
    }

    private void field() {
        if (rowStarted) {
            ensure(1);
            buf[pos++] = '\t';
        }
        rowStarted = true;
    }

    private void put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
    }

    private void escape(String s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            ensure(4);
            char c = s.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> { buf[pos++] = '\\'; buf[pos++] = '\\'; }
                    case '\t' -> { buf[pos++] = '\\'; buf[pos++] = 't'; }
                    case '\n' -> { buf[pos++] = '\\'; buf[pos++] = 'n'; }
                    case '\r' -> { buf[pos++] = '\\'; buf[pos++] = 'r'; }
                    case '\0' -> throw new IllegalArgumentException(
                            "NUL 字元無法存入資料庫 / a NUL character (U+0000) cannot be stored in PostgreSQL text");
                    default -> buf[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xC0 | c >> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[pos++] = (byte) (0xF0 | cp >> 18);
                buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                buf[pos++] = '?';
            } else {
                buf[pos++] = (byte) (0xE0 | c >> 12);
                buf[pos++] = (byte) (0x80 | c >> 6 & 0x3F);
                buf[pos++] = (byte) (0x80 | c & 0x3F);
            }
        }
    }

    private void ensure(int n) {
        if (pos + n <= buf.length) {
            return;
        }
        if (copy == null) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + n));
            return;
        }
        try {
            flush();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    /** The bytes of the rows held so far (buffered), for tests and logs. */
    public byte[] bytes() {
        return Arrays.copyOf(buf, pos);
    }
}
