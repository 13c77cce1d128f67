package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.ImportRuns;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The sweeper marks only runs that no live transaction holds; a run's own outcome always wins. */
@IntegrationTest
class ImportRunsTest {

    private static final ImportRuns.Table TABLE = new ImportRuns.Table("platform_test_run");

    @Autowired
    ImportRuns runs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @BeforeEach
    void table() {
        jdbc.sql("create table if not exists platform_test_run (id bigserial primary key, status varchar(12) not null,"
                + " finished_at timestamptz)").update();
    }

    private String status(long id) {
        return jdbc.sql("select status from platform_test_run where id = ?").param(id).query(String.class).single();
    }

    private long begin() {
        return runs.begin(TABLE, id -> jdbc.sql("insert into platform_test_run (id, status) values (?, 'RUNNING')")
                .param(id).update());
    }

    @Test
    void aRunningImportIsShownRunningAndNotSweptWhileItsTransactionLives() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        long[] id = {0};
        CompletableFuture<Void> work = CompletableFuture.runAsync(() -> tx.executeWithoutResult(s -> {
            id[0] = begin();
            started.countDown();
            try {
                finish.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            jdbc.sql("update platform_test_run set status = 'APPLIED' where id = ?").param(id[0]).update();
        }));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(status(id[0])).as("committed at once, visible to others").isEqualTo("RUNNING");
        runs.sweep(TABLE);
        assertThat(status(id[0])).as("a live run is left alone").isEqualTo("RUNNING");
        finish.countDown();
        work.get(30, TimeUnit.SECONDS);
        runs.sweep(TABLE);
        assertThat(status(id[0])).isEqualTo("APPLIED");
    }

    @Test
    void aRunWhoseWorkRolledBackIsFailedAndARunNobodyHoldsIsInterrupted() {
        long[] id = {0};
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
            id[0] = begin();
            throw new IllegalStateException("the disk is full");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(status(id[0])).isEqualTo(ImportRuns.FAILED);

        // As a killed process leaves it: RUNNING, and its lock gone with its connection.
        long orphan = jdbc.sql("insert into platform_test_run (status) values ('RUNNING') returning id").query(Long.class).single();
        assertThat(runs.sweep(TABLE)).isGreaterThanOrEqualTo(1);
        assertThat(status(orphan)).isEqualTo(ImportRuns.INTERRUPTED);
        assertThat(jdbc.sql("select finished_at is not null from platform_test_run where id = ?").param(orphan)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void aRunStartsOnlyInsideTheTransactionOfItsWork() {
        assertThatThrownBy(this::begin).isInstanceOf(IllegalStateException.class);
    }
}
