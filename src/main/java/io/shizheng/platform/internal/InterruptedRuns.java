package io.shizheng.platform.internal;

import java.util.List;

import io.shizheng.platform.ImportRuns;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Marks the imports and uploads whose process died (their advisory lock is free) as INTERRUPTED: at start and
 * every minute, once across instances. No minimum hold: a restart right after a crash sweeps at once.
 */
@Component
class InterruptedRuns {

    private static final Logger log = LoggerFactory.getLogger(InterruptedRuns.class);

    private final ImportRuns runs;
    private final List<ImportRuns.Table> tables;

    InterruptedRuns(ImportRuns runs, List<ImportRuns.Table> tables) {
        this.runs = runs;
        this.tables = tables;
    }

    @Scheduled(fixedDelayString = "${shizheng.imports.sweep-every:PT1M}",
            initialDelayString = "${shizheng.imports.sweep-initial-delay:PT0S}")
    @SchedulerLock(name = "platform.interrupted-runs", lockAtMostFor = "PT5M", lockAtLeastFor = "PT0S")
    void sweep() {
        for (ImportRuns.Table table : tables) {
            int n = runs.sweep(table);
            if (n > 0) {
                log.warn("{} run(s) in {} were cut off by a crash or stop and are marked interrupted", n, table.name());
            }
        }
    }
}
