package io.shizheng.spatial.internal;


import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.platform.DemoData;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A generated demo DEM in EPSG:3826 over the jurisdiction's bounding box: a coastal plain in the west rising through
 * foothills to a mountain range in the east, with ridges and valleys, deterministic (no random numbers), labelled 示範.
 */
@Component
class DemoSpatialData implements DemoData {

    static final double CELL = 200;
    static final int MAX_SIDE = 600;

    private final DemStore store;
    private final GeoLookup geo;
    private final AgencyDirectory agencies;

    DemoSpatialData(DemStore store, GeoLookup geo, AgencyDirectory agencies) {
        this.store = store;
        this.geo = geo;
        this.agencies = agencies;
    }

    @Override
    public String seededTable() {
        return "spatial_dem";
    }

    @Override
    public boolean seeded(JdbcClient jdbc) {
        return DemoData.super.seeded(jdbc) || geo.extent().isEmpty() || agencies.all().isEmpty();
    }

    @Override
    public String seed() {
        GeoLookup.Extent e = geo.extent().orElseThrow();
        Dem dem = generate(e);
        long owner = agencies.findByCode("RDEC").map(Agency::id)
                .or(() -> agencies.all().stream().map(Agency::id).findFirst()).orElseThrow();
        long id = store.insert("示範數值地形模型 200 m（生成） / demo DEM 200 m (generated)", owner, dem, true, null);
        return "1 demo DEM (id " + id + ", " + dem.width() + " × " + dem.height() + " cells of " + (int) CELL + " m)";
    }

    /** The grid over the extent's corners projected to TWD97 / TM2, at 200 m (coarser if it would pass 600 cells). */
    static Dem generate(GeoLookup.Extent e) {
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        for (double[] c : new double[][] {{e.minLon(), e.minLat()}, {e.maxLon(), e.minLat()}, {e.minLon(), e.maxLat()},
                {e.maxLon(), e.maxLat()}}) {
            double[] p = Crs.fromLonLat(3826, c[0], c[1]);
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        double cell = Math.max(CELL, Math.ceil(Math.max(maxX - minX, maxY - minY) / MAX_SIDE / 100) * 100);
        double ox = Math.floor(minX / cell) * cell;
        double oy = Math.ceil(maxY / cell) * cell;
        int w = Math.max(3, (int) Math.ceil((maxX - ox) / cell));
        int h = Math.max(3, (int) Math.ceil((oy - minY) / cell));
        float[] cells = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                cells[y * w + x] = (float) elevation((x + 0.5) / w, (y + 0.5) / h);
            }
        }
        return new Dem(w, h, 3826, ox, oy, cell, -cell, -9999.0, "float32", cells);
    }

    /** Elevation in metres at (u, v) in [0, 1]² (u west → east, v north → south). */
    static double elevation(double u, double v) {
        double plain = 5 + 120 * u;
        double rise = smooth((u - 0.3) / 0.6);
        double range = 3300 * rise * (0.85 + 0.15 * Math.sin(v * 5.3 + 0.7));
        double ridges = rise * (260 * Math.sin(u * 41 + v * 13) * Math.cos(v * 29 - u * 7)
                + 120 * Math.sin(u * 97 - v * 61));
        double hills = 60 * smooth((u - 0.15) / 0.3) * Math.sin(v * 23 + u * 17);
        return Math.round(Math.max(0.5, plain + range + ridges + hills) * 10) / 10.0;
    }

    private static double smooth(double t) {
        double c = Math.min(1, Math.max(0, t));
        return c * c * (3 - 2 * c);
    }
}
