package io.shizheng.projects.internal;

import java.math.BigDecimal;
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
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Role;
import io.shizheng.platform.ShizhengUser;
import io.shizheng.projects.Light;
import io.shizheng.projects.internal.ProjectStore.Filter;
import io.shizheng.projects.internal.ProjectStore.Project;
import org.springframework.stereotype.Service;

/** Read models of the portfolio: filtered lists, the dashboard tallies and a project's monthly series. */
@Service
class Portfolio {

    private final ProjectStore store;
    private final AgencyDirectory agencies;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    Portfolio(ProjectStore store, AgencyDirectory agencies, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.store = store;
        this.agencies = agencies;
        this.jdbc = jdbc;
    }

    record AgencyRef(long id, String code, String name) {
    }

    record Summary(long id, String code, String name, AgencyRef agency, String level, String category, String district,
                   LocalDate startDate, LocalDate dueDate, String status, LocalDate closedOn, BigDecimal plannedProgress,
                   BigDecimal actualProgress, Light light, BigDecimal budget, BigDecimal annualBudget,
                   BigDecimal executionRate, LocalDate lastMonth, boolean demo) {
    }

    record Page(long total, int page, int size, List<Summary> items) {
    }

    /** The filter as the user may see it: agency officers only within their own agency. */
    Filter filter(ShizhengUser me, Integer year, String agency, String level, String light, String district, String status) {
        AgencyScope scope = visibleTo(me);
        if (agency != null && !agency.isBlank()) {
            Agency a = agencyByCodeOrId(agency);
            if (a == null) {
                throw new InvalidInputException("agency", "未知的機關：" + agency + " / unknown agency");
            }
            scope = agencies.subtreeScope(a.id()).intersect(scope);
        }
        Light l = null;
        if (light != null && !light.isBlank()) {
            try {
                l = Light.valueOf(light.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("light", "燈號須為 GREEN、YELLOW、RED 或 NONE / light must be GREEN, YELLOW, RED or NONE");
            }
        }
        String lv = blankToNull(level);
        if (lv != null && !ProjectService.LEVELS.contains(lv)) {
            throw new InvalidInputException("level", "列管層級須為 " + ProjectService.LEVELS + " / unknown level");
        }
        String st = blankToNull(status);
        if (st != null && !List.of("ACTIVE", "CLOSED").contains(st)) {
            throw new InvalidInputException("status", "狀態須為 ACTIVE 或 CLOSED / status must be ACTIVE or CLOSED");
        }
        if (year != null && (year < 1990 || year > 2100)) {
            throw new InvalidInputException("year", "年度請用西元年（如 2018）/ use a Gregorian year such as 2018");
        }
        return new Filter(year, scope, lv, l, blankToNull(district), st);
    }

    /** Projects are public works: reviewers (outside experts) read all of them, like RDEC; officers their agency's. */
    AgencyScope visibleTo(ShizhengUser me) {
        return me.has(Role.REVIEWER) ? AgencyScope.city() : agencies.scopeOf(me);
    }

    Agency agencyByCodeOrId(String text) {
        String t = text.trim();
        return t.matches("\\d+") ? agencies.find(Long.parseLong(t)).orElse(null) : agencies.findByCode(t.toUpperCase()).orElse(null);
    }

    Page page(Filter f, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", "頁碼從 0 起算 / page starts at 0");
        }
        if (size < 1 || size > 500) {
            throw new InvalidInputException("size", "每頁 1 至 500 筆 / size must be 1 to 500");
        }
        Map<Long, Agency> byId = agencyMap();
        List<Summary> items = store.search(f, page, size).stream().map(p -> summary(p, byId)).toList();
        return new Page(store.count(f), page, size, items);
    }

    Map<Long, Agency> agencyMap() {
        Map<Long, Agency> byId = new HashMap<>();
        agencies.all().forEach(a -> byId.put(a.id(), a));
        return byId;
    }

    Summary summary(Project p, Map<Long, Agency> byId) {
        Agency a = byId.get(p.agencyId());
        return new Summary(p.id(), p.code(), p.name(), a == null ? new AgencyRef(p.agencyId(), "", "") : new AgencyRef(a.id(), a.code(), a.name()),
                p.controlLevel(), p.category(), p.districtName(), p.startDate(), p.dueDate(), p.status(), p.closedOn(),
                p.plannedPct(), p.actualPct(), p.light(), p.totalBudget(), p.annualBudget(), p.executionRate(), p.lastMonth(), p.demo());
    }

    record Row(String key, String label, long green, long yellow, long red, long none, long closed, long total, BigDecimal budget) {
    }

    record Dashboard(Integer year, long green, long yellow, long red, long none, long closed, long total, BigDecimal budget,
                     List<Row> byAgency, List<Row> byDistrict) {
    }

    Dashboard dashboard(Filter f) {
        Map<Long, Agency> byId = agencyMap();
        List<Row> byAgency = new ArrayList<>();
        long g = 0, y = 0, r = 0, n = 0, c = 0;
        BigDecimal budget = BigDecimal.ZERO;
        for (ProjectStore.Tally t : store.tally(f, "agency_id")) {
            Agency a = byId.get(Long.parseLong(t.key()));
            byAgency.add(new Row(a == null ? t.key() : a.code(), a == null ? t.key() : a.name(), t.green(), t.yellow(), t.red(),
                    t.none(), t.closed(), t.total(), t.budget()));
            g += t.green();
            y += t.yellow();
            r += t.red();
            n += t.none();
            c += t.closed();
            budget = budget.add(t.budget());
        }
        byAgency.sort((a, b) -> Long.compare(b.red() * 1000 + b.yellow(), a.red() * 1000 + a.yellow()));
        List<Row> byDistrict = new ArrayList<>();
        for (ProjectStore.Tally t : store.tally(f, "district_name")) {
            byDistrict.add(new Row(t.key(), t.key().isEmpty() ? "（未定位）" : t.key(), t.green(), t.yellow(), t.red(), t.none(),
                    t.closed(), t.total(), t.budget()));
        }
        return new Dashboard(f.year(), g, y, r, n, c, g + y + r + n + c, budget, byAgency, byDistrict);
    }

    /**
     * A month of the series: the planned curve and the allocation of the budget in force in that month
     * ({@code budget}), what the standing report says, and the execution rate against that month's allocation.
     */
    record SeriesPoint(String month, BigDecimal planned, BigDecimal allocation, BigDecimal actual, BigDecimal spending,
                       String reportStatus, BigDecimal budget, BigDecimal executionRate) {
    }

    private record BudgetFrom(LocalDate fromMonth, BigDecimal oldTotal, BigDecimal newTotal) {
    }

    /** Month by month: the planned curve and allocation, and what the standing reports say. */
    List<SeriesPoint> series(long projectId) {
        Map<YearMonth, ProjectStore.Report> reports = new LinkedHashMap<>();
        for (ProjectStore.Report rep : store.reports(projectId)) {
            reports.put(YearMonth.from(rep.month()), rep);
        }
        BigDecimal current = store.find(projectId).map(Project::totalBudget).orElse(null);
        List<BudgetFrom> budgets = jdbc.sql("select from_month, old_total, new_total from projects_budget_change where project_id = ?"
                        + " order by from_month, id").param(projectId)
                .query((rs, i) -> new BudgetFrom(rs.getObject("from_month", LocalDate.class), rs.getBigDecimal("old_total"),
                        rs.getBigDecimal("new_total"))).list();
        java.util.function.Function<YearMonth, BigDecimal> budgetIn = ym -> {
            BigDecimal b = budgets.isEmpty() ? current : budgets.get(0).oldTotal();
            for (BudgetFrom bf : budgets) {
                if (!YearMonth.from(bf.fromMonth()).isAfter(ym)) {
                    b = bf.newTotal();
                }
            }
            return b;
        };
        List<SeriesPoint> out = new ArrayList<>();
        List<ProjectStore.PlanMonth> plan = store.plan(projectId);
        YearMonth last = plan.isEmpty() ? null : YearMonth.from(plan.get(plan.size() - 1).month());
        for (ProjectStore.PlanMonth pm : plan) {
            ProjectStore.Report rep = reports.remove(YearMonth.from(pm.month()));
            YearMonth ym = YearMonth.from(pm.month());
            out.add(point(ym, pm.plannedPct(), pm.allocation(), rep, budgetIn.apply(ym)));
        }
        // Reports after the planned end (a late project) continue the series at 100 % planned.
        for (Map.Entry<YearMonth, ProjectStore.Report> e : reports.entrySet()) {
            if (last != null && e.getKey().isAfter(last)) {
                out.add(point(e.getKey(), BigDecimal.valueOf(100), plan.get(plan.size() - 1).allocation(), e.getValue(),
                        budgetIn.apply(e.getKey())));
            }
        }
        return out;
    }

    private static SeriesPoint point(YearMonth ym, BigDecimal planned, BigDecimal allocation, ProjectStore.Report rep,
                                     BigDecimal budget) {
        boolean standing = rep != null && !"RETURNED".equals(rep.status());
        return new SeriesPoint(ym.toString(), planned, allocation, standing ? rep.actualPct() : null,
                standing ? rep.spending() : null, rep == null ? null : rep.status(), budget,
                standing ? WarningRules.executionRate(rep.spending(), allocation) : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
