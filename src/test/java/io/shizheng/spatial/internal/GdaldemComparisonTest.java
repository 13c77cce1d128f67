package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our slope and aspect against Debian's gdaldem (gdal-bin) on the same GeoTIFF, cell by cell within 1e-4 degrees
 * (or percent): a 60 × 50 DEM in EPSG:3826 with fractional elevations, a flat block, scattered nodata cells and a
 * nodata block, written by us as Float32, and also converted by gdal_translate to Int16 and to a DEFLATE-compressed
 * tiled Float32 (files GDAL wrote, which our reader must read as GDAL does).
 */
class GdaldemComparisonTest {

    private static final String GDALDEM = "/usr/bin/gdaldem";
    private static final double TOLERANCE = 1e-4;

    @TempDir
    static Path dir;
    static Path float32;

    @BeforeAll
    static void writeDem() throws IOException {
        int w = 60;
        int h = 50;
        float[] cells = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double z = 120 + 3.7 * x - 1.3 * y + 25 * Math.sin(x / 6.0) * Math.cos(y / 4.0) + 0.013 * x * y;
                if (x >= 8 && x <= 16 && y >= 30 && y <= 40) {
                    z = 150.25;                                  // flat block: slope 0, aspect -9999
                }
                if ((x * 7 + y * 13) % 97 == 0 || (x >= 40 && x <= 44 && y >= 10 && y <= 13)) {
                    z = -9999;                                   // nodata
                }
                cells[y * w + x] = (float) z;
            }
        }
        Dem dem = new Dem(w, h, 3826, 210_000.0, 2_670_000.0, 20.0, -20.0, -9999.0, "float32", cells);
        float32 = dir.resolve("dem.tif");
        Files.write(float32, GeoTiff.writeFloat32(dem));
    }

    static boolean gdal() {
        return Files.isExecutable(Path.of(GDALDEM));
    }

    @Test
    void slopeAndAspectEqualGdaldemOnOurFloat32File() throws Exception {
        assumeTrue(gdal(), "gdaldem (Debian gdal-bin) is not installed");
        compareAll(float32);
    }

    @Test
    void slopeAndAspectEqualGdaldemOnInt16AndCompressedFilesGdalWrote() throws Exception {
        assumeTrue(gdal(), "gdaldem (Debian gdal-bin) is not installed");
        Path int16 = dir.resolve("dem16.tif");
        run("/usr/bin/gdal_translate", "-q", "-ot", "Int16", "-a_nodata", "-9999", float32.toString(), int16.toString());
        Dem d16 = GeoTiff.read(Files.readAllBytes(int16));
        assertThat(d16.dataType()).isEqualTo("int16");
        assertThat(d16.nodata()).isEqualTo(-9999.0);
        compareAll(int16);
        Path deflate = dir.resolve("dem-deflate.tif");
        run("/usr/bin/gdal_translate", "-q", "-co", "COMPRESS=DEFLATE", "-co", "TILED=YES", "-co", "BLOCKXSIZE=16",
                "-co", "BLOCKYSIZE=16", float32.toString(), deflate.toString());
        assertThat(GeoTiff.read(Files.readAllBytes(deflate)).cells())
                .containsExactly(GeoTiff.read(Files.readAllBytes(float32)).cells());
        compareAll(deflate);
    }

    private void compareAll(Path input) throws Exception {
        Dem dem = GeoTiff.read(Files.readAllBytes(input));
        for (Terrain.Method m : Terrain.Method.values()) {
            String[] alg = m == Terrain.Method.HORN ? new String[] {} : new String[] {"-alg", "ZevenbergenThorne"};
            compare(gdaldem(input, "slope", m + "-deg", alg), Terrain.slope(dem, m, Terrain.Unit.DEGREES), false);
            compare(gdaldem(input, "slope", m + "-pct", concat(alg, "-p")), Terrain.slope(dem, m, Terrain.Unit.PERCENT), false);
            compare(gdaldem(input, "aspect", m + "", alg), Terrain.aspect(dem, m), true);
        }
    }

    /** Same size, georeference and nodata, and every cell within the tolerance (aspect across north wraps). */
    private static void compare(Dem theirs, Dem ours, boolean circular) {
        assertThat(ours.width()).isEqualTo(theirs.width());
        assertThat(ours.height()).isEqualTo(theirs.height());
        assertThat(ours.crs()).isEqualTo(theirs.crs());
        assertThat(ours.originX()).isEqualTo(theirs.originX());
        assertThat(ours.originY()).isEqualTo(theirs.originY());
        assertThat(ours.pixelX()).isEqualTo(theirs.pixelX());
        assertThat(ours.pixelY()).isEqualTo(theirs.pixelY());
        assertThat(ours.nodata()).isEqualTo(theirs.nodata()).isEqualTo(-9999.0);
        int values = 0;
        int nodata = 0;
        List<String> wrong = new ArrayList<>();
        for (int y = 0; y < ours.height(); y++) {
            for (int x = 0; x < ours.width(); x++) {
                float a = ours.at(x, y);
                float b = theirs.at(x, y);
                double d = Math.abs(a - b);
                if (circular && a != Terrain.NODATA && b != Terrain.NODATA) {
                    d = Math.min(d, 360 - d);
                }
                if ((a == Terrain.NODATA) != (b == Terrain.NODATA) || d > TOLERANCE) {
                    wrong.add("(" + x + "," + y + ") ours " + a + " gdaldem " + b);
                }
                if (b == Terrain.NODATA) {
                    nodata++;
                } else {
                    values++;
                }
            }
        }
        assertThat(wrong).as("cells differing from gdaldem").isEmpty();
        // the comparison covered real values as well as the border, nodata neighbours and (aspect) flat cells
        assertThat(values).isGreaterThan(2000);
        assertThat(nodata).isGreaterThan(2 * (60 + 50) + 40);
        if (circular) {
            assertThat(theirs.at(12, 35)).isEqualTo(Terrain.NODATA);
        } else {
            assertThat(theirs.at(12, 35)).isEqualTo(0f);
        }
    }

    private static Dem gdaldem(Path input, String mode, String tag, String... options) throws Exception {
        Path out = dir.resolve(input.getFileName() + "-" + mode + "-" + tag + ".tif");
        List<String> cmd = new ArrayList<>(List.of(GDALDEM, mode, "-q", input.toString(), out.toString()));
        cmd.addAll(List.of(options));
        run(cmd.toArray(String[]::new));
        return GeoTiff.read(Files.readAllBytes(out));
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", cmd) + ": " + output).isZero();
    }

    private static String[] concat(String[] a, String b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + 1);
        out[a.length] = b;
        return out;
    }
}
