package io.shizheng.plan.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.RocDate;
import org.springframework.stereotype.Component;

/**
 * Indicator 1.2 (一級機關使用管考系統比率): the share of first-level agencies of which at least one user
 * (of the agency or of a body under it) wrote something in the system in the period, from the audit log.
 */
@Component
class SystemUsageMetric implements MetricSource {

    static final String NAME = "system-usage";

    private final AuditLog audit;
    private final AgencyDirectory agencies;

    SystemUsageMetric(AuditLog audit, AgencyDirectory agencies) {
        this.audit = audit;
        this.agencies = agencies;
    }

    @Override
    public String name() { return NAME; }

    @Override
    public String description() {
        return "一級機關中，期間內至少有一位同仁（含所屬機關）在系統中新增、修改或核定資料的比率（依稽核紀錄計算）";
    }

    @Override
    public String unit() { return "%"; }

    @Override
    public MetricValue compute(MetricQuery query) {
        Usage usage = usage(query);
        return MetricValue.ratioPercent(usage.active(), usage.population().size(), evidenceUrl(query));
    }

    @Override
    public Evidence evidence(MetricQuery query) {
        Usage usage = usage(query);
        List<Evidence.Row> rows = new ArrayList<>();
        RocDate roc = new RocDate();
        for (Agency a : usage.population()) {
            AuditLog.AgencyWrites w = usage.writes().get(a.id());
            rows.add(new Evidence.Row(List.of(a.code(), a.name(), w == null ? "否 / no" : "是 / yes",
                    w == null ? 0L : w.writes(), w == null ? "" : roc.dateTime(w.last())),
                    "/admin/audit?agencyId=" + a.id()));
        }
        return new Evidence("一級機關使用情形 / First-level agencies' use of the system",
                List.of("代碼 Code", "機關 Agency", "有使用 Used", "寫入筆數 Writes", "最後寫入 Last write"),
                rows, rows.size());
    }

    private record Usage(List<Agency> population, Map<Long, AuditLog.AgencyWrites> writes, long active) {
    }

    private Usage usage(MetricQuery query) {
        List<Agency> all = agencies.all();
        Map<Long, Agency> byId = new HashMap<>();
        all.forEach(a -> byId.put(a.id(), a));
        List<Agency> population = all.stream().filter(a -> a.kind() == AgencyKind.FIRST_LEVEL && a.active()).toList();
        if (query.agencyId() != null) {
            Long scope = firstLevelOf(query.agencyId(), byId);
            population = population.stream().filter(a -> a.id() == (scope == null ? -1 : scope)).toList();
        }
        Instant from = query.from().atStartOfDay(RocDate.TAIPEI).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(RocDate.TAIPEI).toInstant();
        // Writes by a body under a first-level agency count for that agency.
        Map<Long, AuditLog.AgencyWrites> rolled = new HashMap<>();
        for (AuditLog.AgencyWrites w : audit.writesPerAgency(from, to).values()) {
            Long top = firstLevelOf(w.agencyId(), byId);
            if (top != null) {
                rolled.merge(top, new AuditLog.AgencyWrites(top, w.writes(), w.last()), (x, y) -> new AuditLog.AgencyWrites(
                        top, x.writes() + y.writes(), x.last().isAfter(y.last()) ? x.last() : y.last()));
            }
        }
        long active = population.stream().filter(a -> rolled.containsKey(a.id())).count();
        return new Usage(population, rolled, active);
    }

    private static Long firstLevelOf(long agencyId, Map<Long, Agency> byId) {
        Agency a = byId.get(agencyId);
        int guard = 0;
        while (a != null && a.kind() != AgencyKind.FIRST_LEVEL && guard++ < 20) {
            a = a.parentId() == null ? null : byId.get(a.parentId());
        }
        return a == null || a.kind() != AgencyKind.FIRST_LEVEL ? null : a.id();
    }

    private static String evidenceUrl(MetricQuery q) {
        return "/plan/metrics/" + NAME + "?from=" + q.from() + "&to=" + q.to()
                + (q.agencyId() == null ? "" : "&agency=" + q.agencyId());
    }

}
