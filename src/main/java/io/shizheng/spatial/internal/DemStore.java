package io.shizheng.spatial.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The DEMs in PostgreSQL: metadata columns and the cells as little-endian float32 bytes. */
@Repository
class DemStore {

    /** What a listing shows of a DEM (no cells). */
    record Summary(long id, String name, long agencyId, String crs, int width, int height, double originX,
                   double originY, double pixelX, double pixelY, @Nullable Double nodata, String dataType,
                   @Nullable Double minElevation, @Nullable Double maxElevation, double[] bbox, double[] bboxCrs84, boolean demo,
                   OffsetDateTime createdAt) {
    }

    private static final String COLUMNS = "id, name, agency_id, crs, width, height, origin_x, origin_y, pixel_x, "
            + "pixel_y, nodata, data_type, min_elev, max_elev, demo, created_at";

    private final JdbcClient jdbc;

    DemStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String name, long agencyId, Dem dem, boolean demo, @Nullable Long userId) {
        double[] range = dem.range();
        ByteBuffer b = ByteBuffer.allocate(dem.cells().length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(dem.cells());
        return jdbc.sql("""
                        insert into spatial_dem (name, agency_id, crs, width, height, origin_x, origin_y, pixel_x, pixel_y,
                            nodata, data_type, min_elev, max_elev, cells, demo, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name, agencyId, dem.crs(), dem.width(), dem.height(), dem.originX(), dem.originY(), dem.pixelX(),
                        dem.pixelY(), dem.nodata(), dem.dataType(), range == null ? null : range[0],
                        range == null ? null : range[1], b.array(), demo, userId)
                .query(Long.class).single();
    }

    List<Summary> list() {
        return jdbc.sql("select " + COLUMNS + " from spatial_dem order by demo, id desc").query(DemStore::summary).list();
    }

    Optional<Summary> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from spatial_dem where id = ?").param(id).query(DemStore::summary).optional();
    }

    Optional<Dem> load(long id) {
        return jdbc.sql("select crs, width, height, origin_x, origin_y, pixel_x, pixel_y, nodata, data_type, cells "
                        + "from spatial_dem where id = ?").param(id)
                .query((rs, n) -> {
                    int w = rs.getInt("width");
                    int h = rs.getInt("height");
                    float[] cells = new float[w * h];
                    ByteBuffer.wrap(rs.getBytes("cells")).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(cells);
                    double nd = rs.getDouble("nodata");
                    Double nodata = rs.wasNull() ? null : nd;
                    return new Dem(w, h, rs.getInt("crs"), rs.getDouble("origin_x"), rs.getDouble("origin_y"),
                            rs.getDouble("pixel_x"), rs.getDouble("pixel_y"), nodata, rs.getString("data_type"), cells);
                }).optional();
    }

    private static Summary summary(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        int w = rs.getInt("width");
        int h = rs.getInt("height");
        double ox = rs.getDouble("origin_x");
        double oy = rs.getDouble("origin_y");
        double px = rs.getDouble("pixel_x");
        double py = rs.getDouble("pixel_y");
        int crs = rs.getInt("crs");
        double[] bbox = {ox, oy + h * py, ox + w * px, oy};
        double[] lonLat = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.NEGATIVE_INFINITY};
        for (double[] c : new double[][] {{bbox[0], bbox[1]}, {bbox[2], bbox[1]}, {bbox[0], bbox[3]}, {bbox[2], bbox[3]}}) {
            double[] ll = Crs.toLonLat(crs, c[0], c[1]);
            lonLat[0] = Math.min(lonLat[0], ll[0]);
            lonLat[1] = Math.min(lonLat[1], ll[1]);
            lonLat[2] = Math.max(lonLat[2], ll[0]);
            lonLat[3] = Math.max(lonLat[3], ll[1]);
        }
        return new Summary(rs.getLong("id"), rs.getString("name"), rs.getLong("agency_id"), "EPSG:" + crs,
                w, h, ox, oy, px, py, (Double) rs.getObject("nodata"), rs.getString("data_type"),
                (Double) rs.getObject("min_elev"), (Double) rs.getObject("max_elev"), bbox, lonLat, rs.getBoolean("demo"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
