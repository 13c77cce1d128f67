package io.shizheng.callcenter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The roll-ups that imports add to as they merge are exactly what a rebuild from the call records gives. */
@IntegrationTest
class CallRollupsTest {

    @Autowired
    CallRollups rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    CallImporter importer;

    private static java.io.InputStream csv(String... rows) {
        return new java.io.ByteArrayInputStream((CallCsvFormat.HEADER + "\n" + String.join("\n", rows) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private List<Map<String, Object>> daily() {
        return jdbc.sql("select * from callcenter_daily order by day, queue, language").query().listOfRows();
    }

    private List<Map<String, Object>> hourly() {
        return jdbc.sql("select * from callcenter_hourly order by hour, queue, language").query().listOfRows();
    }

    @Test
    void incrementalRollupsEqualARebuild() {
        // A file that partly overlaps one already imported: only the new records are added to the roll-ups.
        importer.importCsv(csv("RU-1,市政諮詢,國語,2032-01-05 09:00:00,2032-01-05 09:00:10,,100,A1,5",
                "RU-2,市政諮詢,國語,2032-01-05 09:05:00,,2032-01-05 09:05:02,,,"), "first.csv");
        var second = importer.importCsv(csv("RU-1,市政諮詢,國語,2032-01-05 09:00:00,2032-01-05 09:00:10,,100,A1,5",
                "RU-3,市政諮詢,客語,2032-01-05 09:10:00,2032-01-05 09:10:30,,100,A1,2",
                "RU-4,陳情反映,國語,2032-01-06 23:59:59,,2032-01-07 00:00:40,,,"), "second.csv");
        assertThat(second.rowsAdded()).isEqualTo(2);
        assertThat(second.rowsDuplicate()).isEqualTo(1);
        assertThat(jdbc.sql("select sum(offered) from callcenter_daily where day between '2032-01-05' and '2032-01-07'")
                .query(Long.class).single()).isEqualTo(4);
        List<Map<String, Object>> daily = daily();
        List<Map<String, Object>> hourly = hourly();
        assertThat(daily).isNotEmpty();
        long calls = jdbc.sql("select count(*) from callcenter_call").query(Long.class).single();
        long counted = jdbc.sql("select sum(offered) from callcenter_daily").query(Long.class).single();
        assertThat(counted).isEqualTo(calls);
        tx.executeWithoutResult(s -> rollups.rebuildAll());
        assertThat(daily()).isEqualTo(daily);
        assertThat(hourly()).isEqualTo(hourly);
    }
}
