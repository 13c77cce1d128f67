package io.shizheng.spatial.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.shizheng.platform.InvalidInputException;
import mil.nga.tiff.FieldTagType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffReader;
import org.jspecify.annotations.Nullable;

/**
 * GeoTIFF in and out. Reading goes through mil.nga:tiff (strips or tiles, any of its compressions); the GeoTIFF tags
 * 33550 ModelPixelScale, 33922 ModelTiepoint, 33920 ModelTransformation (without rotation), 34735 GeoKeyDirectory
 * and GDAL's 42113 GDAL_NODATA are read by hand. Writing is a plain uncompressed little-endian Float32 TIFF in one
 * strip with the same tags, which GDAL reads as it reads its own.
 */
final class GeoTiff {

    private static final int SAMPLE_UINT = 1;
    private static final int SAMPLE_INT = 2;
    private static final int SAMPLE_FLOAT = 3;
    /** More cells than this are refused (a 20 m DTM over a whole city's bounding box is about 15 M). */
    static final long MAX_CELLS = 40_000_000L;

    private GeoTiff() {
    }

    /** Reads a single-band float32 or int16 GeoTIFF in EPSG:3826 or EPSG:4326; anything else is refused (422). */
    static Dem read(byte[] bytes) {
        if (bytes.length < 8 || !((bytes[0] == 'I' && bytes[1] == 'I') || (bytes[0] == 'M' && bytes[1] == 'M'))) {
            throw bad("不是 TIFF 檔（檔頭須為 II 或 MM） / not a TIFF file (it must begin with II or MM)");
        }
        FileDirectory dir;
        try {
            TIFFImage image = TiffReader.readTiff(bytes);
            dir = image.getFileDirectory();
        } catch (RuntimeException e) {
            throw bad("無法讀取 TIFF 檔：" + e.getMessage() + " / unreadable TIFF: " + e.getMessage());
        }
        int width;
        int height;
        try {
            width = dir.getImageWidth().intValue();
            height = dir.getImageHeight().intValue();
        } catch (RuntimeException e) {
            throw bad("TIFF 缺少寬高 / the TIFF has no width or height");
        }
        if (width <= 0 || height <= 0 || (long) width * height > MAX_CELLS) {
            throw bad("網格大小 " + width + " × " + height + " 不可接受（上限 4,000 萬格） / grid size not accepted (at most 40,000,000 cells)");
        }
        if (dir.getSamplesPerPixel() != 1) {
            throw bad("只接受單一波段的 DEM / only single-band DEMs are accepted");
        }
        int bits = dir.getMaxBitsPerSample() == null ? 0 : dir.getMaxBitsPerSample();
        Integer fmt = dir.getMaxSampleFormat();
        int format = fmt == null ? SAMPLE_UINT : fmt;
        String type;
        if (format == SAMPLE_FLOAT && bits == 32) {
            type = "float32";
        } else if (format == SAMPLE_INT && bits == 16) {
            type = "int16";
        } else {
            throw bad("只接受 Float32 或 Int16 的高程（此檔為 " + (format == SAMPLE_FLOAT ? "Float" : format == SAMPLE_INT
                    ? "Int" : "UInt") + bits + "） / only Float32 or Int16 elevations are accepted");
        }
        double[] geo = georeference(dir);
        int crs = crs(dir);
        Double nodata = nodata(dir);
        float[] cells = new float[width * height];
        try {
            Rasters r = dir.readRasters();
            for (int y = 0; y < height; y++) {
                for (int x = 0; x < width; x++) {
                    cells[y * width + x] = r.getFirstPixelSample(x, y).floatValue();
                }
            }
        } catch (RuntimeException e) {
            throw bad("無法讀取網格值：" + e.getMessage() + " / unreadable cells: " + e.getMessage());
        }
        return new Dem(width, height, crs, geo[0], geo[1], geo[2], geo[3], nodata, type, cells);
    }

    /** originX, originY, pixelX, pixelY (negative) as GDAL's geotransform has them, for PixelIsArea. */
    private static double[] georeference(FileDirectory dir) {
        List<Double> scale = doubles(dir, FieldTagType.ModelPixelScale);
        List<Double> tie = doubles(dir, FieldTagType.ModelTiepoint);
        List<Double> matrix = doubles(dir, FieldTagType.ModelTransformation);
        double ox;
        double oy;
        double px;
        double py;
        if (scale != null && scale.size() >= 2 && tie != null && tie.size() >= 6) {
            px = scale.get(0);
            py = -scale.get(1);
            ox = tie.get(3) - tie.get(0) * px;
            oy = tie.get(4) - tie.get(1) * py;
        } else if (matrix != null && matrix.size() >= 16) {
            if (matrix.get(1) != 0 || matrix.get(4) != 0) {
                throw bad("不支援旋轉的網格 / rotated grids are not supported");
            }
            px = matrix.get(0);
            ox = matrix.get(3);
            py = matrix.get(5);
            oy = matrix.get(7);
        } else {
            throw bad("TIFF 沒有地理參考（缺少 ModelPixelScale 與 ModelTiepoint） / the TIFF has no georeference "
                    + "(ModelPixelScale and ModelTiepoint are missing)");
        }
        if (!(px > 0) || !(py < 0) || !Double.isFinite(ox) || !Double.isFinite(oy)) {
            throw bad("地理參考不合理（像元大小須為正、北在上） / implausible georeference (cells must be positive, north up)");
        }
        List<Integer> keys = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
        if (keys != null && geoKey(keys, 1025) == 2) {
            // PixelIsPoint: the tie point is the centre of the first cell; GDAL moves it to the corner.
            ox -= px / 2;
            oy -= py / 2;
        }
        return new double[] {ox, oy, px, py};
    }

    private static int crs(FileDirectory dir) {
        List<Integer> keys = dir.getIntegerListEntryValue(FieldTagType.GeoKeyDirectory);
        if (keys == null || keys.size() < 4) {
            throw bad("TIFF 沒有 GeoKeyDirectory，無法得知坐標系統 / the TIFF has no GeoKeyDirectory, so its CRS is unknown");
        }
        int model = geoKey(keys, 1024);
        int projected = geoKey(keys, 3072);
        int geographic = geoKey(keys, 2048);
        if ((model == 1 || model == -1) && projected == 3826) {
            return 3826;
        }
        if ((model == 2 || model == -1) && projected == -1 && geographic == 4326) {
            return 4326;
        }
        throw bad("坐標系統須為 EPSG:3826（TWD97 / TM2）或 EPSG:4326（WGS 84），此檔為 "
                + (projected > 0 ? "EPSG:" + projected : geographic > 0 ? "EPSG:" + geographic : "未指定")
                + " / the CRS must be EPSG:3826 or EPSG:4326");
    }

    /** The value of a short geo key stored in the directory itself; -1 when absent. */
    private static int geoKey(List<Integer> keys, int id) {
        int n = keys.get(3);
        for (int i = 0; i < n && 4 + 4 * i + 3 < keys.size(); i++) {
            int k = keys.get(4 + 4 * i);
            if (k == id) {
                return keys.get(4 + 4 * i + 1) == 0 ? keys.get(4 + 4 * i + 3) : -1;
            }
        }
        return -1;
    }

    private static @Nullable Double nodata(FileDirectory dir) {
        String s;
        try {
            s = dir.getStringEntryValue(FieldTagType.GDAL_NODATA);
        } catch (RuntimeException e) {
            return null;
        }
        if (s == null || s.replace("\0", "").isBlank()) {
            return null;
        }
        String v = s.replace("\0", "").strip();
        try {
            return v.equalsIgnoreCase("nan") ? Double.NaN : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw bad("GDAL_NODATA 不是數字：" + v + " / GDAL_NODATA is not a number");
        }
    }

    private static @Nullable List<Double> doubles(FileDirectory dir, FieldTagType tag) {
        try {
            return dir.getDoubleListEntryValue(tag);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static InvalidInputException bad(String message) {
        return new InvalidInputException("file", message);
    }

    /** Writes a Float32 GeoTIFF with the DEM's size and georeference and the given nodata (as gdaldem writes -9999). */
    static byte[] writeFloat32(Dem dem) {
        int w = dem.width();
        int h = dem.height();
        int[] geoKeys = dem.projected()
                ? new int[] {1, 1, 0, 4, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 3826, 3076, 0, 1, 9001}
                : new int[] {1, 1, 0, 4, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326, 2054, 0, 1, 9102};
        byte[] nodata = dem.nodata() == null ? null : (format(dem.nodata()) + "\0").getBytes(StandardCharsets.US_ASCII);
        int entries = 14 + (nodata == null ? 0 : 1);
        int ifdSize = 2 + entries * 12 + 4;
        int scaleAt = 8 + ifdSize;
        int tieAt = scaleAt + 24;
        int keysAt = tieAt + 48;
        int nodataAt = keysAt + geoKeys.length * 2;
        int pixelsAt = nodataAt + (nodata == null ? 0 : nodata.length + (nodata.length & 1));
        long pixelBytes = 4L * w * h;
        if (pixelsAt + pixelBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("raster too large for one TIFF strip");
        }
        ByteBuffer b = ByteBuffer.allocate((int) (pixelsAt + pixelBytes)).order(ByteOrder.LITTLE_ENDIAN);
        b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8);
        b.putShort((short) entries);
        entry(b, 256, 4, 1, w);
        entry(b, 257, 4, 1, h);
        entry(b, 258, 3, 1, 32);
        entry(b, 259, 3, 1, 1);
        entry(b, 262, 3, 1, 1);
        entry(b, 273, 4, 1, pixelsAt);
        entry(b, 277, 3, 1, 1);
        entry(b, 278, 4, 1, h);
        entry(b, 279, 4, 1, (int) pixelBytes);
        entry(b, 284, 3, 1, 1);
        entry(b, 339, 3, 1, SAMPLE_FLOAT);
        entry(b, 33550, 12, 3, scaleAt);
        entry(b, 33922, 12, 6, tieAt);
        entry(b, 34735, 3, geoKeys.length, keysAt);
        if (nodata != null) {
            entry(b, 42113, 2, nodata.length, nodataAt);
        }
        b.putInt(0);
        b.putDouble(dem.pixelX()).putDouble(-dem.pixelY()).putDouble(0);
        b.putDouble(0).putDouble(0).putDouble(0).putDouble(dem.originX()).putDouble(dem.originY()).putDouble(0);
        for (int k : geoKeys) {
            b.putShort((short) k);
        }
        if (nodata != null) {
            b.put(nodata);
            if ((nodata.length & 1) == 1) {
                b.put((byte) 0);
            }
        }
        for (float v : dem.cells()) {
            b.putFloat(v);
        }
        return b.array();
    }

    /** A value that fits in the four bytes of the entry is stored there (SHORT left-justified), else its offset. */
    private static void entry(ByteBuffer b, int tag, int type, int count, int value) {
        b.putShort((short) tag).putShort((short) type).putInt(count);
        if (type == 3 && count == 1) {
            b.putShort((short) value).putShort((short) 0);
        } else {
            b.putInt(value);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
