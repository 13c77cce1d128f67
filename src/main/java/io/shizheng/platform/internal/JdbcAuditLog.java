package io.shizheng.platform.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.shizheng.platform.AuditLog;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ShizhengUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

@Service
class JdbcAuditLog implements AuditLog {

    private static final String WRITES = "('CREATE','UPDATE','DELETE','APPROVE','REJECT')";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final org.springframework.jdbc.core.JdbcTemplate batch;

    JdbcAuditLog(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Object entityId, AuditAction action, Object before, Object after) {
        ShizhengUser user = CurrentUser.get().orElse(null);
        jdbc.sql("""
                insert into platform_audit_log(at, user_id, username, agency_id, action, entity_type, entity_id,
                    before_state, after_state)
                values (now(), ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb))""")
                .params(user == null ? null : user.id(), user == null ? "system" : user.getUsername(),
                        user == null ? null : user.agencyId(), action.name(), entityType, String.valueOf(entityId),
                        toJson(before), toJson(after))
                .update();
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    @Override
    public Set<Long> agenciesWithWrites(Instant from, Instant to) {
        return new HashSet<>(jdbc.sql("select distinct agency_id from platform_audit_log where at >= ? and at < ? "
                        + "and agency_id is not null and action in " + WRITES)
                .params(Timestamp.from(from), Timestamp.from(to)).query(Long.class).list());
    }

    @Override
    public List<AuditEntry> writesByAgencies(Set<Long> agencyIds, Instant from, Instant to, int limit) {
        if (agencyIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from platform_audit_log where at >= ? and at < ? and agency_id = any(?) and action in "
                        + WRITES + " order by at desc limit ?")
                .params(Timestamp.from(from), Timestamp.from(to), agencyIds.toArray(Long[]::new), limit)
                .query(JdbcAuditLog::entry).list();
    }

    @Override
    public AuditPage search(AuditFilter f, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1=1");
        List<Object> params = new ArrayList<>();
        if (f.username() != null && !f.username().isBlank()) {
            where.append(" and username = ?");
            params.add(f.username().trim());
        }
        if (f.entityType() != null && !f.entityType().isBlank()) {
            where.append(" and entity_type = ?");
            params.add(f.entityType().trim());
        }
        if (f.entityId() != null && !f.entityId().isBlank()) {
            where.append(" and entity_id = ?");
            params.add(f.entityId().trim());
        }
        if (f.agencyId() != null) {
            where.append(" and agency_id = ?");
            params.add(f.agencyId());
        }
        if (f.action() != null) {
            where.append(" and action = ?");
            params.add(f.action().name());
        }
        if (f.from() != null) {
            where.append(" and at >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.to() != null) {
            where.append(" and at < ?");
            params.add(Timestamp.from(f.to()));
        }
        long total = jdbc.sql("select count(*) from platform_audit_log" + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<AuditEntry> entries = jdbc.sql("select * from platform_audit_log" + where
                        + " order by at desc, id desc limit ? offset ?")
                .params(pageParams).query(JdbcAuditLog::entry).list();
        return new AuditPage(entries, total, page, size);
    }

    @Override
    public java.util.Map<Long, AgencyWrites> writesPerAgency(Instant from, Instant to) {
        java.util.Map<Long, AgencyWrites> result = new java.util.HashMap<>();
        jdbc.sql("select agency_id, count(*), max(at) from platform_audit_log where at >= ? and at < ? "
                        + "and agency_id is not null and action in " + WRITES + " group by agency_id")
                .params(Timestamp.from(from), Timestamp.from(to))
                .query(rs -> {
                    result.put(rs.getLong(1), new AgencyWrites(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
                });
        return result;
    }

    @Override
    @Transactional
    public void recordDemoHistory(List<DemoWrite> writes) {
        batch.batchUpdate("""
                insert into platform_audit_log(at, user_id, username, agency_id, action, entity_type, entity_id,
                    after_state, demo)
                values (?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), true)""",
                writes.stream().map(w -> new Object[] {Timestamp.from(w.at()), w.userId(), w.username(), w.agencyId(),
                        w.action().name(), w.entityType(), w.entityId(), w.afterJson()}).toList());
    }

    private static AuditEntry entry(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                (Long) rs.getObject("user_id"), rs.getString("username"), (Long) rs.getObject("agency_id"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("entity_type"), rs.getString("entity_id"),
                rs.getString("before_state"), rs.getString("after_state"), rs.getBoolean("demo"));
    }
}
