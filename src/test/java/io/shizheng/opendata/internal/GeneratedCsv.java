package io.shizheng.opendata.internal;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A CSV of any size generated on the fly (never held whole): a header, then rows with Chinese text, quoted commas
 * and quoted newlines, so that conversions can be driven over a gigabyte without a file of that size.
 */
final class GeneratedCsv extends InputStream {

    private final long limit;
    private long produced;
    private long row;
    private byte[] chunk = "編號,站名,地址,人數,日期\r\n".getBytes(StandardCharsets.UTF_8);
    private int pos;

    GeneratedCsv(long bytes) {
        this.limit = bytes;
    }

    long rows() {
        return row;
    }

    private void nextChunk() {
        row++;
        String line = row + ",臺中站" + (row % 97) + ",\"臺灣大道一段" + row + "號, 中區\",\"" + (row % 500)
                + "\",2018-0" + (1 + row % 9) + "-1" + (row % 9) + (row % 50 == 0 ? "\r\n" : "") + "\r\n";
        if (row % 50 == 0) {
            line = row + ",夜間站,\"第一行\n第二行\",7,2018-01-02\r\n";
        }
        chunk = line.getBytes(StandardCharsets.UTF_8);
        pos = 0;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (produced >= limit && pos >= chunk.length) {
            return -1;
        }
        int n = 0;
        while (n < len) {
            if (pos >= chunk.length) {
                if (produced >= limit) {
                    break;
                }
                nextChunk();
            }
            int k = Math.min(len - n, chunk.length - pos);
            System.arraycopy(chunk, pos, b, off + n, k);
            pos += k;
            n += k;
            produced += k;
        }
        return n == 0 ? -1 : n;
    }

    /** Converts a generated CSV of the given size to JSON, discarding the output; run in a small heap. */
    public static void main(String[] args) throws Exception {
        long bytes = Long.parseLong(args[0]);
        String target = args.length > 1 ? args[1] : "JSON";
        GeneratedCsv in = new GeneratedCsv(bytes);
        long[] out = new long[1];
        java.io.OutputStream sink = new java.io.OutputStream() {
            @Override
            public void write(int b) {
                out[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                out[0] += len;
            }
        };
        long t0 = System.nanoTime();
        long rows = Conversion.convert(in, "CSV", target, sink);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println("rows=" + rows + " in=" + in.produced + " out=" + out[0] + " seconds=" + seconds
                + " maxHeap=" + Runtime.getRuntime().maxMemory());
    }
}
