package io.shizheng.plan.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.SeedFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At the first start (no plan yet), the jurisdiction's own plans: its seed files plan-*.sql in order of name
 * (for the demo city, its RDEC's FY107 plan). A jurisdiction without such files starts with no plan; RDEC staff
 * create one. Runs after org has seeded the agencies that the plans name as owners.
 */
@Component
@Order(7)
class PlanSeed implements ApplicationRunner {

    static final String FILES = "plan-*.sql";
    private static final Logger log = LoggerFactory.getLogger(PlanSeed.class);

    private final SeedFiles seeds;
    private final JdbcClient jdbc;
    private final JdbcTemplate scripts;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    PlanSeed(SeedFiles seeds, JdbcClient jdbc, JdbcTemplate scripts, TransactionTemplate tx, AuditLog audit) {
        this.seeds = seeds;
        this.jdbc = jdbc;
        this.scripts = scripts;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Resource> files = seeds.matching(FILES);
        if (files.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            // Several instances may start together: one seeds, the others wait and then find the plans.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('plan.seed'))").query().singleRow();
            if (jdbc.sql("select count(*) from plan_plan").query(Long.class).single() > 0) {
                return;
            }
            for (Resource file : files) {
                // Within the transaction: a seed that fails leaves no half-made plan.
                scripts.execute((ConnectionCallback<Void>) c -> {
                    ScriptUtils.executeSqlScript(c, new EncodedResource(file, StandardCharsets.UTF_8));
                    return null;
                });
            }
            List<Integer> years = jdbc.sql("select year from plan_plan order by year").query(Integer.class).list();
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("years", years);
            summary.put("source", files.stream().map(seeds::describe).toList());
            audit.record("plan.seed", String.valueOf(years), AuditAction.CREATE, null, summary);
            log.info("Seeded the plans of years {} from {}", years, summary.get("source"));
        });
    }
}
