package io.shizheng.documents.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CopyWriter;
import io.shizheng.platform.ImportRuns;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports document records all-or-nothing: every row is checked and streamed by COPY into a staging table; if
 * any row is bad, every bad row is reported by its line and the transaction is rolled back. Otherwise the
 * records are upserted by document number (so a nightly push sent twice changes nothing the second time),
 * their extension logs replaced, and the daily closure counts of the touched days rebuilt.
 */
@Service
class DocumentImport {

    static final int MAX_PROBLEMS = 500;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DocumentImport.class);

    record Result(long importId, int rowsRead, int inserted, int updated, int unchanged, long millis) implements java.io.Serializable {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AgencyDirectory agencies;
    private final DeadlineRules rules;
    private final AuditLog audit;
    private final Clock clock;
    private final ClosureCounts counts;
    private final ImportRuns runs;

    /** Imports and pushes cut off by a crash are marked INTERRUPTED. */
    static final ImportRuns.Table RUNS = new ImportRuns.Table("documents_import");

    @Bean
    static ImportRuns.Table documentImportRuns() {
        return RUNS;
    }

    DocumentImport(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, AgencyDirectory agencies,
                   DeadlineRules rules, AuditLog audit, Clock clock, ClosureCounts counts, ImportRuns runs) {
        this.runs = runs;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.agencies = agencies;
        this.rules = rules;
        this.audit = audit;
        this.clock = clock;
        this.counts = counts;
    }

    Result run(RowSource rows, String source, String fileName, ShizhengUser user) {
        long start = System.nanoTime();
        long[] run = {0};
        try {
            return tx.execute(status -> {
                // On record as RUNNING from here; a crash before the end leaves it to be marked INTERRUPTED.
                run[0] = runs.begin(RUNS, id -> jdbc.sql("""
                        insert into documents_import (id, status, source, file_name, username, agency_id)
                        values (?, 'RUNNING', ?, ?, ?, ?)""")
                        .params(id, source, fileName, user.getUsername(), user.agencyId()).update());
                try {
                    return importRows(rows, source, fileName, user, start, run[0]);
                } catch (SQLException e) {
                    throw new IllegalStateException("import failed: " + e.getMessage(), e);
                }
            });
        } catch (InvalidInputException e) {
            if (run[0] != 0) {
                runs.end(RUNS, run[0], "REJECTED");
            }
            throw e;
        }
    }

    private Result importRows(RowSource rows, String source, String fileName, ShizhengUser user, long start,
                              long importId) throws SQLException {
        // Sorting and hashing millions of staged rows in memory rather than in temporary files.
        jdbc.sql("set local work_mem = '256MB'").update();
        jdbc.sql("""
                create temp table documents_stage (line int, doc_no text, agency_id bigint, unit text, doc_type text,
                  priority text, subject text, received_on date, set_deadline date, closed_on date,
                  extension_count int, extension_days int, extensions int[], project_control boolean,
                  deadline_rule text, base_deadline date, deadline date, on_time boolean, overdue_reason text)
                on commit drop""").update();
        RecordParser parser = new RecordParser(agencies, rules, user, LocalDate.now(clock));
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyWriter copy = CopyWriter.into(con, "documents_stage", null);
        List<FieldProblem> problems = new ArrayList<>();
        java.util.HashMap<String, Integer> seen = new java.util.HashMap<>();
        java.util.LinkedHashMap<String, List<Integer>> duplicates = new java.util.LinkedHashMap<>();
        int badRows = 0;
        int read = 0;
        try {
            if (!rows.hasNext()) {
                throw new InvalidInputException("file", "檔案是空的 / the file is empty");
            }
            RowSource.RawRow header = rows.next();
            List<FieldProblem> headerProblems = parser.header(header.cells(), rows.where(header.line()));
            if (!headerProblems.isEmpty()) {
                throw new InvalidInputException(headerProblems);
            }
            List<FieldProblem> rowProblems = new ArrayList<>();
            while (rows.hasNext()) {
                RowSource.RawRow row = rows.next();
                read++;
                rowProblems.clear();
                DocumentRecord r = parser.parse(row, rows.where(row.line()), rowProblems);
                if (r == null) {
                    badRows++;
                    for (FieldProblem p : rowProblems) {
                        if (problems.size() < MAX_PROBLEMS) {
                            problems.add(p);
                        }
                    }
                    continue;
                }
                Integer firstLine = seen.putIfAbsent(r.docNo(), r.line());
                if (firstLine != null) {
                    duplicates.computeIfAbsent(r.docNo(), k -> new ArrayList<>(List.of(firstLine))).add(r.line());
                }
                if (badRows > 0 || !duplicates.isEmpty()) {
                    continue;
                }
                try {
                    appendCopyLine(copy, r);
                } catch (IllegalArgumentException e) {
                    badRows++;
                    problems.add(new FieldProblem(rows.where(row.line()), e.getMessage()));
                }
            }
            seen = null;
            if (badRows == 0 && duplicates.isEmpty()) {
                copy.finish();
            }
        } finally {
            copy.cancel();
        }
        if (badRows > 0) {
            if (problems.size() >= MAX_PROBLEMS) {
                problems.add(new FieldProblem("file", "共 " + badRows + " 列有誤，僅列出前 " + MAX_PROBLEMS + " 項 / "
                        + badRows + " bad rows in all; the first " + MAX_PROBLEMS + " problems are listed"));
            }
            throw new InvalidInputException(problems);
        }
        if (read == 0) {
            throw new InvalidInputException("file", "檔案沒有資料列 / the file has no data rows");
        }
        long mark = phase("parse and COPY to staging", start);
        if (!duplicates.isEmpty()) {
            List<FieldProblem> dup = new ArrayList<>();
            duplicates.forEach((docNo, lines) -> {
                if (dup.size() < MAX_PROBLEMS) {
                    dup.add(new FieldProblem(rows.where(lines.get(0)).replaceAll(" .*", "") + " " + lines.stream()
                            .map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("") + ": doc_no",
                            "文號「" + docNo + "」重複 / the same document number appears more than once"));
                }
            });
            throw new InvalidInputException(dup);
        }
        keepManualExtensions();
        // What is already here: the id, the closing day before this import and whether this import changes it.
        jdbc.sql("""
                create temp table documents_known on commit drop as
                select s.line, d.id, d.agency_id as old_agency, d.closed_on as old_closed,
                  (d.agency_id, d.unit, d.doc_type, d.priority, d.subject, d.received_on, d.set_deadline,
                   d.closed_on, d.extension_count, d.extension_days, d.project_control, d.deadline, d.overdue_reason)
                  is distinct from (s.agency_id, s.unit, s.doc_type, s.priority, s.subject, s.received_on, s.set_deadline,
                   s.closed_on, s.extension_count, s.extension_days, s.project_control, s.deadline,
                   coalesce(s.overdue_reason, d.overdue_reason)) as changed
                from documents_stage s join documents_document d on d.doc_no = s.doc_no""").update();
        mark = phase("match existing", mark);
        AgencyScope scope = agencies.scopeOf(user);
        if (!scope.cityWide()) {
            List<FieldProblem> foreign = jdbc.sql("""
                    select k.line, s.doc_no from documents_known k join documents_stage s on s.line = k.line
                    where not (""" + scope.sql("k.old_agency") + ") order by k.line limit ?")
                    .param(MAX_PROBLEMS)
                    .query((rs, n) -> new FieldProblem(rows.where(rs.getInt(1)) + ": doc_no", "文號「" + rs.getString(2)
                            + "」已屬其他機關，您不能修改 / this document belongs to another agency")).list();
            if (!foreign.isEmpty()) {
                throw new InvalidInputException(foreign);
            }
        }
        jdbc.sql("update documents_import set rows_read = ? where id = ?").params(read, importId).update();
        jdbc.sql("""
                create temp table documents_touched_days on commit drop as
                select old_closed as day from documents_known where changed and old_closed is not null
                union select s.closed_on from documents_stage s left join documents_known k on k.line = s.line
                where s.closed_on is not null and (k.line is null or k.changed)""").update();
        mark = phase("touched days", mark);
        // New documents in document-number order, so that the unique index grows at its end.
        int inserted = jdbc.sql("""
                insert into documents_document (doc_no, agency_id, unit, doc_type, priority, subject, received_on,
                  set_deadline, closed_on, extension_count, extension_days, project_control, deadline_rule,
                  base_deadline, deadline, on_time, overdue_reason, import_id)
                select s.doc_no, s.agency_id, s.unit, s.doc_type, s.priority, s.subject, s.received_on, s.set_deadline,
                  s.closed_on, s.extension_count, s.extension_days, s.project_control, s.deadline_rule, s.base_deadline,
                  s.deadline, s.on_time, s.overdue_reason, ?
                from documents_stage s where not exists (select 1 from documents_known k where k.line = s.line)
                order by s.doc_no""").param(importId).update();
        mark = phase("insert new", mark);
        int updated = jdbc.sql("""
                update documents_document d set agency_id = s.agency_id, unit = s.unit, doc_type = s.doc_type,
                  priority = s.priority, subject = s.subject, received_on = s.received_on, set_deadline = s.set_deadline,
                  closed_on = s.closed_on, extension_count = s.extension_count, extension_days = s.extension_days,
                  project_control = s.project_control, deadline_rule = s.deadline_rule, base_deadline = s.base_deadline,
                  deadline = s.deadline, on_time = s.on_time, overdue_reason = coalesce(s.overdue_reason, d.overdue_reason),
                  import_id = ?, updated_at = now(), demo = false
                from documents_known k join documents_stage s on s.line = k.line
                where k.changed and d.id = k.id""").param(importId).update();
        mark = phase("update changed", mark);
        if (updated > 0) {
            jdbc.sql("""
                    delete from documents_extension e using documents_known k, documents_stage s
                    where k.changed and e.document_id = k.id and s.line = k.line
                      and (e.source = 'IMPORT' or s.extensions <> '{}')""").update();
        }
        jdbc.sql("""
                insert into documents_extension (document_id, seq, days, source)
                select d.id, x.seq, x.days, 'IMPORT' from documents_stage s
                join documents_document d on d.doc_no = s.doc_no
                cross join lateral unnest(s.extensions) with ordinality as x(days, seq)
                where s.extension_count > 0
                  and not exists (select 1 from documents_known k where k.line = s.line and not k.changed)""").update();
        mark = phase("extension log", mark);
        if (inserted + updated > 0) {
            counts.rebuildTouchedDays();
        }
        phase("daily counts", mark);
        long millis = (System.nanoTime() - start) / 1_000_000;
        int unchanged = read - inserted - updated;
        jdbc.sql("""
                update documents_import set status = 'APPLIED', finished_at = clock_timestamp(), inserted = ?, updated = ?, unchanged = ?,
                  millis = ? where id = ?""")
                .params(inserted, updated, unchanged, millis, importId).update();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("source", source);
        summary.put("file", fileName);
        summary.put("rows", read);
        summary.put("inserted", inserted);
        summary.put("updated", updated);
        summary.put("unchanged", unchanged);
        audit.record("documents.import", importId, AuditAction.CREATE, null, summary);
        return new Result(importId, read, inserted, updated, unchanged, millis);
    }

    /**
     * Extensions granted here (MANUAL) stay when the record comes again without extensions of its own: its staged
     * deadline is recomputed with them. A record that carries extensions replaces the whole log.
     */
    private void keepManualExtensions() {
        record Kept(int line, LocalDate received, String priority, LocalDate setDeadline, LocalDate closed, int count, int days) {
        }
        List<Kept> kept = jdbc.sql("""
                select s.line, s.received_on, s.priority, s.set_deadline, s.closed_on, m.n, m.days
                from (select document_id, count(*) as n, sum(days) as days from documents_extension
                      where source = 'MANUAL' group by document_id) m
                join documents_document d on d.id = m.document_id
                join documents_stage s on s.doc_no = d.doc_no
                where s.extension_count = 0""")
                .query((rs, n) -> new Kept(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7))).list();
        for (Kept k : kept) {
            DeadlineRules.Deadline d = rules.compute(k.received(), Priority.valueOf(k.priority()), k.setDeadline(), k.days());
            jdbc.sql("""
                    update documents_stage set extension_count = ?, extension_days = ?, deadline = ?, on_time = ?
                    where line = ?""")
                    .params(k.count(), k.days(), d.deadline(), k.closed() == null ? null : DeadlineRules.onTime(k.closed(), d.deadline()),
                            k.line()).update();
        }
    }

    private static long phase(String what, long since) {
        long now = System.nanoTime();
        log.debug("import phase {}: {} ms", what, (now - since) / 1_000_000);
        return now;
    }

    static void appendCopyLine(CopyWriter w, DocumentRecord r) {
        w.number(r.line()).text(r.docNo()).number(r.agencyId()).text(r.unit()).text(r.type().name())
                .text(r.priority().name()).text(r.subject()).value(r.received()).value(r.setDeadline()).value(r.closed())
                .number(r.extensions().size()).number(r.extensionDays());
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < r.extensions().size(); i++) {
            array.append(i == 0 ? "" : ",").append(r.extensions().get(i));
        }
        w.text(array.append('}').toString()).bool(r.projectControl()).text(r.deadline().rule().name())
                .value(r.deadline().base()).value(r.deadline().deadline()).bool(r.onTime())
                .text(r.overdueReason() == null ? null : r.overdueReason().name()).end();
    }
}
