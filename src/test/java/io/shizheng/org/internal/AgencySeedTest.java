package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import java.util.List;
import java.util.Map;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.SeedFiles;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo city's agency tree is its seed file, loaded once at the first start, row for row. */
@IntegrationTest
class AgencySeedTest {

    @Autowired AgencySeed seed;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate tx;

    @Test
    void everyRowOfTheSeedFileIsAnAgencyInFileOrder() {
        List<CSVRecord> rows = SeedFiles.readCsv(new ClassPathResource("jurisdictions/66000/agencies.csv"));
        assertThat(rows).hasSize(60);
        for (CSVRecord r : rows) {
            Map<String, Object> a = jdbc.sql("""
                    select a.id, a.kind, p.code as parent, a.district_code, a.sort, a.name_en
                    from org_agency a left join org_agency p on p.id = a.parent_id where a.code = ?""")
                    .param(r.get("code")).query().singleRow();
            assertThat(((Number) a.get("id")).longValue()).as(r.get("code")).isEqualTo(r.getRecordNumber());
            assertThat(a.get("kind")).isEqualTo(r.get("kind"));
            assertThat(a.get("parent")).isEqualTo(r.get("parent").isEmpty() ? null : r.get("parent"));
            assertThat(a.get("district_code")).isEqualTo(r.get("district_code").isEmpty() ? null : r.get("district_code"));
            assertThat(a.get("sort")).isEqualTo(Integer.parseInt(r.get("sort")));
        }
        // Each of the 29 districts has its office.
        assertThat(jdbc.sql("""
                select count(*) from org_district d join org_agency a on a.district_code = d.code
                where a.kind = 'DISTRICT_OFFICE'""").query(Long.class).single()).isEqualTo(29);
    }

    /** Loads a seed file in a transaction that is rolled back, so that the shared database stays as it is. */
    private void load(String csv) {
        tx.executeWithoutResult(s -> {
            s.setRollbackOnly();
            seed.load(new ByteArrayResource(csv.getBytes(StandardCharsets.UTF_8)) {
                @Override
                public String getFilename() {
                    return "agencies.csv";
                }
            });
        });
    }

    @Test
    void aBadSeedFileStopsTheStartNamingTheAgencyAndChangesNothing() {
        long before = jdbc.sql("select count(*) from org_agency").query(Long.class).single();
        assertThatThrownBy(() -> load("code,parent,kind,name\nNEW-A,NOPE,FIRST_LEVEL,新機關\n"))
                .hasMessageContaining("agencies.csv, agency NEW-A: its parent NOPE is not an agency on an earlier row");
        assertThatThrownBy(() -> load("code,parent,kind,name\nNEW-GOV,,CITY,新政府\nNEW-B,NEW-GOV,BUREAU,新局\n"))
                .hasMessageContaining("agency NEW-B: kind:");
        assertThatThrownBy(() -> load("code,parent,kind,name,district_code\nNEW-C,,CITY,新政府,99999999\n"))
                .hasMessageContaining("agency NEW-C: districtCode:");
        assertThat(jdbc.sql("select count(*) from org_agency").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void seedingAgainChangesNothing() {
        long before = jdbc.sql("select count(*) from org_agency").query(Long.class).single();
        assertThat(seed.seedIfEmpty()).isFalse();
        assertThat(jdbc.sql("select count(*) from org_agency").query(Long.class).single()).isEqualTo(before);
    }
}
