package io.shizheng.callcenter.internal;

import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: a year (2018) of generated 1999 calls at Taichung's volume (about 765,000 times the demo
 * scale), flagged demo, loaded by COPY through the importer's staging, once.
 */
@Component
@Order(30)
class DemoCallData implements ApplicationRunner {

    static final int YEAR = 2018;
    static final int CALLS_2018 = 765_000;
    static final String LABEL = "示範資料：程式產生的 2018 年 1999 通話紀錄 / generated demo calls";
    private static final Logger log = LoggerFactory.getLogger(DemoCallData.class);

    private final DemoMode demo;
    private final CallImporter importer;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoCallData(DemoMode demo, CallImporter importer, AuditLog audit, JdbcClient jdbc,
                 TransactionTemplate tx) {
        this.demo = demo;
        this.importer = importer;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('callcenter.demo'))").query().singleRow();
            if (jdbc.sql("select exists (select 1 from callcenter_import where demo)").query(Boolean.class).single()) {
                return;
            }
            long t = System.currentTimeMillis();
            int calls = demo.scaled(CALLS_2018, 2000);
            long added = importer.loadGenerated(new DemoCalls(YEAR, calls, demo.scaled(90, 6)), LABEL);
            audit.record("callcenter.demo-data", YEAR, AuditAction.CREATE, null, Map.of("calls", added, "note", LABEL));
            log.info("Seeded {} demo 1999 calls for {} in {} ms", added, YEAR, System.currentTimeMillis() - t);
        });
    }
}
