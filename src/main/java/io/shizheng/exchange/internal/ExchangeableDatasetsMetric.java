package io.shizheng.exchange.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indicator 3.2 (累計可供交換之資料集數量): exchange datasets that, at the end of the period, are published
 * against a data standard and granted to at least one consumer. A stock, counted from the start.
 */
@Component
class ExchangeableDatasetsMetric implements MetricSource {

    static final String NAME = "exchangeable-datasets";

    private static final String EXCHANGEABLE = """
            from exchange_dataset d
            where d.status = 'PUBLISHED' and d.published_at < ?
              and exists (select 1 from exchange_grant g where g.dataset_id = d.id and g.granted_at < ?
                          and (g.revoked_at is null or g.revoked_at >= ?))""";

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;

    ExchangeableDatasetsMetric(JdbcClient jdbc, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String description() {
        return "期末已依資料標準上架、且至少授權一個使用單位之交換資料集累計數（依交換平台資料計算）";
    }

    @Override
    public String unit() { return "個"; }

    @Override
    public List<String> measuresIndicators() { return List.of("3.2"); }

    @Override
    public MetricValue compute(MetricQuery q) {
        Timestamp end = end(q);
        String scope = agencies.subtreeScope(q.agencyId()).andSql("d.owner_agency_id");
        long n = jdbc.sql("select count(*) " + EXCHANGEABLE + scope).params(end, end, end).query(Long.class).single();
        return MetricValue.count(n, "/exchange?asOf=" + q.to());
    }

    @Override
    public Evidence evidence(MetricQuery q) {
        Timestamp end = end(q);
        String scope = agencies.subtreeScope(q.agencyId()).andSql("d.owner_agency_id");
        Map<Long, String> names = agencies.names();
        RocDate roc = new RocDate();
        List<Evidence.Row> rows = jdbc.sql("""
                select d.code, d.name, d.owner_agency_id, d.published_at, s.code as std, s.version,
                  (select count(*) from exchange_grant g where g.dataset_id = d.id and g.granted_at < ?
                     and (g.revoked_at is null or g.revoked_at >= ?)) as grants
                """ + EXCHANGEABLE.replace("from exchange_dataset d", "from exchange_dataset d join exchange_standard s on s.id = d.standard_id")
                        + scope + " order by d.published_at")
                .params(end, end, end, end, end)
                .query((rs, i) -> new Evidence.Row(List.of(rs.getString("code"), rs.getString("name"),
                        names.getOrDefault(rs.getLong("owner_agency_id"), ""), rs.getString("std") + " v" + rs.getInt("version"),
                        roc.dateTime(rs.getTimestamp("published_at").toInstant()), rs.getLong("grants")),
                        "/exchange/datasets/" + rs.getString("code"))).list();
        return new Evidence("可供交換之資料集 / Exchangeable datasets",
                List.of("代碼 Code", "名稱 Name", "提供機關 Owner", "資料標準 Standard", "上架 Published", "授權數 Grants"),
                rows, rows.size());
    }

    private static Timestamp end(MetricQuery q) {
        Instant end = q.to().plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant();
        return Timestamp.from(end);
    }
}
