package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shizheng.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A window gives exactly the cells of the whole DEM's analysis there, at the DEM's edge as well as inside. */
class TerrainWindowTest {

    static Dem dem() {
        int w = 30;
        int h = 20;
        float[] cells = new float[w * h];
        for (int i = 0; i < cells.length; i++) {
            int x = i % w;
            int y = i / w;
            cells[i] = (float) (50 + 4.1 * x + 2.3 * y + 9 * Math.sin(x * 0.7) * Math.cos(y * 0.9));
        }
        cells[5 * w + 7] = -9999;
        return new Dem(w, h, 3826, 200_000, 2_700_000, 10, -10, -9999.0, "float32", cells);
    }

    @Test
    void windowsEqualTheWholeAnalysisCropped() {
        Dem dem = dem();
        Dem full = Terrain.slope(dem, Terrain.Method.HORN, Terrain.Unit.DEGREES);
        Dem fullAspect = Terrain.aspect(dem, Terrain.Method.ZEVENBERGEN);
        int[][] windows = {{0, 0, 10, 8}, {5, 3, 12, 9}, {20, 12, 10, 8}, {0, 0, 30, 20}, {29, 19, 1, 1}};
        for (int[] w : windows) {
            Dem part = Terrain.window(dem, w[0], w[1], w[2], w[3], d -> Terrain.slope(d, Terrain.Method.HORN, Terrain.Unit.DEGREES));
            assertThat(part.cells()).containsExactly(full.crop(w[0], w[1], w[2], w[3]).cells());
            assertThat(part.originX()).isEqualTo(200_000 + w[0] * 10.0);
            assertThat(part.originY()).isEqualTo(2_700_000 - w[1] * 10.0);
            Dem aspect = Terrain.window(dem, w[0], w[1], w[2], w[3], d -> Terrain.aspect(d, Terrain.Method.ZEVENBERGEN));
            assertThat(aspect.cells()).containsExactly(fullAspect.crop(w[0], w[1], w[2], w[3]).cells());
        }
    }

    @Test
    void aBboxInTheDemsCrsOrInCrs84SelectsTheCellsItTouches() {
        Dem dem = dem();
        // 200015..200045 east, 2699975..2699995 north: columns 1..4, rows 0..2
        assertThat(SpatialApi.window(dem, "200015,2699975,200045,2699995", "EPSG:3826")).containsExactly(1, 0, 4, 3);
        double[] sw = Crs.toLonLat(3826, 200_015, 2_699_975);
        double[] ne = Crs.toLonLat(3826, 200_045, 2_699_995);
        int[] w = SpatialApi.window(dem, sw[0] + "," + sw[1] + "," + ne[0] + "," + ne[1], null);
        assertThat(w[0]).isBetween(0, 1);
        assertThat(w[2]).isBetween(4, 5);
        assertThatThrownBy(() -> SpatialApi.window(dem, "1,2,3", null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SpatialApi.window(dem, "3,2,1,4", "EPSG:3826")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> SpatialApi.window(dem, "0,0,10,10", "EPSG:3826")).hasMessageContaining("misses");
        assertThatThrownBy(() -> SpatialApi.window(dem, "0,0,10,10", "EPSG:3857")).hasMessageContaining("bbox-crs");
    }
}
