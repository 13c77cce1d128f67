package io.shizheng.documents.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyScope;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ExportFormat;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.platform.Table;
import io.shizheng.platform.TableExporter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the API and the pages share: scopes, the dashboard numbers, overdue rows with names, exports. */
@Component
class DocumentViews {

    static final int DEFAULT_YEAR = 2018;

    record Dashboard(AgencyScope scope, String scopeName, int year, Integer month, LocalDate from, LocalDate to,
                     DocumentQueries.Rate total, List<TimelinessReport.Line> lines, List<DocumentQueries.MonthRate> months,
                     long overdueNow, double target, boolean byUnit) {
        public Double rate() { return total.percent(); }
    }

    record OverdueRow(long id, String docNo, String agency, String unit, String type, String priority, String subject,
                      LocalDate received, LocalDate deadline, int extensions, long daysOverdue, String reason, boolean demo) {
    }

    private final DocumentQueries queries;
    private final AgencyDirectory agencies;
    private final TimelinessReport report;
    private final TableExporter exporter;
    private final Clock clock;
    private final io.shizheng.platform.Jurisdiction jurisdiction;

    DocumentViews(DocumentQueries queries, AgencyDirectory agencies, TimelinessReport report, TableExporter exporter,
                  Clock clock, io.shizheng.platform.Jurisdiction jurisdiction) {
        this.queries = queries;
        this.agencies = agencies;
        this.report = report;
        this.exporter = exporter;
        this.clock = clock;
        this.jurisdiction = jurisdiction;
    }

    LocalDate today() { return LocalDate.now(clock); }

    /** The reader's scope, narrowed to the agency asked for (404 unknown, 403 outside the reader's own). */
    AgencyScope scope(Long agencyId) {
        ShizhengUser me = CurrentUser.require();
        Readers.require(me);
        return agencies.scopeOf(me, agencyId);
    }

    /** Imports and changes: RDEC staff, administrators and agency officers (within their agency). */
    static ShizhengUser writer() {
        ShizhengUser me = CurrentUser.require();
        if (!me.cityWide() && !me.has(Role.AGENCY_OFFICER)) {
            throw new ForbiddenException("只有研考會與機關承辦人可以匯入或修改公文資料 / only RDEC staff and agency officers may change document records");
        }
        return me;
    }

    Map<Long, Agency> agencyMap() {
        Map<Long, Agency> m = new HashMap<>();
        agencies.all().forEach(a -> m.put(a.id(), a));
        return m;
    }

    String name(Long agencyId) {
        return agencyId == null ? jurisdiction.government() + "（" + jurisdiction.wholeZh() + "）/ " + jurisdiction.wholeEn() : agencies.find(agencyId).map(Agency::name).orElse("#" + agencyId);
    }

    static void checkMonth(Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            throw new InvalidInputException("month", "月份須為 1 到 12 / month must be 1..12");
        }
    }

    Dashboard dashboard(int year, Integer month, Long agencyId, String unit) {
        checkMonth(month);
        AgencyScope scope = scope(agencyId);
        LocalDate from = month == null ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        LocalDate to = month == null ? LocalDate.of(year, 12, 31) : YearMonth.of(year, month).atEndOfMonth();
        DocumentQueries.Rate total;
        List<TimelinessReport.Line> lines = new ArrayList<>();
        boolean byUnit = !scope.cityWide();
        if (unit != null) {
            DocumentQueries.Rate u = queries.ratesByUnit(from, to, scope).stream().filter(r -> r.label().equals(unit))
                    .reduce((a, b) -> new DocumentQueries.Rate(null, unit, a.closed() + b.closed(), a.onTime() + b.onTime()))
                    .orElse(new DocumentQueries.Rate(null, unit, 0, 0));
            total = u;
        } else {
            total = queries.total(from, to, scope);
        }
        Map<Long, Agency> names = agencyMap();
        if (scope.cityWide()) {
            for (DocumentQueries.Rate r : queries.ratesByAgency(from, to, scope)) {
                Agency a = names.get(r.agencyId());
                lines.add(new TimelinessReport.Line(r.agencyId(), a == null ? "?" : a.code(), a == null ? "?" : a.name(),
                        null, r.closed(), r.onTime(), r.percent(), r.percent() != null && r.percent() < report.target()));
            }
            lines.sort(java.util.Comparator.comparing((TimelinessReport.Line l) -> l.percent() == null ? 999 : l.percent()));
        } else {
            for (DocumentQueries.Rate r : queries.ratesByUnit(from, to, scope)) {
                Agency a = names.get(r.agencyId());
                lines.add(new TimelinessReport.Line(r.agencyId(), a == null ? "?" : a.code(), a == null ? "?" : a.name(),
                        r.label(), r.closed(), r.onTime(), r.percent(), r.percent() != null && r.percent() < report.target()));
            }
        }
        List<DocumentQueries.MonthRate> months = queries.byMonth(year, scope, unit);
        long overdueNow = queries.overdueCount(today(), true, scope, unit);
        return new Dashboard(scope, name(scope.agencyId()) + (unit == null ? "" : " · " + unit), year, month, from, to,
                total, lines, months, overdueNow, report.target(), byUnit);
    }

    List<OverdueRow> overdue(LocalDate asOf, AgencyScope scope, String unit, int limit, int offset) {
        Map<Long, Agency> names = agencyMap();
        boolean current = !asOf.isBefore(today());
        return queries.overdue(asOf, current, scope, unit, limit, offset).stream().map(o -> new OverdueRow(o.id(), o.docNo(),
                names.containsKey(o.agencyId()) ? names.get(o.agencyId()).name() : "?", o.unit(),
                DocType.valueOf(o.type()).zh(), Priority.valueOf(o.priority()).zh(), o.subject(), o.received(),
                o.deadline(), o.extensionCount(), o.daysOverdue(), OverdueReason.labelOf(o.overdueReason()), o.demo())).toList();
    }

    long overdueCount(LocalDate asOf, AgencyScope scope, String unit) {
        return queries.overdueCount(asOf, !asOf.isBefore(today()), scope, unit);
    }

    /** Late documents grouped by reason, unit, type and priority, with labels a reader understands. */
    Map<String, List<Map<String, Object>>> analysis(LocalDate from, LocalDate to, AgencyScope scope) {
        return groups(by -> queries.lateBy(by, from, to, scope));
    }

    /** Documents still open past a deadline that fell in the period, grouped the same way (days overdue so far). */
    Map<String, List<Map<String, Object>>> openAnalysis(LocalDate from, LocalDate to, AgencyScope scope) {
        return groups(by -> queries.openOverdueBy(by, from, to, today(), scope));
    }

    private Map<String, List<Map<String, Object>>> groups(java.util.function.Function<String, List<DocumentQueries.LateGroup>> query) {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        for (String by : List.of("reason", "unit", "type", "priority")) {
            List<Map<String, Object>> rows = new ArrayList<>();
            for (DocumentQueries.LateGroup g : query.apply(by)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", g.key());
                row.put("label", switch (by) {
                    case "reason" -> OverdueReason.labelOf(g.key().isEmpty() ? null : g.key());
                    case "type" -> DocType.valueOf(g.key()).label();
                    case "priority" -> Priority.valueOf(g.key()).label();
                    default -> g.key();
                });
                row.put("count", g.count());
                row.put("avgDaysLate", Math.round(g.avgDaysLate() * 10) / 10.0);
                rows.add(row);
            }
            out.put(by, rows);
        }
        return out;
    }

    Table overdueTable(LocalDate asOf, AgencyScope scope, String unit) {
        List<List<Object>> rows = new ArrayList<>();
        for (OverdueRow o : overdue(asOf, scope, unit, 100_000, 0)) {
            rows.add(new ArrayList<>(java.util.Arrays.asList(o.docNo(), o.agency(), o.unit(), o.type(), o.priority(), o.subject(),
                    o.received(), o.deadline(), o.extensions(), o.daysOverdue(), o.reason())));
        }
        return new Table("逾期未結公文 " + asOf + " / Open overdue documents", List.of("文號 No.", "機關 Agency",
                "承辦單位 Unit", "類別 Type", "速別 Priority", "主旨 Subject", "收文 Received", "限辦 Deadline",
                "展期次數 Extensions", "逾期日數 Days overdue", "逾期原因 Reason"), rows);
    }

    ResponseEntity<byte[]> export(Table table, String format, String baseName) throws IOException {
        ExportFormat f = ExportFormat.parse(format);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exporter.write(table, f, out);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(baseName + "." + f.extension(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.parseMediaType(f.mediaType())).body(out.toByteArray());
    }
}
