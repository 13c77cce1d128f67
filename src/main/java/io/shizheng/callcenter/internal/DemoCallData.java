package io.shizheng.callcenter.internal;

import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a year (2018) of generated 1999 calls at Taichung's volume (about 765,000 times the demo
 * scale), flagged demo, loaded by COPY through the importer's staging, once.
 */
@Component
class DemoCallData implements DemoData {

    static final int YEAR = 2018;
    static final int CALLS_2018 = 765_000;
    static final String LABEL = "示範資料：程式產生的 2018 年 1999 通話紀錄 / generated demo calls";

    private final DemoMode demo;
    private final CallImporter importer;
    private final AuditLog audit;

    DemoCallData(DemoMode demo, CallImporter importer, AuditLog audit) {
        this.demo = demo;
        this.importer = importer;
        this.audit = audit;
    }

    @Override
    public String seededTable() {
        return "callcenter_import";
    }

    @Override
    public String seed() {
        int calls = demo.scaled(CALLS_2018, 2000);
        long added = importer.loadGenerated(new DemoCalls(YEAR, calls, demo.scaled(90, 6)), LABEL);
        audit.record("callcenter.demo-data", YEAR, AuditAction.CREATE, null, Map.of("calls", added, "note", LABEL));
        return added + " demo 1999 calls for " + YEAR;
    }
}
