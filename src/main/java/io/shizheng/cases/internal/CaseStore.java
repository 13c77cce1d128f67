package io.shizheng.cases.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for cases, their hops and citizens. */
@Repository
public class CaseStore {

    static final String COLUMNS = "c.id, c.case_no, c.verify_code, c.type, c.channel, c.category_code, c.description, "
            + "c.lon, c.lat, c.address, c.district_code, c.district_name, c.village_code, c.village_name, c.citizen_id, "
            + "c.reply_by, c.agency_id, c.status, c.received_at, c.received_on, c.due_on, c.extended_due_on, "
            + "c.extension_reason, c.escalated_at, c.closed_at, c.reply, c.closing_category, c.rating, c.rated_at, "
            + "c.reopen_count, c.related_case_id, c.token, c.attributes::text as attributes, c.media_url, c.updated_at, c.demo";

    private final JdbcClient jdbc;

    CaseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static CaseRow map(ResultSet rs, int n) throws SQLException {
        return new CaseRow(rs.getLong("id"), rs.getString("case_no"), rs.getString("verify_code"), rs.getString("type"),
                Channel.valueOf(rs.getString("channel")), rs.getString("category_code"), rs.getString("description"),
                (Double) rs.getObject("lon"), (Double) rs.getObject("lat"), rs.getString("address"),
                rs.getString("district_code"), rs.getString("district_name"), rs.getString("village_code"),
                rs.getString("village_name"), (Long) rs.getObject("citizen_id"), ReplyBy.valueOf(rs.getString("reply_by")),
                rs.getLong("agency_id"), rs.getString("status"), instant(rs, "received_at"),
                rs.getObject("received_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getObject("extended_due_on", LocalDate.class), rs.getString("extension_reason"),
                instant(rs, "escalated_at"), instant(rs, "closed_at"), rs.getString("reply"),
                rs.getString("closing_category") == null ? null : ClosingCategory.valueOf(rs.getString("closing_category")),
                (Integer) (rs.getObject("rating") == null ? null : rs.getInt("rating")), instant(rs, "rated_at"),
                rs.getInt("reopen_count"), (Long) rs.getObject("related_case_id"), rs.getString("token"),
                rs.getString("attributes"), rs.getString("media_url"), instant(rs, "updated_at"), rs.getBoolean("demo"));
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    long nextId() {
        return jdbc.sql("select nextval('cases_case_id_seq')").query(Long.class).single();
    }

    public Optional<CaseRow> byNo(String caseNo) {
        return jdbc.sql("select " + COLUMNS + " from cases_case c where c.case_no = ?").param(caseNo).query(CaseStore::map).optional();
    }

    public Optional<CaseRow> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from cases_case c where c.id = ?").param(id).query(CaseStore::map).optional();
    }

    public Optional<CaseRow> byToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from cases_case c where c.token = ?").param(token).query(CaseStore::map).optional();
    }

    /** Locks the row for a state change, so that two officers cannot close and hand on at once. */
    Optional<CaseRow> lock(String caseNo) {
        return jdbc.sql("select " + COLUMNS + " from cases_case c where c.case_no = ? for update").param(caseNo)
                .query(CaseStore::map).optional();
    }

    void insert(CaseRow c, Long apiKeyId) {
        jdbc.sql("""
                insert into cases_case (id, case_no, verify_code, type, channel, category_code, description, lon, lat,
                  address, district_code, district_name, village_code, village_name, citizen_id, reply_by, agency_id,
                  status, received_at, received_on, due_on, closed_at, reply, closing_category, related_case_id, token,
                  attributes, media_url, api_key_id, updated_at, demo)
                values (:id, :no, :code, :type, :channel, :cat, :desc, :lon, :lat, :addr, :dc, :dn, :vc, :vn, :cid, :rb,
                  :agency, :status, :at, :on, :due, :closedAt, :reply, :cc, :rel, :token, cast(:attrs as jsonb), :media,
                  :key, :at, :demo)""")
                .param("id", c.id()).param("no", c.caseNo()).param("code", c.verifyCode()).param("type", c.type())
                .param("channel", c.channel().name()).param("cat", c.categoryCode()).param("desc", c.description())
                .param("lon", c.lon()).param("lat", c.lat()).param("addr", c.address()).param("dc", c.districtCode())
                .param("dn", c.districtName()).param("vc", c.villageCode()).param("vn", c.villageName())
                .param("cid", c.citizenId()).param("rb", c.replyBy().name()).param("agency", c.agencyId())
                .param("status", c.status()).param("at", Timestamp.from(c.receivedAt())).param("on", c.receivedOn())
                .param("due", c.dueOn()).param("closedAt", c.closedAt() == null ? null : Timestamp.from(c.closedAt()))
                .param("reply", c.reply()).param("cc", c.closingCategory() == null ? null : c.closingCategory().name())
                .param("rel", c.relatedCaseId()).param("token", c.token()).param("attrs", c.attributesJson())
                .param("media", c.mediaUrl()).param("key", apiKeyId).param("demo", c.demo()).update();
    }

    public void update(long id, String setClause, Map<String, Object> params) {
        var spec = jdbc.sql("update cases_case set " + setClause + ", updated_at = now() where id = :id").param("id", id);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        spec.update();
    }

    public void hop(long caseId, Instant at, String kind, Long from, Long to, String reason, String username) {
        jdbc.sql("insert into cases_hop (case_id, at, kind, from_agency_id, to_agency_id, reason, username) values (?,?,?,?,?,?,?)")
                .params(caseId, Timestamp.from(at), kind, from, to, reason, username).update();
    }

    public List<Hop> hops(long caseId) {
        return jdbc.sql("select id, at, kind, from_agency_id, to_agency_id, reason, username from cases_hop where case_id = ? order by at, id")
                .param(caseId).query((rs, n) -> new Hop(rs.getLong("id"), instant(rs, "at"), rs.getString("kind"),
                        (Long) rs.getObject("from_agency_id"), (Long) rs.getObject("to_agency_id"), rs.getString("reason"),
                        rs.getString("username"))).list();
    }

    /** When the case last arrived at its current agency (intake or a hand-over). */
    Instant arrivedAtAgency(long caseId, long agencyId) {
        return jdbc.sql("select max(at) from cases_hop where case_id = ? and to_agency_id = ? and kind in ('DISPATCH','HAND_BACK','HAND_ON','REOPEN')")
                .params(caseId, agencyId).query((rs, n) -> instant(rs, "max")).single();
    }

    /** {@code identified}: staff took the contact from a person they dealt with; false for what an anonymous app sent. */
    long insertCitizen(Citizen c, boolean identified) {
        return jdbc.sql("insert into cases_citizen (name, id_number, phone, email, address, identified) values (?,?,?,?,?,?) returning id")
                .params(c.name(), c.idNumber(), c.phone(), c.email(), c.address(), identified).query(Long.class).single();
    }

    /** The names of citizens, for masking them where public text quotes them. */
    public Map<Long, String> citizenNames(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, name from cases_citizen where id in (:ids) and name is not null").param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<Citizen> citizen(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("select id, name, id_number, phone, email, address from cases_citizen where id = ?").param(id)
                .query((rs, n) -> new Citizen(rs.getLong("id"), rs.getString("name"), rs.getString("id_number"),
                        rs.getString("phone"), rs.getString("email"), rs.getString("address"))).optional();
    }

    /** The caller's earlier cases, found by phone number (digits only); anonymous Open311 reports are never among them. */
    List<CaseRow> byCallerPhone(String digits, int limit) {
        return jdbc.sql("select " + COLUMNS + " from cases_case c join cases_citizen z on z.id = c.citizen_id "
                        + "where z.phone = ? and z.identified and c.channel <> 'OPEN311' order by c.received_at desc limit ?")
                .params(digits, limit).query(CaseStore::map).list();
    }

    public List<CaseRow> search(String where, Map<String, Object> params, String order, int limit, int offset) {
        var spec = jdbc.sql("select " + COLUMNS + " from cases_case c where " + where + " order by " + order
                + " limit :limit offset :offset").param("limit", limit).param("offset", offset);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(CaseStore::map).list();
    }

    long count(String where, Map<String, Object> params) {
        var spec = jdbc.sql("select count(*) from cases_case c where " + where);
        for (var e : params.entrySet()) {
            spec = spec.param(e.getKey(), e.getValue());
        }
        return spec.query(Long.class).single();
    }

    List<CaseRow> list(String sql, Object... params) {
        return jdbc.sql("select " + COLUMNS + " from cases_case c " + sql).params(List.of(params)).query(CaseStore::map).list();
    }

    JdbcClient jdbc() { return jdbc; }
}
