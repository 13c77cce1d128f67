package io.shizheng.documents.internal;

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
import org.springframework.stereotype.Component;

/**
 * Indicator 1.3 (各機關依限結案比率): documents closed on time over documents closed in the period, project-control
 * work left out; read from the daily closure counts. The evidence is the late documents themselves.
 */
@Component
class TimelinessMetric implements MetricSource {

    static final String NAME = "document-on-time";
    static final int EVIDENCE_ROWS = 300;

    private final DocumentQueries queries;
    private final AgencyDirectory agencies;

    TimelinessMetric(DocumentQueries queries, AgencyDirectory agencies) {
        this.queries = queries;
        this.agencies = agencies;
    }

    @Override public String name() { return NAME; }

    @Override
    public String description() {
        return "期間內結案公文中依限（含核准展期）結案之比率；最速件 1 日、速件 3 日、普通件 6 日（工作天，自收文次日起算），"
                + "來文定有期限者依其期限，專案管制案件不列入";
    }

    @Override public String unit() { return "%"; }

    @Override
    public List<String> measuresIndicators() { return List.of("1.3"); }

    private AgencyScope scope(MetricQuery q) {
        return q.agencyId() == null ? AgencyScope.city() : agencies.subtreeScope(q.agencyId());
    }

    @Override
    public MetricValue compute(MetricQuery q) {
        DocumentQueries.Rate r = queries.total(q.from(), q.to(), scope(q));
        return MetricValue.ratioPercent(r.onTime(), r.closed(), url(q));
    }

    @Override
    public Evidence evidence(MetricQuery q) {
        AgencyScope scope = scope(q);
        DocumentQueries.Rate total = queries.total(q.from(), q.to(), scope);
        Map<Long, String> names = new HashMap<>();
        agencies.all().forEach(a -> names.put(a.id(), a.name()));
        List<Evidence.Row> rows = new ArrayList<>();
        for (DocumentQueries.Doc d : queries.late(q.from(), q.to(), scope, EVIDENCE_ROWS)) {
            rows.add(new Evidence.Row(List.of(d.docNo(), names.getOrDefault(d.agencyId(), "?"), d.unit(),
                    d.docPriority().zh(), d.received().toString(), d.deadline().toString(), d.closed().toString(),
                    d.closed().toEpochDay() - d.deadline().toEpochDay(), OverdueReason.labelOf(d.overdueReason())),
                    "/documents/" + d.id()));
        }
        return new Evidence("逾期結案公文（共 " + total.late() + " 件，結案 " + total.closed() + " 件）/ Documents closed late",
                List.of("文號 No.", "機關 Agency", "承辦單位 Unit", "速別 Priority", "收文 Received", "限辦 Deadline",
                        "結案 Closed", "逾期日數 Days late", "逾期原因 Reason"), rows, total.late());
    }

    private static String url(MetricQuery q) {
        return "/documents/late?from=" + q.from() + "&to=" + q.to() + (q.agencyId() == null ? "" : "&agency=" + q.agencyId());
    }

    static String agencyName(Agency a) { return a == null ? "" : a.name(); }
}
