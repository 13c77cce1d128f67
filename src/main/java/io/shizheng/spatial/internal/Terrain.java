package io.shizheng.spatial.internal;

import java.util.Locale;

/**
 * Slope and aspect of a DEM as {@code gdaldem slope} and {@code gdaldem aspect} (GDAL 3.6) compute them without
 * {@code -compute_edges} and without {@code -zero_for_flat}: a 3 × 3 window over each cell; the one-cell border, a
 * nodata cell and a cell with a nodata neighbour get nodata (-9999); a flat cell gets -9999 as its aspect. The
 * window sums are done in single precision as gdaldem does for Float32 input (exact for Int16), the rest in double,
 * the result rounded to Float32. The vertical scale is 1 for a projected DEM (metres) and 111120 for EPSG:4326
 * (gdaldem's {@code -s 111120} for degrees).
 *
 * <pre>
 *   0 1 2
 *   3 4 5
 *   6 7 8
 * </pre>
 */
final class Terrain {

    static final float NODATA = -9999f;
    /** gdaldem's advice for a DEM in degrees with elevations in metres. */
    static final double DEGREES_SCALE = 111120;
    private static final double RAD_TO_DEG = 180.0 / Math.PI;
    private static final double DEG_TO_RAD = Math.PI / 180.0;

    enum Method {
        HORN, ZEVENBERGEN;

        static Method parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "horn" -> HORN;
                case "zevenbergen", "zevenbergenthorne", "zevenbergen-thorne" -> ZEVENBERGEN;
                default -> throw new IllegalArgumentException(
                        "method 須為 horn 或 zevenbergen / method must be horn or zevenbergen");
            };
        }
    }

    enum Unit {
        DEGREES, PERCENT;

        static Unit parse(String s) {
            return switch (s.strip().toLowerCase(Locale.ROOT)) {
                case "degrees", "degree", "deg" -> DEGREES;
                case "percent", "pct", "%" -> PERCENT;
                default -> throw new IllegalArgumentException("unit 須為 degrees 或 percent / unit must be degrees or percent");
            };
        }
    }

    private Terrain() {
    }

    /** Slope of every cell, in degrees or percent, as gdaldem slope [-p] [-alg ZevenbergenThorne] writes it. */
    static Dem slope(Dem dem, Method method, Unit unit) {
        double scale = dem.projected() ? 1 : DEGREES_SCALE;
        double ewres = dem.pixelX() * scale;
        double nsres = dem.pixelY() * scale;
        boolean degrees = unit == Unit.DEGREES;
        return run(dem, w -> {
            double dx;
            double dy;
            double key;
            if (method == Method.HORN) {
                dx = (((w[0] + w[3]) + w[3]) + w[6] - (((w[2] + w[5]) + w[5]) + w[8])) / ewres;
                dy = (((w[6] + w[7]) + w[7]) + w[8] - (((w[0] + w[1]) + w[1]) + w[2])) / nsres;
                key = dx * dx + dy * dy;
                return degrees ? (float) (Math.atan(Math.sqrt(key) / 8) * RAD_TO_DEG) : (float) (100 * (Math.sqrt(key) / 8));
            }
            dx = (w[3] - w[5]) / ewres;
            dy = (w[7] - w[1]) / nsres;
            key = dx * dx + dy * dy;
            return degrees ? (float) (Math.atan(Math.sqrt(key) / 2) * RAD_TO_DEG) : (float) (100 * (Math.sqrt(key) / 2));
        });
    }

    /** Aspect of every cell, 0–360 clockwise from north (the way the slope faces), -9999 where flat. */
    static Dem aspect(Dem dem, Method method) {
        return run(dem, w -> {
            double dx;
            double dy;
            if (method == Method.HORN) {
                dx = (((w[2] + w[5]) + w[5]) + w[8]) - (((w[0] + w[3]) + w[3]) + w[6]);
                dy = (((w[6] + w[7]) + w[7]) + w[8]) - (((w[0] + w[1]) + w[1]) + w[2]);
            } else {
                dx = w[5] - w[3];
                dy = w[7] - w[1];
            }
            if (dx == 0 && dy == 0) {
                return NODATA;
            }
            float aspect = (float) (Math.atan2(dy, -dx) / DEG_TO_RAD);
            aspect = aspect > 90.0f ? 450.0f - aspect : 90.0f - aspect;
            return aspect == 360.0f ? 0.0f : aspect;
        });
    }

    /**
     * An analysis on the window of cells x0 ≤ x < x0 + w, y0 ≤ y < y0 + h that gives exactly the cells the analysis of
     * the whole DEM gives there: it runs on the window grown by one cell (within the DEM) and drops that margin.
     */
    static Dem window(Dem dem, int x0, int y0, int w, int h, java.util.function.UnaryOperator<Dem> analysis) {
        int gx0 = Math.max(0, x0 - 1);
        int gy0 = Math.max(0, y0 - 1);
        int gx1 = Math.min(dem.width(), x0 + w + 1);
        int gy1 = Math.min(dem.height(), y0 + h + 1);
        Dem grown = analysis.apply(dem.crop(gx0, gy0, gx1 - gx0, gy1 - gy0));
        return grown.crop(x0 - gx0, y0 - gy0, w, h);
    }

    private interface Window {
        float apply(float[] w);
    }

    private static Dem run(Dem dem, Window alg) {
        int width = dem.width();
        int height = dem.height();
        float[] out = new float[width * height];
        float[] w = new float[9];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                if (x == 0 || y == 0 || x == width - 1 || y == height - 1) {
                    out[i] = NODATA;
                    continue;
                }
                boolean missing = false;
                for (int k = 0; k < 9 && !missing; k++) {
                    float v = dem.at(x - 1 + k % 3, y - 1 + k / 3);
                    w[k] = v;
                    missing = dem.isNoData(v);
                }
                out[i] = missing ? NODATA : alg.apply(w);
            }
        }
        return dem.withCells(out, (double) NODATA);
    }
}
