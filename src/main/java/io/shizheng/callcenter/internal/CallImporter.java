package io.shizheng.callcenter.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.shizheng.callcenter.internal.CallCsvFormat.RowError;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CsvException;
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ImportRuns;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports call-detail records from the telephone system's CSV export, streamed in constant memory: each row is
 * checked, good rows are COPYed into staging, and only when every row is good are they merged into the call
 * table (records already stored are skipped, so importing the same file twice adds nothing). Any bad row
 * rejects the whole file, and every bad row is reported by line number.
 */
@Service
class CallImporter {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(CallImporter.class);
    /** A longer cell is refused with its line, so that a row's size stays bounded. */
    static final int MAX_FIELD = 4000;

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final CallRollups rollups;
    private final CallCenterRules rules;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ImportRuns runs;

    CallImporter(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, CallRollups rollups,
                 CallCenterRules rules, AuditLog audit, JsonMapper json, ImportRuns runs) {
        this.runs = runs;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.rollups = rollups;
        this.rules = rules;
        this.audit = audit;
        this.json = json;
    }

    /** What an import did. {@code errors} lists at most the configured number of bad rows; {@code rowsBad} counts all. */
    record ImportResult(long id, String fileName, String status, long rowsRead, long rowsAdded, long rowsDuplicate,
                        long rowsBad, List<RowError> errors, Instant firstCall, Instant lastCall, long millis) {
    }

    /** Thrown when any row is bad: nothing was stored; the rejected import is on record with its errors. */
    static final class RejectedImport extends RuntimeException {
        final transient ImportResult result;

        RejectedImport(ImportResult result) {
            super("匯入被拒：" + result.rowsBad() + " 列有誤 / import rejected: " + result.rowsBad() + " bad rows");
            this.result = result;
        }
    }

    ImportResult importCsv(InputStream in, String fileName) {
        String name = fileName == null || fileName.isBlank() ? "calls.csv"
                : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        long started = System.nanoTime();
        Outcome outcome;
        try {
            outcome = tx.execute(s -> {
                try {
                    return load(in, name, started);
                } catch (SQLException | IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (Rollback r) {
            outcome = r.outcome;
        }
        if (outcome.result.status().equals("REJECTED")) {
            ImportResult rejected = recordRejection(outcome.result);
            throw new RejectedImport(rejected);
        }
        return outcome.result;
    }

    private record Outcome(ImportResult result) {
    }

    /** Carries the report of a bad file out of the transaction it rolled back. */
    private static final class Rollback extends RuntimeException {
        final transient Outcome outcome;

        Rollback(Outcome outcome) {
            super(null, null, false, false);
            this.outcome = outcome;
        }
    }

    private Outcome load(InputStream in, String name, long started) throws SQLException, IOException {
        CsvSource csv = CsvSource.utf8(in);
        CallCsvFormat format;
        try {
            CsvSource.Row header = csv.next();
            format = CallCsvFormat.fromHeader(header == null ? null : header.cells());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (CsvException e) {
            throw new InvalidInputException("file", e.getCause() instanceof CharacterCodingException
                    ? "檔案須為 UTF-8 編碼 / the file must be UTF-8 encoded" : e.getMessage());
        }
        // On record as RUNNING from here; a crash before the end leaves it to be marked INTERRUPTED.
        String by = CurrentUser.get().map(ShizhengUser::getUsername).orElse("system");
        long importId = runs.begin(CallImports.RUNS, id -> jdbc.sql(
                "insert into callcenter_import (id, file_name, imported_by, status) values (?, ?, ?, 'RUNNING')")
                .params(id, name, by).update());
        List<RowError> errors = new ArrayList<>();
        long bad = 0;
        long read = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CallStaging staging = new CallStaging(connection, rules)) {
            List<RowError> rowErrors = new ArrayList<>(4);
            while (true) {
                CsvSource.Row row;
                try {
                    row = csv.next();
                } catch (CsvException e) {
                    bad++;
                    addError(errors, new RowError((int) e.line(), null, e.getCause() instanceof CharacterCodingException
                            ? "不是 UTF-8 編碼 / not UTF-8 text" : e.reason()));
                    break;
                }
                if (row == null) {
                    break;
                }
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                read++;
                if (row.longerThan(MAX_FIELD)) {
                    bad++;
                    addError(errors, new RowError((int) row.line(), null, "欄位過長 / a field is too long"));
                    continue;
                }
                rowErrors.clear();
                CallRecord r = format.parse(row.cells(), (int) row.line(), rowErrors);
                if (r == null) {
                    bad++;
                    rowErrors.forEach(e -> addError(errors, e));
                    if (bad == 1) {
                        staging.cancel();
                    }
                } else if (bad == 0) {
                    staging.add(r);
                }
            }
            if (bad > 0 || read == 0) {
                if (read == 0) {
                    addError(errors, new RowError(2, null, "檔案沒有任何通話紀錄 / the file has no call records"));
                    bad = Math.max(bad, 1);
                }
                staging.cancel();
                throw new Rollback(new Outcome(new ImportResult(importId, name, "REJECTED", read, 0, 0, bad,
                        errors, null, null, (System.nanoTime() - started) / 1_000_000)));
            }
            long staged = System.nanoTime();
            long added = staging.merge(importId, false);
            Instant first = Instant.ofEpochSecond(staging.minOffered());
            Instant last = Instant.ofEpochSecond(staging.maxOffered());
            log.info("Import {} ({}): {} rows read and staged in {} ms, {} new merged with roll-ups in {} ms", importId,
                    name, read, (staged - started) / 1_000_000, added, (System.nanoTime() - staged) / 1_000_000);
            ImportResult result = new ImportResult(importId, name, "APPLIED", read, added, read - added, 0, List.of(),
                    first, last, (System.nanoTime() - started) / 1_000_000);
            jdbc.sql("""
                    update callcenter_import set status = 'APPLIED', finished_at = clock_timestamp(), rows_read = ?, rows_added = ?,
                      rows_duplicate = ?, first_call = ?, last_call = ? where id = ?""")
                    .params(read, added, read - added, Timestamp.from(first), Timestamp.from(last), importId).update();
            rollups.recordRule();
            audit.record("callcenter.import", importId, AuditAction.CREATE, null, summary(result));
            return new Outcome(result);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void addError(List<RowError> errors, RowError e) {
        if (errors.size() < rules.maxErrorsListed()) {
            errors.add(e);
        }
    }

    private ImportResult recordRejection(ImportResult r) {
        return tx.execute(s -> {
            // The run's own row, left by the rolled-back work, takes the verdict.
            long id = r.id();
            jdbc.sql("""
                    update callcenter_import set status = 'REJECTED', finished_at = clock_timestamp(), rows_read = ?, rows_bad = ?,
                      errors = cast(? as jsonb) where id = ?""")
                    .params(r.rowsRead(), r.rowsBad(), json.writeValueAsString(r.errors()), id).update();
            ImportResult stored = new ImportResult(id, r.fileName(), r.status(), r.rowsRead(), 0, 0, r.rowsBad(), r.errors(),
                    null, null, r.millis());
            audit.record("callcenter.import", id, AuditAction.REJECT, null, summary(stored));
            return stored;
        });
    }

    private static Map<String, Object> summary(ImportResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", r.fileName());
        m.put("status", r.status());
        m.put("rowsRead", r.rowsRead());
        m.put("rowsAdded", r.rowsAdded());
        m.put("rowsDuplicate", r.rowsDuplicate());
        m.put("rowsBad", r.rowsBad());
        return m;
    }

    /**
     * Stores generated records (demo mode) through the same staging and merge; in the caller's transaction.
     * Returns how many were new.
     */
    long loadGenerated(Iterator<CallRecord> records, String label) {
        long importId = jdbc.sql("""
                insert into callcenter_import (file_name, imported_by, status, demo) values (?, 'system', 'APPLIED', true)
                returning id""").params(label).query(Long.class).single();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (CallStaging staging = new CallStaging(connection, rules)) {
            while (records.hasNext()) {
                staging.add(records.next());
            }
            long added = staging.merge(importId, true);
            rollups.recordRule();
            jdbc.sql("""
                    update callcenter_import set finished_at = clock_timestamp(), rows_read = ?, rows_added = ?, rows_duplicate = ?,
                      first_call = to_timestamp(?), last_call = to_timestamp(?) where id = ?""")
                    .params(staging.rows(), added, staging.rows() - added, staging.minOffered(), staging.maxOffered(), importId)
                    .update();
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
