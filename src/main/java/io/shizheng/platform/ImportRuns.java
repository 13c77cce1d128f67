package io.shizheng.platform;

import java.util.function.LongConsumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The history of long imports and uploads that survives a crash. A run's row is committed as RUNNING at once, in
 * a transaction of its own, while the work's transaction holds a PostgreSQL advisory lock on the run; the work
 * marks its row done in its own transaction. When the process dies (kill -9, OOM killer) the lock goes with its
 * connection, and the sweeper ({@code platform.interrupted-runs}) marks every RUNNING row whose lock it can take
 * INTERRUPTED, on any instance. A module's run table has the columns {@code id} (bigserial), {@code status} and
 * {@code finished_at}; it declares it with a {@link Table} bean.
 */
@Component
public class ImportRuns {

    public static final String RUNNING = "RUNNING";
    public static final String INTERRUPTED = "INTERRUPTED";
    /** The work's transaction rolled back (an error that was not the file's fault). */
    public static final String FAILED = "FAILED";

    /** A module's table of runs, swept after crashes. */
    public record Table(String name) {
        public Table {
            if (!name.matches("[a-z][a-z0-9_]*")) {
                throw new IllegalArgumentException("not a table name: " + name);
            }
        }
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate own;

    ImportRuns(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.own = new TransactionTemplate(transactions);
        this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts a run inside the work's transaction: takes the run's id from the table's sequence, locks it for this
     * transaction, then commits the RUNNING row that {@code insertRunning} writes (given the id) in a transaction
     * of its own, so the history shows it while the work goes on. The lock comes first, so the sweeper never sees
     * a RUNNING row that nobody holds. If the work's transaction rolls back, the row is marked FAILED.
     */
    public long begin(Table table, LongConsumer insertRunning) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("an import run starts inside the transaction of its work");
        }
        long id = jdbc.sql("select nextval(pg_get_serial_sequence(?, 'id'))").param(table.name()).query(Long.class).single();
        lock(table, id);
        own.executeWithoutResult(s -> insertRunning.accept(id));
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    end(table, id, FAILED);
                }
            }
        });
        return id;
    }

    /** Sets the state of a run that did not complete (rejected, failed), in a transaction of its own. */
    public void end(Table table, long id, String status) {
        own.executeWithoutResult(s -> jdbc.sql("update " + table.name() + " set status = ?, finished_at = coalesce(finished_at, clock_timestamp())"
                + " where id = ? and status in ('RUNNING', 'INTERRUPTED', 'FAILED')").params(status, id).update());
    }

    /** Marks the runs of a table that no live transaction holds as INTERRUPTED; how many. */
    public int sweep(Table table) {
        Integer n = own.execute(s -> {
            int marked = 0;
            for (long id : jdbc.sql("select id from " + table.name() + " where status = 'RUNNING' order by id")
                    .query(Long.class).list()) {
                // Held until this transaction ends, so the run cannot be taken up again while it is marked.
                boolean free = jdbc.sql("select pg_try_advisory_xact_lock(hashtext(?), cast(? % 2147483648 as int))")
                        .params(table.name(), id).query(Boolean.class).single();
                if (free) {
                    marked += jdbc.sql("update " + table.name() + " set status = 'INTERRUPTED', finished_at = clock_timestamp()"
                            + " where id = ? and status = 'RUNNING'").param(id).update();
                }
            }
            return marked;
        });
        return n == null ? 0 : n;
    }

    private void lock(Table table, long id) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?), cast(? % 2147483648 as int))").params(table.name(), id)
                .query().singleRow();
    }
}
