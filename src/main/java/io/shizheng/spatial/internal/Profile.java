package io.shizheng.spatial.internal;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Elevation along a line, like GRASS {@code r.profile}: a point every {@code step} metres of distance from the start
 * (and the end point), each interpolated bilinearly between the centres of the four nearest cells (the nearest edge
 * cells beyond the outermost centres). The line is straight between its vertices in the DEM's CRS; distances are
 * planar in metres for a projected DEM and great-circle (mean Earth radius) for EPSG:4326.
 */
final class Profile {

    /** More points than this are refused: take a larger step. */
    static final int MAX_POINTS = 20_000;
    private static final double EARTH_RADIUS = 6_371_008.8;

    /** One point: the distance in metres from the start, x and y in the DEM's CRS, the elevation or null (nodata). */
    record Point(double distance, double x, double y, @Nullable Double elevation) {
    }

    private Profile() {
    }

    /**
     * @param line vertices (x, y) in the DEM's CRS, at least two, all inside the DEM
     * @param step metres between points, positive
     */
    static List<Point> along(Dem dem, List<double[]> line, double step) {
        if (!(step > 0) || !Double.isFinite(step)) {
            throw new IllegalArgumentException("step 須為正數（公尺） / step must be a positive number of metres");
        }
        if (line.size() < 2) {
            throw new IllegalArgumentException("線至少要有兩個點 / the line needs at least two points");
        }
        for (double[] v : line) {
            if (!(v[0] >= dem.minX() && v[0] <= dem.maxX() && v[1] >= dem.minY() && v[1] <= dem.maxY())) {
                throw new IllegalArgumentException("線超出 DEM 範圍 / the line leaves the DEM's extent");
            }
        }
        double total = 0;
        double[] lengths = new double[line.size() - 1];
        for (int i = 0; i + 1 < line.size(); i++) {
            lengths[i] = distance(dem, line.get(i), line.get(i + 1));
            total += lengths[i];
        }
        if (total / step + 2 > MAX_POINTS) {
            throw new IllegalArgumentException("點數超過 " + MAX_POINTS + "，請加大 step / more than " + MAX_POINTS
                    + " points: use a larger step");
        }
        List<Point> out = new ArrayList<>();
        double start = 0;
        int k = 0;
        for (int i = 0; i < lengths.length; i++) {
            double[] a = line.get(i);
            double[] b = line.get(i + 1);
            double len = lengths[i];
            for (double d = k * step; d < start + len || (i == lengths.length - 1 && d <= start + len); d = ++k * step) {
                double t = len == 0 ? 0 : (d - start) / len;
                double x = a[0] + t * (b[0] - a[0]);
                double y = a[1] + t * (b[1] - a[1]);
                out.add(new Point(d, x, y, elevation(dem, x, y)));
            }
            start += len;
        }
        Point last = out.get(out.size() - 1);
        double[] end = line.get(line.size() - 1);
        if (total - last.distance() > 1e-9 * Math.max(1, total)) {
            out.add(new Point(total, end[0], end[1], elevation(dem, end[0], end[1])));
        }
        return out;
    }

    /** The bilinear elevation at (x, y) in the DEM's CRS; null outside it or next to a nodata cell. */
    static @Nullable Double elevation(Dem dem, double x, double y) {
        double px = (x - dem.originX()) / dem.pixelX() - 0.5;
        double py = (y - dem.originY()) / dem.pixelY() - 0.5;
        if (px < -0.5 || py < -0.5 || px > dem.width() - 0.5 || py > dem.height() - 0.5) {
            return null;
        }
        px = Math.min(Math.max(px, 0), dem.width() - 1);
        py = Math.min(Math.max(py, 0), dem.height() - 1);
        int x0 = Math.min((int) Math.floor(px), Math.max(dem.width() - 2, 0));
        int y0 = Math.min((int) Math.floor(py), Math.max(dem.height() - 2, 0));
        int x1 = Math.min(x0 + 1, dem.width() - 1);
        int y1 = Math.min(y0 + 1, dem.height() - 1);
        double fx = px - x0;
        double fy = py - y0;
        float z00 = dem.at(x0, y0);
        float z10 = dem.at(x1, y0);
        float z01 = dem.at(x0, y1);
        float z11 = dem.at(x1, y1);
        if (dem.isNoData(z00) || dem.isNoData(z10) || dem.isNoData(z01) || dem.isNoData(z11)) {
            return null;
        }
        double top = z00 + fx * (z10 - z00);
        double bottom = z01 + fx * (z11 - z01);
        return top + fy * (bottom - top);
    }

    private static double distance(Dem dem, double[] a, double[] b) {
        if (dem.projected()) {
            return Math.hypot(b[0] - a[0], b[1] - a[1]);
        }
        double la1 = Math.toRadians(a[1]);
        double la2 = Math.toRadians(b[1]);
        double dla = la2 - la1;
        double dlo = Math.toRadians(b[0] - a[0]);
        double h = Math.sin(dla / 2) * Math.sin(dla / 2) + Math.cos(la1) * Math.cos(la2) * Math.sin(dlo / 2) * Math.sin(dlo / 2);
        return 2 * EARTH_RADIUS * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
