package io.shizheng.documents.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.Table;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The monthly timeliness report: city-wide one row per agency, for one agency one row per unit; closed, on time,
 * late, rate and whether it reaches the target (97% by default), with the total.
 */
@Component
class TimelinessReport {

    record Line(Long agencyId, String code, String name, String unit, long closed, long onTime, Double percent,
                boolean belowTarget) {
        public long late() { return closed - onTime; }
    }

    record Report(YearMonth month, Long agencyId, String title, List<Line> lines, Line total, double target) {
    }

    private final DocumentQueries queries;
    private final AgencyDirectory agencies;
    private final double target;
    private final io.shizheng.platform.Jurisdiction jurisdiction;

    TimelinessReport(DocumentQueries queries, AgencyDirectory agencies, io.shizheng.platform.Jurisdiction jurisdiction,
                     @Value("${shizheng.documents.target-percent:97}") double target) {
        this.queries = queries;
        this.agencies = agencies;
        this.target = target;
        this.jurisdiction = jurisdiction;
    }

    double target() { return target; }

    Report build(YearMonth month, AgencyScope scope) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        Map<Long, Agency> byId = new HashMap<>();
        agencies.all().forEach(a -> byId.put(a.id(), a));
        List<Line> lines = new ArrayList<>();
        String title;
        if (scope.cityWide()) {
            title = jurisdiction.government() + "各機關公文時效月報 " + label(month) + " / " + jurisdiction.wholeEn()
                    + " document timeliness";
            for (DocumentQueries.Rate r : queries.ratesByAgency(from, to, scope)) {
                Agency a = byId.get(r.agencyId());
                lines.add(line(r, a, null));
            }
            lines.sort(Comparator.comparing((Line l) -> kindOrder(byId.get(l.agencyId())))
                    .thenComparing(l -> byId.get(l.agencyId()) == null ? 0 : byId.get(l.agencyId()).sort())
                    .thenComparing(Line::code));
        } else {
            Agency a = byId.get(scope.agencyId());
            title = (a == null ? "" : a.name()) + " 公文時效月報 " + label(month) + " / Document timeliness by unit";
            for (DocumentQueries.Rate r : queries.ratesByUnit(from, to, scope)) {
                lines.add(line(r, byId.get(r.agencyId()), r.label()));
            }
        }
        DocumentQueries.Rate t = queries.total(from, to, scope);
        Line total = new Line(scope.agencyId(), "", "合計 Total", null, t.closed(), t.onTime(), t.percent(),
                t.percent() != null && t.percent() < target);
        return new Report(month, scope.agencyId(), title, lines, total, target);
    }

    private Line line(DocumentQueries.Rate r, Agency a, String unit) {
        Double p = r.percent();
        return new Line(r.agencyId(), a == null ? "?" : a.code(), a == null ? "#" + r.agencyId() : a.name(), unit,
                r.closed(), r.onTime(), p, p != null && p < target);
    }

    private static int kindOrder(Agency a) {
        if (a == null) {
            return 9;
        }
        return a.kind() == AgencyKind.FIRST_LEVEL ? 0 : a.kind() == AgencyKind.DISTRICT_OFFICE ? 1 : 2;
    }

    static String label(YearMonth m) {
        return "%d年%d月 (%s)".formatted(m.getYear() - 1911, m.getMonthValue(), m);
    }

    Table table(Report r) {
        boolean units = r.agencyId() != null;
        List<String> headings = units
                ? List.of("機關 Agency", "承辦單位 Unit", "結案 Closed", "依限結案 On time", "逾期結案 Late", "依限結案率 % On-time rate", "未達目標 Below target")
                : List.of("代碼 Code", "機關 Agency", "結案 Closed", "依限結案 On time", "逾期結案 Late", "依限結案率 % On-time rate", "未達目標 Below target");
        List<List<Object>> rows = new ArrayList<>();
        for (Line l : r.lines()) {
            rows.add(row(units ? l.name() : l.code(), units ? l.unit() : l.name(), l));
        }
        rows.add(row("", "合計 Total", r.total()));
        List<Object> note = new ArrayList<>();
        note.add("目標 Target " + BigDecimal.valueOf(r.target()).stripTrailingZeros().toPlainString() + "%；依限結案率 = 依限結案件數 ÷ 結案件數（不含專案管制案件）");
        rows.add(note);
        return new Table(r.title(), headings, rows);
    }

    private static List<Object> row(String a, String b, Line l) {
        List<Object> row = new ArrayList<>();
        row.add(a);
        row.add(b);
        row.add(l.closed());
        row.add(l.onTime());
        row.add(l.late());
        row.add(l.percent());
        row.add(l.belowTarget() ? "是 yes" : "");
        return row;
    }
}
