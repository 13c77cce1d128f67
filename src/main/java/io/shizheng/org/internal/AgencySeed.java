package io.shizheng.org.internal;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.SeedFiles;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start (org_agency empty), the jurisdiction's agency tree: its seed file agencies.csv when it has
 * one, else the minimum a city or county needs: its government, its RDEC (code RDEC) and one office per district
 * of the atlas. Runs after the boundaries are loaded, before accounts and plans that name agencies.
 */
@Component
@Order(6)
class AgencySeed implements ApplicationRunner {

    static final String FILE = "agencies.csv";
    private static final Logger log = LoggerFactory.getLogger(AgencySeed.class);

    private final AgencyRegistry registry;
    private final Boundaries boundaries;
    private final SeedFiles seeds;
    private final Jurisdiction jurisdiction;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    AgencySeed(AgencyRegistry registry, Boundaries boundaries, SeedFiles seeds, Jurisdiction jurisdiction,
               JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        this.registry = registry;
        this.boundaries = boundaries;
        this.seeds = seeds;
        this.jurisdiction = jurisdiction;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        seedIfEmpty();
    }

    /** Seeds the agencies unless there are some already; true when this call seeded them. */
    boolean seedIfEmpty() {
        Boolean seeded = tx.execute(s -> {
            // The lock of every agency write: instances starting together seed once.
            registry.lock();
            if (jdbc.sql("select count(*) from org_agency").query(Long.class).single() > 0) {
                return false;
            }
            Optional<Resource> file = seeds.find(FILE);
            String source = file.map(seeds::describe).orElse("generated from the atlas");
            int count = file.map(this::load).orElseGet(this::generate);
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("jurisdiction", jurisdiction.code());
            summary.put("agencies", count);
            summary.put("source", source);
            audit.record("org.agency-seed", jurisdiction.code(), AuditAction.CREATE, null, summary);
            log.info("Seeded {} agencies of {} ({})", count, jurisdiction.nameEn(), source);
            return true;
        });
        return Boolean.TRUE.equals(seeded);
    }

    /** The seed file, row by row; a parent is named by the code of an agency on an earlier row. */
    int load(Resource file) {
        List<CSVRecord> rows = SeedFiles.readCsv(file);
        Map<String, Long> ids = new HashMap<>();
        for (CSVRecord r : rows) {
            String code = column(r, "code");
            String parent = column(r, "parent");
            Long parentId = null;
            if (parent != null) {
                parentId = ids.get(parent);
                if (parentId == null) {
                    throw new IllegalStateException("%s, agency %s: its parent %s is not an agency on an earlier row"
                            .formatted(seeds.describe(file), code, parent));
                }
            }
            String active = column(r, "active");
            String sort = column(r, "sort");
            AgencyInput in = new AgencyInput(code, column(r, "name"), column(r, "name_en"), column(r, "kind"), parentId,
                    column(r, "district_code"), column(r, "phone"), active == null || Boolean.parseBoolean(active),
                    sort == null ? (int) r.getRecordNumber() : parseSort(file, code, sort));
            try {
                ids.put(code, registry.insert(in).id());
            } catch (InvalidInputException e) {
                throw new IllegalStateException("%s, agency %s: %s".formatted(seeds.describe(file), code, e.getMessage()), e);
            }
        }
        return rows.size();
    }

    /** The minimum: the government, its RDEC, and an office for each district, named as MOI names them. */
    private int generate() {
        Agency government = registry.insert(new AgencyInput("GOV", jurisdiction.government(), jurisdiction.governmentEn(),
                "CITY", null, null, null, true, 0));
        registry.insert(new AgencyInput("RDEC", jurisdiction.government() + "研究發展考核委員會",
                jurisdiction.nameEn() + " Research, Development and Evaluation Commission", "FIRST_LEVEL",
                government.id(), null, null, true, 1));
        int sort = 100;
        for (Boundaries.DistrictRow d : boundaries.districts()) {
            registry.insert(new AgencyInput("D" + d.code(), jurisdiction.name() + d.name() + "公所",
                    d.nameEn() == null ? null : d.nameEn() + " Office", "DISTRICT_OFFICE", government.id(), d.code(),
                    null, true, ++sort));
        }
        return sort - 100 + 2;
    }

    private int parseSort(Resource file, String code, String sort) {
        try {
            return Integer.parseInt(sort);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("%s, agency %s: sort must be a whole number, not %s"
                    .formatted(seeds.describe(file), code, sort), e);
        }
    }

    private static String column(CSVRecord r, String name) {
        return r.isMapped(name) && r.isSet(name) ? AgencyRegistry.trim(r.get(name)) : null;
    }
}
