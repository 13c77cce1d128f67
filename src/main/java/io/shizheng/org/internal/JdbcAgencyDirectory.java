package io.shizheng.org.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

@Service
class JdbcAgencyDirectory implements AgencyDirectory {

    private final JdbcClient jdbc;

    JdbcAgencyDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Agency> all() {
        return jdbc.sql("select * from org_agency order by sort, code").query(JdbcAgencyDirectory::row).list();
    }

    @Override
    public Optional<Agency> find(long id) {
        return jdbc.sql("select * from org_agency where id = ?").param(id).query(JdbcAgencyDirectory::row).optional();
    }

    @Override
    public Optional<Agency> findByCode(String code) {
        return jdbc.sql("select * from org_agency where code = ?").param(code).query(JdbcAgencyDirectory::row).optional();
    }

    @Override
    public List<Agency> firstLevel() {
        return jdbc.sql("select * from org_agency where kind = 'FIRST_LEVEL' and active order by sort, code")
                .query(JdbcAgencyDirectory::row).list();
    }

    @Override
    public Optional<Agency> firstLevelOf(long agencyId) {
        return jdbc.sql("""
                with recursive up as (
                    select a.*, 0 as depth from org_agency a where a.id = ?
                    union all
                    select p.*, up.depth + 1 from org_agency p join up on p.id = up.parent_id
                )
                select * from up where kind = 'FIRST_LEVEL' order by depth limit 1""")
                .param(agencyId).query(JdbcAgencyDirectory::row).optional();
    }

    @Override
    public List<Agency> subtree(long agencyId) {
        return new ArrayList<>(jdbc.sql("""
                with recursive down as (
                    select a.* from org_agency a where a.id = ?
                    union all
                    select c.* from org_agency c join down on c.parent_id = down.id
                )
                select * from down order by sort, code""").param(agencyId).query(JdbcAgencyDirectory::row).list());
    }

    @Override
    public boolean covers(long scopeAgencyId, long itemAgencyId) {
        if (scopeAgencyId == itemAgencyId) {
            return true;
        }
        // Walk up from the item; the depth bound keeps a corrupted (cyclic) tree from looping forever.
        return jdbc.sql("""
                with recursive up as (
                    select a.id, a.parent_id, 0 as depth from org_agency a where a.id = ?
                    union all
                    select p.id, p.parent_id, up.depth + 1 from org_agency p join up on p.id = up.parent_id
                    where up.depth < 50
                )
                select count(*) from up where id = ?""")
                .params(itemAgencyId, scopeAgencyId).query(Long.class).single() > 0;
    }

    static Agency row(ResultSet rs, int n) throws SQLException {
        return new Agency(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_en"),
                AgencyKind.valueOf(rs.getString("kind")), (Long) rs.getObject("parent_id"),
                rs.getString("district_code"), rs.getString("phone"), rs.getBoolean("active"), rs.getInt("sort"));
    }
}
