package io.shizheng.cases.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/** Rows for PostgreSQL COPY in text format, escaped; sent in one go. */
final class CopyWriter {

    private final StringBuilder sb = new StringBuilder(1 << 20);
    private int rows;

    CopyWriter row(Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append('\t');
            }
            Object v = values[i];
            if (v == null) {
                sb.append("\\N");
                continue;
            }
            String s = String.valueOf(v);
            for (int k = 0; k < s.length(); k++) {
                char c = s.charAt(k);
                switch (c) {
                    case '\\' -> sb.append("\\\\");
                    case '\t' -> sb.append("\\t");
                    case '\n' -> sb.append("\\n");
                    case '\r' -> sb.append("\\r");
                    default -> sb.append(c);
                }
            }
        }
        sb.append('\n');
        rows++;
        return this;
    }

    int rows() { return rows; }

    long copy(Connection connection, String table, String columns) {
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN", new StringReader(sb.toString()));
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table + " failed", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
