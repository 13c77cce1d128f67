package io.shizheng.opendata.internal;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Rows of a tabular file, one at a time, so that a file of any size is read in constant memory. */
public interface TableReader extends Closeable {

    /** The next row (the first is the header row for CSV), or null at the end. */
    List<String> next() throws IOException;

    /** The physical line (1-based) on which the row last returned by {@link #next} began; 0 when unknown. */
    long line();
}
