package io.shizheng.platform;

/**
 * A CSV that cannot be read on from a line on (an unterminated quote, text that is not in its encoding, a record
 * too long): {@link #line()} is where, {@link #reason()} what, in zh-TW and English ("引號未結束 / unterminated ...").
 */
public class CsvException extends RuntimeException {

    private final long line;
    private final String reason;

    public CsvException(long line, String reason, Throwable cause) {
        super("第 " + line + " 行 / line " + line + ": " + reason, cause);
        this.line = line;
        this.reason = reason;
    }

    /** The physical line (1-based) of the record that could not be read. */
    public long line() {
        return line;
    }

    /** What is wrong, without the line: "引號未結束 / unterminated quoted field". */
    public String reason() {
        return reason;
    }
}
