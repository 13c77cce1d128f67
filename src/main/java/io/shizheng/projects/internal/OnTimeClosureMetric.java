package io.shizheng.projects.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Indicator 1.1 (建設計畫列管案件年底如期結案比率): of the controlled projects due in the period (planned end,
 * or approved revised end), the share that RDEC closed on or before that date.
 */
@Component
class OnTimeClosureMetric implements MetricSource {

    static final String NAME = "projects-on-time";

    private final JdbcClient jdbc;
    private final AgencyDirectory agencies;

    OnTimeClosureMetric(JdbcClient jdbc, AgencyDirectory agencies) {
        this.jdbc = jdbc;
        this.agencies = agencies;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String description() {
        return "期間內預定（或核定修正後）完工之列管案件中，於完工日前經研考會核定結案的比率";
    }

    @Override
    public String unit() { return "%"; }

    @Override
    public List<String> measuresIndicators() { return List.of("1.1"); }

    record Counts(long onTime, long due) {
    }

    @Override
    public MetricValue compute(MetricQuery q) {
        AgencyScope scope = agencies.subtreeScope(q.agencyId());
        Counts c = jdbc.sql("""
                select count(*) filter (where closed_on is not null and closed_on <= due_date) as on_time, count(*) as due
                from projects_project where due_date between ? and ?""" + scope.andSql("agency_id"))
                .params(q.from(), q.to())
                .query((rs, i) -> new Counts(rs.getLong("on_time"), rs.getLong("due"))).single();
        return MetricValue.ratioPercent(c.onTime(), c.due(), evidenceUrl(q));
    }

    record Due(long id, String code, String name, long agencyId, LocalDate dueDate, LocalDate plannedEnd,
               LocalDate closedOn, String light) {
    }

    @Override
    public Evidence evidence(MetricQuery q) {
        AgencyScope scope = agencies.subtreeScope(q.agencyId());
        List<Due> due = jdbc.sql("""
                select id, code, name, agency_id, due_date, planned_end, closed_on, light from projects_project
                where due_date between ? and ?""" + scope.andSql("agency_id") + " order by due_date, code")
                .params(q.from(), q.to())
                .query((rs, i) -> new Due(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getLong("agency_id"),
                        rs.getObject("due_date", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
                        rs.getObject("closed_on", LocalDate.class), rs.getString("light"))).list();
        Map<Long, String> names = new HashMap<>();
        agencies.all().forEach(a -> names.put(a.id(), a.name()));
        List<Evidence.Row> rows = new ArrayList<>();
        for (Due d : due) {
            boolean onTime = OnTime.onTime(d.closedOn(), d.dueDate());
            rows.add(new Evidence.Row(List.of(d.code(), d.name(), names.getOrDefault(d.agencyId(), ""), d.dueDate().toString(),
                    d.dueDate().equals(d.plannedEnd()) ? "" : d.plannedEnd().toString(),
                    d.closedOn() == null ? "未結案 / open" : d.closedOn().toString(), onTime ? "是 / yes" : "否 / no"),
                    "/projects/" + d.id()));
        }
        return new Evidence("預定於期間內完工之列管案件 / Controlled projects due in the period",
                List.of("代碼 Code", "案件 Project", "機關 Agency", "完工期限 Due", "原預定 Original end", "結案日 Closed",
                        "如期 On time"), rows, rows.size());
    }

    private static String evidenceUrl(MetricQuery q) {
        return "/plan/metrics/" + NAME + "?from=" + q.from() + "&to=" + q.to()
                + (q.agencyId() == null ? "" : "&agency=" + q.agencyId());
    }
}
