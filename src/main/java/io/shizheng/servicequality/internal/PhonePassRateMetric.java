package io.shizheng.servicequality.internal;

import java.util.ArrayList;
import java.util.List;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Indicator 2.2 (電話禮貌測試合格率): test calls scoring 80 or more over all test calls scored in the period. */
@Component
class PhonePassRateMetric implements MetricSource {

    static final String NAME = "phone-test-pass";

    private final JdbcClient jdbc;
    private final Access access;
    private final AgencyDirectory agencies;

    PhonePassRateMetric(JdbcClient jdbc, Access access, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.access = access;
        this.agencies = agencies;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String description() {
        return "電話禮貌測試中，得分達及格分數（80 分）以上之通數占全部受測通數之比率（含複測，依測試日計）";
    }

    @Override
    public String unit() { return "%"; }

    @Override
    public List<String> measuresIndicators() { return List.of("2.2"); }

    @Override
    public MetricValue compute(MetricQuery q) {
        AgencyScope scope = access.subtreeScope(q.agencyId());
        long[] counts = jdbc.sql("""
                select count(*), count(*) filter (where passed) from servicequality_call
                where total is not null and called_on between :from and :to""" + scope.andSql("agency_id"))
                .param("from", q.from()).param("to", q.to())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return MetricValue.ratioPercent(counts[1], counts[0], evidenceUrl(q));
    }

    @Override
    public Evidence evidence(MetricQuery q) {
        AgencyScope scope = access.subtreeScope(q.agencyId());
        List<Evidence.Row> rows = new ArrayList<>();
        jdbc.sql("""
                select agency_id, count(*), count(*) filter (where passed), round(avg(total), 1) from servicequality_call
                where total is not null and called_on between :from and :to""" + scope.andSql("agency_id")
                        + " group by agency_id order by count(*) filter (where passed)::numeric / count(*), agency_id")
                .param("from", q.from()).param("to", q.to())
                .query((rs, n) -> {
                    long agency = rs.getLong(1);
                    PassRate rate = new PassRate(rs.getLong(2), rs.getLong(3));
                    rows.add(new Evidence.Row(List.of(agencies.find(agency).map(Agency::name).orElse("#" + agency),
                            rate.tests(), rate.passed(), rate.tests() - rate.passed(), rate.percent(), rs.getBigDecimal(4)),
                            "/servicequality/pass-rates?year=" + q.from().getYear() + "#agency-" + agency));
                    return null;
                }).list();
        return new Evidence("電話禮貌測試合格情形 / Phone-answering test results",
                List.of("機關 Agency", "受測 Tests", "合格 Passed", "不合格 Failed", "合格率 % Pass rate", "平均分數 Mean score"),
                rows, rows.size());
    }

    private static String evidenceUrl(MetricQuery q) {
        return "/plan/metrics/" + NAME + "?from=" + q.from() + "&to=" + q.to()
                + (q.agencyId() == null ? "" : "&agency=" + q.agencyId());
    }
}
