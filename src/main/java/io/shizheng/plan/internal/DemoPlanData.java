package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a year of generated, deterministic, labelled data behind the FY107 scorecard. The 14
 * manual indicators get approved monthly values; indicator 1.2 gets agencies' write activity in the audit
 * log (flagged demo), from which the system-usage metric computes it like any real activity.
 */
@Component
class DemoPlanData implements DemoData {

    static final int YEAR = 2018;
    static final String NOTE = "示範資料（程式產生，非真實數據）/ generated demo data";

    /** Month-by-month values (Jan..Dec) per indicator: the story the demo scorecard tells. */
    static final Map<String, double[]> SERIES = new LinkedHashMap<>();

    static {
        for (CsvSource.Row r : DemoData.table("plan-series.csv")) {
            double[] months = new double[12];
            for (int m = 1; m <= 12; m++) {
                months[m - 1] = Double.parseDouble(r.get("m" + m));
            }
            SERIES.put(r.get("indicator"), months);
        }
    }

    private final DemoMode demo;
    private final PlanStore plans;
    private final ManualValueStore values;
    private final AgencyDirectory agencies;
    private final AuditLog audit;

    DemoPlanData(DemoMode demo, PlanStore plans, ManualValueStore values, AgencyDirectory agencies, AuditLog audit) {
        this.demo = demo;
        this.plans = plans;
        this.values = values;
        this.agencies = agencies;
        this.audit = audit;
    }

    @Override
    public int order() {
        return FIRST;
    }

    @Override
    public String seededTable() {
        return "plan_manual_value";
    }

    @Override
    public boolean seeded(JdbcClient jdbc) {
        return DemoData.super.seeded(jdbc)
                || plans.load(YEAR).isEmpty();
    }

    @Override
    public String seed() {
        PlanDocument plan = plans.load(YEAR).orElseThrow();
        int count = 0;
        for (PlanDocument.Indicator indicator : plan.indicators()) {
            double[] series = SERIES.get(indicator.code());
            if (series == null || !indicator.manual()) {
                continue;
            }
            long indicatorId = plans.indicatorId(YEAR, indicator.code()).orElseThrow();
            String owner = indicator.ownerAgencyId() == null ? "研考會"
                    : agencies.find(indicator.ownerAgencyId()).map(Agency::name).orElse("").replace("臺中市政府", "");
            for (int m = 1; m <= 12; m++) {
                long id = values.upsert(indicatorId, LocalDate.of(YEAR, m, 1),
                        BigDecimal.valueOf(series[m - 1]).setScale(2, RoundingMode.HALF_UP), NOTE, null,
                        indicator.ownerAgencyId(), null, owner + "承辦（示範）", true, ManualValueStore.ValueStatus.PENDING);
                values.review(id, ManualValueStore.ValueStatus.APPROVED, "研考會承辦（示範）", null);
                count++;
            }
        }
        List<AuditLog.DemoWrite> writes = agencyActivity();
        audit.recordDemoHistory(writes);
        audit.record("plan.demo-data", YEAR, AuditAction.CREATE, null,
                Map.of("manualValues", count, "auditActivity", writes.size(), "note", NOTE));
        return "FY" + (YEAR - 1911) + " demo data: " + count + " manual values, " + writes.size() + " agency write events";
    }

    /**
     * First-level agencies take up the system over the first half of 2018: most from January, the last in
     * July; once in, an agency writes in most months. Fixed seed: the same history every time.
     */
    List<AuditLog.DemoWrite> agencyActivity() {
        Random random = new Random(107);
        String[] kinds = {"projects.progress-report", "plan.manual-value", "documents.overdue-review",
                "cases.petition-reply", "projects.resolution-reply"};
        List<AuditLog.DemoWrite> writes = new ArrayList<>();
        List<Agency> firstLevel = agencies.firstLevel();
        for (int k = 0; k < firstLevel.size(); k++) {
            Agency a = firstLevel.get(k);
            int adoption = k < 24 ? 1 : k - 22;
            for (int m = adoption; m <= 12; m++) {
                if (m > adoption && random.nextInt(100) < 8) {
                    continue;
                }
                int n = 3 + random.nextInt(30);
                for (int w = 0; w < n; w++) {
                    LocalDate day = workingDay(m, random);
                    LocalTime time = LocalTime.of(8 + random.nextInt(9), random.nextInt(60));
                    String kind = kinds[random.nextInt(kinds.length)];
                    writes.add(new AuditLog.DemoWrite(ZonedDateTime.of(day, time, RocDate.TAIPEI).toInstant(), null,
                            "officer." + a.code().toLowerCase(), a.id(), w % 4 == 0 ? AuditAction.CREATE : AuditAction.UPDATE,
                            kind, "demo-" + (m * 1000 + w),
                            "{\"demo\":true,\"note\":\"示範資料：模擬機關於管考系統之填報 / generated demo activity\"}"));
                }
            }
        }
        return writes;
    }

    private static LocalDate workingDay(int month, Random random) {
        LocalDate d = LocalDate.of(YEAR, month, 1 + random.nextInt(LocalDate.of(YEAR, month, 1).lengthOfMonth()));
        int back = d.getDayOfWeek() == DayOfWeek.SATURDAY ? 1 : d.getDayOfWeek() == DayOfWeek.SUNDAY ? 2 : 0;
        // Weekends move back to Friday, or forward to Monday at the start of a month.
        if (back > 0) {
            d = d.getDayOfMonth() > back ? d.minusDays(back) : d.plusDays(3 - back);
        }
        return d;
    }
}
