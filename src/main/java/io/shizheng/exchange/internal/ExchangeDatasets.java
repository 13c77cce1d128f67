package io.shizheng.exchange.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import io.shizheng.exchange.internal.Standards.Field;
import io.shizheng.exchange.internal.Standards.Standard;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** Exchange datasets: declared against a published standard, filled with validated rows, published to grantees. */
@Service
class ExchangeDatasets {

    static final Pattern CODE = Pattern.compile("^[a-z0-9][a-z0-9-]{1,79}$");
    static final int MAX_ROWS = 500_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Standards standards;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final JsonMapper json;

    ExchangeDatasets(JdbcClient jdbc, JdbcTemplate batch, Standards standards, AgencyDirectory agencies, AuditLog audit,
                     JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.standards = standards;
        this.agencies = agencies;
        this.audit = audit;
        this.json = json;
    }

    record Dataset(long id, String code, String name, String description, long ownerAgencyId, long standardId,
                   String status, Instant publishedAt, int rowCount, Instant updatedAt, boolean demo) {

        public boolean published() { return "PUBLISHED".equals(status); }
    }

    record NewDataset(String code, String name, String description, Long ownerAgencyId, String standardCode,
                      Integer standardVersion) {
    }

    /** One bad value in one row: the row number (1 = first data row) and the field. */
    record RowProblem(int row, String field, String message) implements java.io.Serializable {
    }

    record IngestResult(String dataset, int rows, String mode) {
    }

    List<Dataset> list() {
        return jdbc.sql("select * from exchange_dataset order by code").query(ExchangeDatasets::row).list();
    }

    Dataset get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("沒有交換資料集 " + code + " / no such exchange dataset"));
    }

    Optional<Dataset> find(String code) {
        return jdbc.sql("select * from exchange_dataset where code = ?").param(code).query(ExchangeDatasets::row).optional();
    }

    Standard standardOf(Dataset d) {
        return standards.byId(d.standardId()).orElseThrow();
    }

    @Transactional
    Dataset create(NewDataset n) {
        ShizhengUser user = CurrentUser.require();
        List<FieldProblem> problems = new ArrayList<>();
        if (n.code() == null || !CODE.matcher(n.code()).matches()) {
            problems.add(new FieldProblem("code", "代碼須為小寫英數與連字號，2–80 字 / code must be 2–80 lowercase letters, digits or '-'"));
        } else if (find(n.code()).isPresent()) {
            problems.add(new FieldProblem("code", "代碼已被使用：" + n.code() + " / code already in use"));
        }
        if (n.name() == null || n.name().isBlank()) {
            problems.add(new FieldProblem("name", "請填資料集名稱 / name is required"));
        }
        Long owner = n.ownerAgencyId() != null ? n.ownerAgencyId() : user.agencyId();
        if (owner == null || agencies.find(owner).isEmpty()) {
            problems.add(new FieldProblem("ownerAgencyId", "提供機關不存在 / owner agency does not exist"));
        }
        Standard standard = null;
        if (n.standardCode() == null) {
            problems.add(new FieldProblem("standardCode", "請選擇資料標準 / a data standard is required"));
        } else {
            standard = (n.standardVersion() == null ? standards.latestPublished(n.standardCode())
                    : Optional.of(standards.get(n.standardCode(), n.standardVersion())).filter(Standard::published))
                    .orElse(null);
            if (standard == null) {
                problems.add(new FieldProblem("standardCode", "須為已發布的資料標準版本 / must be a published standard version"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        requireOwner(user, owner);
        long id = jdbc.sql("""
                insert into exchange_dataset(code, name, description, owner_agency_id, standard_id) values (?, ?, ?, ?, ?)
                returning id""").params(n.code(), n.name().trim(), n.description(), owner, standard.id())
                .query(Long.class).single();
        Dataset after = get(n.code());
        audit.record("exchange.dataset", id, AuditAction.CREATE, null, after);
        return after;
    }

    @Transactional
    Dataset publish(String code) {
        Dataset before = get(code);
        requireOwner(CurrentUser.require(), before.ownerAgencyId());
        if (before.published()) {
            return before;
        }
        if (before.rowCount() == 0) {
            throw new InvalidInputException("rows", "請先匯入資料再上架 / ingest rows before publishing");
        }
        jdbc.sql("update exchange_dataset set status = 'PUBLISHED', published_at = now(), updated_at = now() where id = ?")
                .param(before.id()).update();
        Dataset after = get(code);
        audit.record("exchange.dataset", before.id(), AuditAction.UPDATE, before, after);
        return after;
    }

    /** Rows from a CSV whose header names the standard's fields; all rows valid or none stored. */
    @Transactional
    IngestResult ingestCsv(String code, Reader csv, boolean append) throws IOException {
        Dataset d = get(code);
        requireOwner(CurrentUser.require(), d.ownerAgencyId());
        Standard standard = standardOf(d);
        List<Map<String, String>> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(false)
                .setAllowMissingColumnNames(false).get();
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
            for (String h : header) {
                if (standard.fields().stream().noneMatch(f -> f.name().equals(h))) {
                    problems.add(new RowProblem(0, h, "標準中沒有此欄位 / the standard has no such field"));
                }
            }
            for (CSVRecord r : parser) {
                if (r.size() != header.size()) {
                    problems.add(new RowProblem((int) r.getRecordNumber(), "", "欄位數 " + r.size() + "，標頭為 " + header.size()
                            + " / " + r.size() + " columns, header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    values.put(header.get(i), r.get(i));
                }
                rows.add(values);
                if (rows.size() > MAX_ROWS) {
                    throw new InvalidInputException("rows", "一次最多匯入 " + MAX_ROWS + " 列 / at most " + MAX_ROWS + " rows at once");
                }
            }
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidInputException("file", "CSV 格式錯誤：" + e.getMessage() + " / malformed CSV");
        }
        return store(d, standard, rows, problems, append);
    }

    /** Rows as JSON objects keyed by field name. */
    @Transactional
    IngestResult ingestJson(String code, List<Map<String, Object>> input, boolean append) {
        Dataset d = get(code);
        requireOwner(CurrentUser.require(), d.ownerAgencyId());
        if (input.size() > MAX_ROWS) {
            throw new InvalidInputException("rows", "一次最多匯入 " + MAX_ROWS + " 列 / at most " + MAX_ROWS + " rows at once");
        }
        Standard standard = standardOf(d);
        List<Map<String, String>> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : input.get(i).entrySet()) {
                if (standard.fields().stream().noneMatch(f -> f.name().equals(e.getKey()))) {
                    problems.add(new RowProblem(i + 1, e.getKey(), "標準中沒有此欄位 / the standard has no such field"));
                }
                values.put(e.getKey(), e.getValue() == null ? null : String.valueOf(e.getValue()));
            }
            rows.add(values);
        }
        return store(d, standard, rows, problems, append);
    }

    private IngestResult store(Dataset d, Standard standard, List<Map<String, String>> rows, List<RowProblem> problems,
                               boolean append) {
        List<String> documents = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> normal = new LinkedHashMap<>();
            for (Field f : standard.fields()) {
                String raw = rows.get(i).get(f.name());
                if (raw == null || raw.isBlank()) {
                    if (f.required()) {
                        problems.add(new RowProblem(i + 1, f.name(), "必填欄位空白 / required field is empty"));
                    }
                    normal.put(f.name(), null);
                    continue;
                }
                try {
                    normal.put(f.name(), f.type().normalise(raw, f.codeList()));
                } catch (IllegalArgumentException e) {
                    problems.add(new RowProblem(i + 1, f.name(), e.getMessage()));
                }
            }
            documents.add(json.writeValueAsString(normal));
        }
        if (!problems.isEmpty()) {
            throw new RowsRefused(problems);
        }
        int start = 0;
        if (append) {
            start = jdbc.sql("select coalesce(max(row_no), 0) from exchange_row where dataset_id = ?").param(d.id())
                    .query(Integer.class).single();
        } else {
            jdbc.sql("delete from exchange_row where dataset_id = ?").param(d.id()).update();
        }
        List<Object[]> args = new ArrayList<>(documents.size());
        for (int i = 0; i < documents.size(); i++) {
            args.add(new Object[] {d.id(), start + i + 1, documents.get(i)});
        }
        batch.batchUpdate("insert into exchange_row(dataset_id, row_no, data) values (?, ?, cast(? as jsonb))", args);
        int count = jdbc.sql("select count(*) from exchange_row where dataset_id = ?").param(d.id()).query(Integer.class).single();
        jdbc.sql("update exchange_dataset set row_count = ?, updated_at = now() where id = ?").params(count, d.id()).update();
        audit.record("exchange.dataset-rows", d.id(), AuditAction.UPDATE, Map.of("rows", d.rowCount()),
                Map.of("rows", count, "mode", append ? "append" : "replace", "ingested", documents.size()));
        return new IngestResult(d.code(), count, append ? "append" : "replace");
    }

    /** Bad rows, each named by number and field; nothing was stored. */
    static final class RowsRefused extends RuntimeException {
        private final transient List<RowProblem> problems;

        RowsRefused(List<RowProblem> problems) {
            super(problems.size() + " 個錯誤，未匯入任何資料 / " + problems.size() + " problems, nothing stored");
            this.problems = List.copyOf(problems);
        }

        List<RowProblem> problems() { return problems; }
    }

    void requireOwner(ShizhengUser user, long ownerAgencyId) {
        if (user.cityWide()) {
            return;
        }
        if (!user.has(Role.AGENCY_OFFICER) || !agencies.covers(user, ownerAgencyId)) {
            throw new ForbiddenException("此資料集屬其他機關 / this dataset belongs to another agency");
        }
    }

    static Dataset row(ResultSet rs, int n) throws SQLException {
        return new Dataset(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description"),
                rs.getLong("owner_agency_id"), rs.getLong("standard_id"), rs.getString("status"),
                rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                rs.getInt("row_count"), rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("demo"));
    }

    static Reader reader(String text) {
        return new StringReader(text);
    }
}
