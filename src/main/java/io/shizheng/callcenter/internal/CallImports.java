package io.shizheng.callcenter.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.shizheng.platform.ImportRuns;
import io.shizheng.platform.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of imports: who imported which file, what it added, and the bad rows of a rejected one. */
@Repository
class CallImports {

    /** Imports cut off by a crash are marked INTERRUPTED (status RUNNING, APPLIED, REJECTED, FAILED, INTERRUPTED). */
    static final ImportRuns.Table RUNS = new ImportRuns.Table("callcenter_import");

    @Bean
    static ImportRuns.Table callImportRuns() {
        return RUNS;
    }

    record ImportRow(long id, String fileName, Instant startedAt, Instant finishedAt, String importedBy, String status,
                     long rowsRead, long rowsAdded, long rowsDuplicate, long rowsBad, Instant firstCall, Instant lastCall,
                     boolean demo, String errorsJson) {
    }

    private final JdbcClient jdbc;

    CallImports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ImportRow> recent(int limit) {
        return jdbc.sql("select * from callcenter_import order by id desc limit ?").param(limit).query(CallImports::row).list();
    }

    ImportRow find(long id) {
        return jdbc.sql("select * from callcenter_import where id = ?").param(id).query(CallImports::row).optional()
                .orElseThrow(() -> new NotFoundException("沒有第 " + id + " 次匯入 / no import " + id));
    }

    private static ImportRow row(ResultSet rs, int n) throws SQLException {
        return new ImportRow(rs.getLong("id"), rs.getString("file_name"), instant(rs, "started_at"),
                instant(rs, "finished_at"), rs.getString("imported_by"), rs.getString("status"), rs.getLong("rows_read"),
                rs.getLong("rows_added"), rs.getLong("rows_duplicate"), rs.getLong("rows_bad"), instant(rs, "first_call"),
                instant(rs, "last_call"), rs.getBoolean("demo"), rs.getString("errors"));
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        var t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }
}
