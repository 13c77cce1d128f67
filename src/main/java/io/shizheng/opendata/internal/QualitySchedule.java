package io.shizheng.opendata.internal;

import java.util.List;
import java.util.Map;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Re-runs every dataset's quality checks at night, so that freshness and changed rules show in the levels. */
@Component
public class QualitySchedule {

    private static final Logger log = LoggerFactory.getLogger(QualitySchedule.class);

    private final ResourceIntake intake;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TransactionTemplate tx;

    QualitySchedule(ResourceIntake intake, JdbcClient jdbc, AuditLog audit, TransactionTemplate tx) {
        this.intake = intake;
        this.jdbc = jdbc;
        this.audit = audit;
        this.tx = tx;
    }

    @Scheduled(cron = "${shizheng.opendata.quality-cron:0 30 2 * * *}", zone = "Asia/Taipei")
    @SchedulerLock(name = "opendata.quality", lockAtMostFor = "PT2H")
    public void recheckAll() {
        List<Long> ids = jdbc.sql("select id from opendata_dataset where state <> 'deleted' order by id").query(Long.class).list();
        int changed = 0;
        for (Long id : ids) {
            try {
                String before = jdbc.sql("select coalesce(quality_level, '') from opendata_dataset where id = ?").param(id)
                        .query(String.class).list().stream().findFirst().orElse("");
                String after = intake.recheck(id);
                if (!after.equals(before)) {
                    changed++;
                }
            } catch (RuntimeException e) {
                // one dataset's trouble must not stop the nightly run for the others
                log.warn("Quality re-check of dataset {} failed: {}", id, e.getMessage());
            }
        }
        int total = ids.size();
        int moved = changed;
        tx.executeWithoutResult(s -> audit.record("opendata.quality-run", "scheduled", AuditAction.UPDATE, null,
                Map.of("datasets", total, "levelChanged", moved)));
        log.info("Quality checks re-run on {} datasets; {} changed level", total, moved);
    }
}
