package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The profile along a line on a tilted plane, where bilinear interpolation gives the plane's height exactly. */
class ProfileTest {

    static final double OX = 200_000;
    static final double OY = 2_680_000;

    /** 100 × 80 cells of 50 m; the height is 100 + 0.02·east + 0.05·south metres from the grid's corner. */
    static Dem plane() {
        int w = 100;
        int h = 80;
        float[] cells = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cells[y * w + x] = (float) height(OX + (x + 0.5) * 50, OY - (y + 0.5) * 50);
            }
        }
        cells[50 * w + 60] = -9999;
        return new Dem(w, h, 3826, OX, OY, 50, -50, -9999.0, "float32", cells);
    }

    static double height(double x, double y) {
        return 100 + 0.02 * (x - OX) + 0.05 * (OY - y);
    }

    @Test
    void pointsEveryStepWithDistanceAndThePlanesHeight() {
        Dem dem = plane();
        // 300 m east then 400 m south: 700 m in all, a point every 100 m, the corner at 300 m
        List<double[]> line = List.of(new double[] {OX + 1000, OY - 1000}, new double[] {OX + 1300, OY - 1000},
                new double[] {OX + 1300, OY - 1400});
        List<Profile.Point> points = Profile.along(dem, line, 100);
        assertThat(points).extracting(Profile.Point::distance).containsExactly(0.0, 100.0, 200.0, 300.0, 400.0,
                500.0, 600.0, 700.0);
        assertThat(points.get(3).x()).isEqualTo(OX + 1300);
        assertThat(points.get(3).y()).isEqualTo(OY - 1000);
        assertThat(points.get(5).y()).isEqualTo(OY - 1200);
        for (Profile.Point p : points) {
            assertThat(p.elevation()).isCloseTo(height(p.x(), p.y()), within(1e-3));
        }
        // by hand: start 100 + 20 + 50 = 170 m, end 100 + 26 + 70 = 196 m
        assertThat(points.get(0).elevation()).isCloseTo(170, within(1e-3));
        assertThat(points.get(7).elevation()).isCloseTo(196, within(1e-3));
    }

    @Test
    void theEndPointIsAddedWhenTheStepDoesNotFallOnIt() {
        List<Profile.Point> points = Profile.along(plane(), List.of(new double[] {OX + 1000, OY - 1000},
                new double[] {OX + 1250, OY - 1000}), 100);
        assertThat(points).extracting(Profile.Point::distance).containsExactly(0.0, 100.0, 200.0, 250.0);
        assertThat(points.get(3).elevation()).isCloseTo(100 + 25 + 50, within(1e-3));
    }

    @Test
    void nextToANodataCellTheElevationIsNull() {
        // cell (60, 50) is nodata: its centre is at x = OX + 3025, y = OY - 2525
        assertThat(Profile.elevation(plane(), OX + 3025, OY - 2525)).isNull();
        assertThat(Profile.elevation(plane(), OX + 1025, OY - 1025)).isCloseTo(height(OX + 1025, OY - 1025), within(1e-3));
    }

    @Test
    void aLineLeavingTheDemOrABadStepIsRefused() {
        Dem dem = plane();
        assertThatThrownBy(() -> Profile.along(dem, List.of(new double[] {OX + 10, OY - 10},
                new double[] {OX - 10, OY - 10}), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("extent");
        List<double[]> inside = List.of(new double[] {OX + 10, OY - 10}, new double[] {OX + 100, OY - 10});
        assertThatThrownBy(() -> Profile.along(dem, inside, 0)).hasMessageContaining("step");
        assertThatThrownBy(() -> Profile.along(dem, inside, -5)).hasMessageContaining("step");
        assertThatThrownBy(() -> Profile.along(dem, inside, 0.001)).hasMessageContaining("larger step");
    }

    @Test
    void linesAreReadFromWktAndGeoJsonInLonLat() {
        assertThat(Lines.parse("LINESTRING (120.6 24.1, 120.7 24.2)")).hasSize(2)
                .satisfies(l -> assertThat(l.get(1)).containsExactly(120.7, 24.2));
        assertThat(Lines.parse("{\"type\":\"LineString\",\"coordinates\":[[120.6,24.1],[120.7,24.2],[120.8,24.2]]}"))
                .hasSize(3);
        assertThat(Lines.parse("{\"type\":\"Feature\",\"properties\":{},\"geometry\":{\"type\":\"LineString\","
                + "\"coordinates\":[[120.6,24.1],[120.7,24.2]]}}")).hasSize(2);
        assertThatThrownBy(() -> Lines.parse("LINESTRING (120.6 24.1")).hasMessageContaining("WKT");
        assertThatThrownBy(() -> Lines.parse("POINT (120.6 24.1)")).hasMessageContaining("LINESTRING");
        assertThatThrownBy(() -> Lines.parse("LINESTRING (120.6 24.1)")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Lines.parse("LINESTRING (2600000 250000, 2600100 250000)")).hasMessageContaining("CRS84");
        assertThatThrownBy(() -> Lines.parse("{\"type\":\"Point\",\"coordinates\":[1,2]}")).hasMessageContaining("LineString");
    }

    @Test
    void twd97Tm2HasItsCentralMeridianAt121East() {
        double[] p = Crs.fromLonLat(3826, 121, 24);
        assertThat(p[0]).isCloseTo(250_000, within(1e-6));
        assertThat(p[1]).isCloseTo(2_655_000, within(5_000.0));
        double[] back = Crs.toLonLat(3826, 210_000, 2_670_000);
        double[] again = Crs.fromLonLat(3826, back[0], back[1]);
        assertThat(again[0]).isCloseTo(210_000, within(1e-4));
        assertThat(again[1]).isCloseTo(2_670_000, within(1e-4));
    }
}
