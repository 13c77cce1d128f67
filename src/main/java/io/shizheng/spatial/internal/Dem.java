package io.shizheng.spatial.internal;

import org.jspecify.annotations.Nullable;

/**
 * A digital elevation model in memory: {@code width × height} cells row by row from the north-west corner, the
 * georeference as GDAL's geotransform without rotation (origin = outer corner of the first cell, pixelY negative).
 *
 * @param crs      3826 (TWD97 / TM2, metres) or 4326 (WGS 84, degrees)
 * @param nodata   the nodata value, or null when every cell is a value
 * @param dataType "float32" or "int16", the type of the file it came from
 */
record Dem(int width, int height, int crs, double originX, double originY, double pixelX, double pixelY,
           @Nullable Double nodata, String dataType, float[] cells) {

    Dem {
        if (width <= 0 || height <= 0 || (long) width * height != cells.length) {
            throw new IllegalArgumentException("cells do not match " + width + " × " + height);
        }
    }

    float at(int x, int y) {
        return cells[y * width + x];
    }

    /** Whether a cell value is nodata, as GDAL compares it (ARE_REAL_EQUAL, or NaN when the nodata is NaN). */
    boolean isNoData(float v) {
        if (nodata == null) {
            return false;
        }
        float nd = nodata.floatValue();
        if (Float.isNaN(nd)) {
            return Float.isNaN(v);
        }
        return v == nd || Math.abs(v - nd) < 1e-10 || (nd != 0 && Math.abs(1 - v / nd) < 1e-10);
    }

    boolean projected() {
        return crs == 3826;
    }

    double minX() {
        return originX;
    }

    double maxX() {
        return originX + width * pixelX;
    }

    double maxY() {
        return originY;
    }

    double minY() {
        return originY + height * pixelY;
    }

    /** The same georeference with other cells (an analysis result). */
    Dem withCells(float[] other, @Nullable Double otherNoData) {
        return new Dem(width, height, crs, originX, originY, pixelX, pixelY, otherNoData, "float32", other);
    }

    /** The cells x0 ≤ x < x0 + w, y0 ≤ y < y0 + h as a DEM of their own (the same CRS and cell size). */
    Dem crop(int x0, int y0, int w, int h) {
        if (x0 < 0 || y0 < 0 || w <= 0 || h <= 0 || x0 + w > width || y0 + h > height) {
            throw new IllegalArgumentException("window outside the grid");
        }
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(cells, (y0 + y) * width + x0, out, y * w, w);
        }
        return new Dem(w, h, crs, originX + x0 * pixelX, originY + y0 * pixelY, pixelX, pixelY, nodata, dataType, out);
    }

    /** The smallest and largest value that is not nodata; null when there is none. */
    double @Nullable [] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (float v : cells) {
            if (!isNoData(v) && !Float.isNaN(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        return min <= max ? new double[] {min, max} : null;
    }
}
