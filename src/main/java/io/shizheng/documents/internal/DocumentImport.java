package io.shizheng.documents.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.ShizhengUser;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
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

    DocumentImport(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, AgencyDirectory agencies,
                   DeadlineRules rules, AuditLog audit, Clock clock, ClosureCounts counts) {
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
        return tx.execute(status -> {
            try {
                return importRows(rows, source, fileName, user, start);
            } catch (SQLException e) {
                throw new IllegalStateException("import failed: " + e.getMessage(), e);
            }
        });
    }

    private Result importRows(RowSource rows, String source, String fileName, ShizhengUser user, long start)
            throws SQLException {
        jdbc.sql("""
                create temp table documents_stage (line int, doc_no text, agency_id bigint, unit text, doc_type text,
                  priority text, subject text, received_on date, set_deadline date, closed_on date,
                  extension_count int, extension_days int, extensions int[], project_control boolean,
                  deadline_rule text, base_deadline date, deadline date, on_time boolean, overdue_reason text)
                on commit drop""").update();
        RecordParser parser = new RecordParser(agencies, rules, user, LocalDate.now(clock));
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyIn copy = con.unwrap(PGConnection.class).getCopyAPI().copyIn("copy documents_stage from stdin");
        List<FieldProblem> problems = new ArrayList<>();
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
            StringBuilder buf = new StringBuilder(1 << 17);
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
                if (badRows > 0) {
                    continue;
                }
                appendCopyLine(buf, r);
                if (buf.length() > 1 << 16) {
                    flush(copy, buf);
                }
            }
            if (badRows == 0) {
                flush(copy, buf);
                copy.endCopy();
            }
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
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
        String whereWord = rows.where(0).replaceAll(" .*", "");
        List<FieldProblem> duplicates = jdbc.sql("""
                select doc_no, array_agg(line order by line)::text from documents_stage group by doc_no
                having count(*) > 1 order by min(line) limit ?""").param(MAX_PROBLEMS)
                .query((rs, n) -> new FieldProblem(whereWord + " " + rs.getString(2).replaceAll("[{}]", "").replace(",", ", ")
                        + ": doc_no", "文號「" + rs.getString(1) + "」重複 / the same document number appears more than once"))
                .list();
        if (!duplicates.isEmpty()) {
            throw new InvalidInputException(duplicates);
        }
        if (!user.cityWide()) {
            List<Long> scope = agencies.subtree(user.agencyId()).stream().map(a -> a.id()).toList();
            List<FieldProblem> foreign = jdbc.sql("""
                    select s.line, s.doc_no from documents_stage s join documents_document d on d.doc_no = s.doc_no
                    where not (d.agency_id = any (?)) order by s.line limit ?""")
                    .params(scope.toArray(Long[]::new), MAX_PROBLEMS)
                    .query((rs, n) -> new FieldProblem(rows.where(rs.getInt(1)) + ": doc_no", "文號「" + rs.getString(2)
                            + "」已屬其他機關，您不能修改 / this document belongs to another agency")).list();
            if (!foreign.isEmpty()) {
                throw new InvalidInputException(foreign);
            }
        }
        long importId = jdbc.sql("""
                insert into documents_import (source, file_name, rows_read, inserted, updated, unchanged, username,
                  agency_id, millis) values (?, ?, ?, 0, 0, 0, ?, ?, 0) returning id""")
                .params(source, fileName, read, user.getUsername(), user.agencyId()).query(Long.class).single();
        jdbc.sql("""
                create temp table documents_touched_days on commit drop as
                select distinct d.closed_on as day from documents_document d join documents_stage s on s.doc_no = d.doc_no
                where d.closed_on is not null
                union select distinct closed_on from documents_stage where closed_on is not null""").update();
        jdbc.sql("""
                create temp table documents_changed on commit drop as
                with up as (
                  insert into documents_document as d (doc_no, agency_id, unit, doc_type, priority, subject, received_on,
                    set_deadline, closed_on, extension_count, extension_days, project_control, deadline_rule,
                    base_deadline, deadline, on_time, overdue_reason, import_id)
                  select doc_no, agency_id, unit, doc_type, priority, subject, received_on, set_deadline, closed_on,
                    extension_count, extension_days, project_control, deadline_rule, base_deadline, deadline, on_time,
                    overdue_reason, ? from documents_stage
                  on conflict (doc_no) do update set agency_id = excluded.agency_id, unit = excluded.unit,
                    doc_type = excluded.doc_type, priority = excluded.priority, subject = excluded.subject,
                    received_on = excluded.received_on, set_deadline = excluded.set_deadline,
                    closed_on = excluded.closed_on, extension_count = excluded.extension_count,
                    extension_days = excluded.extension_days, project_control = excluded.project_control,
                    deadline_rule = excluded.deadline_rule, base_deadline = excluded.base_deadline,
                    deadline = excluded.deadline, on_time = excluded.on_time,
                    overdue_reason = coalesce(excluded.overdue_reason, d.overdue_reason),
                    import_id = excluded.import_id, updated_at = now(), demo = false
                  where (d.agency_id, d.unit, d.doc_type, d.priority, d.subject, d.received_on, d.set_deadline,
                         d.closed_on, d.extension_count, d.extension_days, d.project_control, d.deadline,
                         d.overdue_reason)
                    is distinct from (excluded.agency_id, excluded.unit, excluded.doc_type, excluded.priority,
                         excluded.subject, excluded.received_on, excluded.set_deadline, excluded.closed_on,
                         excluded.extension_count, excluded.extension_days, excluded.project_control,
                         excluded.deadline, coalesce(excluded.overdue_reason, d.overdue_reason))
                  returning d.id, d.doc_no, (xmax = 0) as inserted)
                select * from up""").param(importId).update();
        Map<String, Object> n = jdbc.sql("""
                select count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated
                from documents_changed""").query().singleRow();
        int inserted = ((Number) n.get("inserted")).intValue();
        int updated = ((Number) n.get("updated")).intValue();
        if (updated > 0) {
            jdbc.sql("""
                    delete from documents_extension e using documents_changed c
                    where e.document_id = c.id and not c.inserted""").update();
        }
        jdbc.sql("""
                insert into documents_extension (document_id, seq, days, source)
                select c.id, x.seq, x.days, 'IMPORT' from documents_stage s
                join documents_changed c on c.doc_no = s.doc_no
                cross join lateral unnest(s.extensions) with ordinality as x(days, seq)
                where s.extension_count > 0""").update();
        if (inserted + updated > 0) {
            counts.rebuildTouchedDays();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        int unchanged = read - inserted - updated;
        jdbc.sql("update documents_import set inserted = ?, updated = ?, unchanged = ?, millis = ? where id = ?")
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

    private static void flush(CopyIn copy, StringBuilder buf) throws SQLException {
        if (!buf.isEmpty()) {
            byte[] bytes = buf.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buf.setLength(0);
        }
    }

    static void appendCopyLine(StringBuilder b, DocumentRecord r) {
        b.append(r.line()).append('\t');
        text(b, r.docNo()).append('\t').append(r.agencyId()).append('\t');
        text(b, r.unit()).append('\t').append(r.type().name()).append('\t').append(r.priority().name()).append('\t');
        text(b, r.subject()).append('\t').append(r.received()).append('\t');
        date(b, r.setDeadline()).append('\t');
        date(b, r.closed()).append('\t');
        b.append(r.extensions().size()).append('\t').append(r.extensionDays()).append('\t').append('{');
        for (int i = 0; i < r.extensions().size(); i++) {
            b.append(i == 0 ? "" : ",").append(r.extensions().get(i));
        }
        b.append("}\t").append(r.projectControl() ? 't' : 'f').append('\t');
        b.append(r.deadline().rule().name()).append('\t').append(r.deadline().base()).append('\t')
                .append(r.deadline().deadline()).append('\t');
        Boolean onTime = r.onTime();
        b.append(onTime == null ? "\\N" : onTime ? "t" : "f").append('\t');
        b.append(r.overdueReason() == null ? "\\N" : r.overdueReason().name()).append('\n');
    }

    private static StringBuilder date(StringBuilder b, LocalDate d) {
        return d == null ? b.append("\\N") : b.append(d);
    }

    /** COPY text format: backslash, tab and line breaks escaped; null as \N. */
    static StringBuilder text(StringBuilder b, String s) {
        if (s == null) {
            return b.append("\\N");
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> b.append("\\\\");
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(ch);
            }
        }
        return b;
    }
}
