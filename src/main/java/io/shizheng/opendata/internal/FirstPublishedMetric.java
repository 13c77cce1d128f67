package io.shizheng.opendata.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;

import io.shizheng.org.AgencyScope;
import io.shizheng.opendata.OpenDataCatalogue;
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
 * Indicator 2.5 (開放資料集增加數): datasets whose first publication (上架) falls in the period. The first
 * publication date is set once, so a dataset withdrawn and published again counts once, in its first year.
 */
@Component
class FirstPublishedMetric implements MetricSource, OpenDataCatalogue {

    static final String NAME = "opendata-new-datasets";

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;

    FirstPublishedMetric(JdbcClient jdbc, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String description() {
        return "期間內首次上架的開放資料集數（下架後重新上架者只計一次，依首次上架日期計算）";
    }

    @Override
    public String unit() { return "個"; }

    @Override
    public List<String> measuresIndicators() {
        return List.of("2.5");
    }

    @Override
    public MetricValue compute(MetricQuery query) {
        return MetricValue.count(firstPublishedBetween(query.from(), query.to(), query.agencyId()), evidenceUrl(query));
    }

    @Override
    public long firstPublishedBetween(LocalDate from, LocalDate to, Long agencyId) {
        AgencyScope scope = agencies.subtreeScope(agencyId);
        return jdbc.sql("select count(*) from opendata_dataset where first_published_at >= ? and first_published_at < ?"
                        + " and state <> 'deleted'" + scope.andSql("agency_id"))
                .params(start(from), start(to.plusDays(1))).query(Long.class).single();
    }

    @Override
    public long publishedCount() {
        return jdbc.sql("select count(*) from opendata_dataset where state = 'published' and not private")
                .query(Long.class).single();
    }

    @Override
    public Evidence evidence(MetricQuery query) {
        AgencyScope scope = agencies.subtreeScope(query.agencyId());
        RocDate roc = new RocDate();
        List<Evidence.Row> rows = jdbc.sql("select name, title, agency_id, first_published_at, state, demo from opendata_dataset"
                        + " where first_published_at >= ? and first_published_at < ? and state <> 'deleted'"
                        + scope.andSql("agency_id") + " order by first_published_at, id")
                .params(start(query.from()), start(query.to().plusDays(1))).query((rs, n) -> new Evidence.Row(List.of(rs.getString("name"), rs.getString("title"),
                        agencies.find(rs.getLong("agency_id")).map(Agency::name).orElse(""),
                        roc.date(rs.getTimestamp("first_published_at").toInstant().atZone(RocDate.TAIPEI).toLocalDate()),
                        stateLabel(rs.getString("state")) + (rs.getBoolean("demo") ? "（示範 demo）" : "")),
                        "/opendata/datasets/" + rs.getString("name"))).list();
        return new Evidence("期間內首次上架的資料集 / Datasets first published in the period",
                List.of("代碼 Name", "資料集 Dataset", "提供機關 Agency", "首次上架 First published", "目前狀態 State"),
                rows, rows.size());
    }

    static String stateLabel(String state) {
        return switch (state) {
            case "published" -> "上架 published";
            case "withdrawn" -> "下架 withdrawn";
            case "draft" -> "草稿 draft";
            default -> state;
        };
    }

    private static Timestamp start(LocalDate d) {
        return Timestamp.from(d.atStartOfDay(RocDate.TAIPEI).toInstant());
    }

    private static String evidenceUrl(MetricQuery q) {
        return "/plan/metrics/" + NAME + "?from=" + q.from() + "&to=" + q.to()
                + (q.agencyId() == null ? "" : "&agency=" + q.agencyId());
    }
}
