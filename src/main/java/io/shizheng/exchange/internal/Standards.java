package io.shizheng.exchange.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's data standards (資料標準): field dictionaries kept under version. A published version never
 * changes; a change is a new version, so datasets declared against an old one keep their meaning.
 */
@Service
class Standards {

    static final Pattern CODE = Pattern.compile("^[a-z][a-z0-9-]{1,59}$");
    static final Pattern FIELD = Pattern.compile("^[a-z][a-z0-9_]{0,59}$");

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final JsonMapper json;

    Standards(JdbcClient jdbc, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.json = json;
    }

    record Field(String name, String label, FieldType type, String unit, boolean required, List<String> codeList) {
    }

    record Standard(long id, String code, int version, String name, String description, String status,
                    Instant publishedAt, boolean demo, List<Field> fields) {

        boolean published() { return "PUBLISHED".equals(status); }
    }

    record Draft(String code, String name, String description, List<FieldInput> fields) {
    }

    record FieldInput(String name, String label, String type, String unit, Boolean required, List<String> codeList) {
    }

    List<Standard> list() {
        List<Long> ids = jdbc.sql("select id from exchange_standard order by code, version desc").query(Long.class).list();
        List<Standard> result = new ArrayList<>();
        for (Long id : ids) {
            result.add(byId(id).orElseThrow());
        }
        return result;
    }

    Optional<Standard> byId(long id) {
        return jdbc.sql("select * from exchange_standard where id = ?").param(id)
                .query((rs, n) -> standard(rs, fields(rs.getLong("id")))).optional();
    }

    Standard get(String code, int version) {
        return jdbc.sql("select id from exchange_standard where code = ? and version = ?").params(code, version)
                .query(Long.class).optional().flatMap(this::byId)
                .orElseThrow(() -> new NotFoundException("沒有資料標準 " + code + " v" + version + " / no such standard"));
    }

    Optional<Standard> latestPublished(String code) {
        return jdbc.sql("select id from exchange_standard where code = ? and status = 'PUBLISHED' order by version desc limit 1")
                .param(code).query(Long.class).optional().flatMap(this::byId);
    }

    /** A new draft version of a standard (version 1 for a new code). */
    @Transactional
    Standard draft(Draft d) {
        requireKeeper();
        List<FieldProblem> problems = validate(d);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        boolean openDraft = jdbc.sql("select count(*) from exchange_standard where code = ? and status = 'DRAFT'")
                .param(d.code()).query(Long.class).single() > 0;
        if (openDraft) {
            throw new InvalidInputException("code", "此標準已有未發布的草案，請先發布或修改該草案 / a draft of this standard already exists");
        }
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from exchange_standard where code = ?")
                .param(d.code()).query(Integer.class).single();
        long id = insert(d, version, false);
        Standard after = byId(id).orElseThrow();
        audit.record("exchange.standard", d.code() + "/v" + version, AuditAction.CREATE, null, after);
        return after;
    }

    long insert(Draft d, int version, boolean demo) {
        long id = jdbc.sql("insert into exchange_standard(code, version, name, description, demo) values (?, ?, ?, ?, ?) returning id")
                .params(d.code(), version, d.name().trim(), d.description(), demo).query(Long.class).single();
        int seq = 0;
        for (FieldInput f : d.fields()) {
            jdbc.sql("""
                    insert into exchange_standard_field(standard_id, seq, name, label, type, unit, required, code_list)
                    values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                    .params(id, seq++, f.name(), f.label(), f.type(), f.unit(), Boolean.TRUE.equals(f.required()),
                            f.codeList() == null ? null : json.writeValueAsString(f.codeList()))
                    .update();
        }
        return id;
    }

    @Transactional
    Standard publish(String code, int version) {
        requireKeeper();
        Standard before = get(code, version);
        if (before.published()) {
            throw new InvalidInputException("status", "此版本已發布 / this version is already published");
        }
        jdbc.sql("update exchange_standard set status = 'PUBLISHED', published_at = now() where id = ?").param(before.id()).update();
        Standard after = get(code, version);
        audit.record("exchange.standard", code + "/v" + version, AuditAction.UPDATE, before, after);
        return after;
    }

    static void requireKeeper() {
        if (!CurrentUser.require().cityWide()) {
            throw new ForbiddenException("資料標準由研考會維護 / data standards are kept by RDEC");
        }
    }

    static List<FieldProblem> validate(Draft d) {
        List<FieldProblem> problems = new ArrayList<>();
        if (d.code() == null || !CODE.matcher(d.code()).matches()) {
            problems.add(new FieldProblem("code", "代碼須為小寫英數與連字號，2–60 字 / code must be 2–60 lowercase letters, digits or '-'"));
        }
        if (d.name() == null || d.name().isBlank()) {
            problems.add(new FieldProblem("name", "請填標準名稱 / name is required"));
        }
        if (d.fields() == null || d.fields().isEmpty()) {
            problems.add(new FieldProblem("fields", "至少需要一個欄位 / at least one field is required"));
            return problems;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < d.fields().size(); i++) {
            FieldInput f = d.fields().get(i);
            String p = "fields[" + i + "]";
            if (f.name() == null || !FIELD.matcher(f.name()).matches()) {
                problems.add(new FieldProblem(p + ".name", "欄位名稱須為小寫英數與底線 / field name must be lowercase letters, digits or '_'"));
            } else if (!names.add(f.name())) {
                problems.add(new FieldProblem(p + ".name", "欄位名稱重複：" + f.name() + " / duplicate field"));
            }
            if (f.label() == null || f.label().isBlank()) {
                problems.add(new FieldProblem(p + ".label", "請填欄位中文名稱 / label is required"));
            }
            FieldType type = null;
            try {
                type = FieldType.valueOf(String.valueOf(f.type()));
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem(p + ".type", "型別須為 STRING、INTEGER、DECIMAL、DATE、BOOLEAN 或 CODE / unknown type"));
            }
            if (type == FieldType.CODE && (f.codeList() == null || f.codeList().isEmpty())) {
                problems.add(new FieldProblem(p + ".codeList", "代碼欄位須附代碼表 / a CODE field needs its code list"));
            }
        }
        return problems;
    }

    private List<Field> fields(long standardId) {
        return jdbc.sql("select * from exchange_standard_field where standard_id = ? order by seq").param(standardId)
                .query((rs, n) -> new Field(rs.getString("name"), rs.getString("label"), FieldType.valueOf(rs.getString("type")),
                        rs.getString("unit"), rs.getBoolean("required"), codeList(rs.getString("code_list")))).list();
    }

    private List<String> codeList(String text) {
        if (text == null) {
            return null;
        }
        return List.of(json.readValue(text, String[].class));
    }

    private static Standard standard(ResultSet rs, List<Field> fields) throws SQLException {
        return new Standard(rs.getLong("id"), rs.getString("code"), rs.getInt("version"), rs.getString("name"),
                rs.getString("description"), rs.getString("status"),
                rs.getTimestamp("published_at") == null ? null : rs.getTimestamp("published_at").toInstant(),
                rs.getBoolean("demo"), fields);
    }
}
