package io.shizheng.opendata.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.CsvException;
import io.shizheng.platform.CsvSource;

/** Rows of a tabular file, one at a time, so that a file of any size is read in constant memory. */
public interface TableReader extends Closeable {

    /** The next row (the first is the header row for CSV), or null at the end. */
    List<String> next() throws IOException;

    /** The physical line (1-based) on which the row last returned by {@link #next} began; 0 when unknown. */
    long line();

    /** CSV through the platform's reader; a file it cannot read on is an IOException naming the line. */
    static TableReader csv(Reader in) {
        CsvSource csv = CsvSource.of(in);
        return new TableReader() {
            @Override
            public List<String> next() throws IOException {
                try {
                    CsvSource.Row r = csv.next();
                    return r == null ? null : new ArrayList<>(r.cells());
                } catch (CsvException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public long line() {
                return csv.line();
            }

            @Override
            public void close() {
                csv.close();
            }
        };
    }
}
