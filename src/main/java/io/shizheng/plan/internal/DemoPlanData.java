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
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only: a year of generated, deterministic, labelled data behind the FY107 scorecard. The 14
 * manual indicators get approved monthly values; indicator 1.2 gets agencies' write activity in the audit
 * log (flagged demo), from which the system-usage metric computes it like any real activity.
 */
@Component
@Order(20)
class DemoPlanData implements ApplicationRunner {

    static final int YEAR = 2018;
    static final String NOTE = "示範資料（程式產生，非真實數據）/ generated demo data";
    private static final Logger log = LoggerFactory.getLogger(DemoPlanData.class);

    /** Month-by-month values (Jan..Dec) per indicator: the story the demo scorecard tells. */
    static final Map<String, double[]> SERIES = new LinkedHashMap<>();

    static {
        SERIES.put("1.1", new double[] {75.0, 76.5, 77.8, 78.2, 79.1, 80.1, 80.4, 81.0, 81.7, 82.0, 82.4, 82.6});
        SERIES.put("1.3", new double[] {96.9, 97.2, 97.0, 97.5, 97.3, 97.6, 97.4, 97.8, 97.5, 97.3, 97.6, 97.4});
        SERIES.put("1.4", new double[] {2_610_000, 5_420_000, 8_150_000, 11_020_000, 13_880_000, 16_700_000,
                19_530_000, 22_410_000, 25_260_000, 28_180_000, 31_600_000, 35_120_000});
        SERIES.put("1.5", new double[] {64, 73, 86, 80, 72, 82, 76, 88, 78, 84, 92, 87});
        SERIES.put("2.1", new double[] {0, 18, 64, 42, 118, 36, 0, 88, 40, 146, 52, 0});
        SERIES.put("2.2", new double[] {84.2, 85.0, 85.8, 86.1, 85.7, 86.3, 86.0, 86.4, 86.1, 86.5, 86.2, 86.2});
        SERIES.put("2.3", new double[] {81.2, 82.0, 82.6, 83.1, 82.8, 83.0, 83.5, 83.2, 83.6, 83.3, 83.5, 83.4});
        SERIES.put("2.4", new double[] {87.5, 88.0, 88.3, 88.1, 88.6, 88.4, 88.9, 88.7, 88.5, 88.8, 88.6, 88.6});
        SERIES.put("2.5", new double[] {3, 5, 4, 6, 2, 7, 5, 4, 6, 5, 3, 7});
        SERIES.put("2.6", new double[] {7_820, 6_950, 8_410, 8_030, 8_760, 8_290, 9_120, 8_840, 8_560, 9_310, 9_080, 9_650});
        SERIES.put("3.1", new double[] {0, 0, 2, 9, 12, 6, 1, 0, 0, 2, 1, 0});
        SERIES.put("3.2", new double[] {5, 5, 6, 6, 6, 7, 7, 8, 8, 9, 9, 10});
        SERIES.put("3.3", new double[] {0.4, 0.5, 0.6, 0.5, 0.7, 0.6, 0.8, 0.7, 0.9, 0.8, 0.8, 0.8});
        SERIES.put("3.4", new double[] {4, 4, 5, 5, 5, 6, 6, 6, 7, 7, 8, 8});
    }

    private final DemoMode demo;
    private final PlanStore plans;
    private final ManualValueStore values;
    private final AgencyDirectory agencies;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoPlanData(DemoMode demo, PlanStore plans, ManualValueStore values, AgencyDirectory agencies, AuditLog audit,
                 JdbcClient jdbc, TransactionTemplate tx) {
        this.demo = demo;
        this.plans = plans;
        this.values = values;
        this.agencies = agencies;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('plan.demo'))").query().singleRow();
            boolean seeded = jdbc.sql("select count(*) from plan_manual_value where demo").query(Long.class).single() > 0;
            if (seeded || plans.load(YEAR).isEmpty()) {
                return;
            }
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
            log.info("Seeded FY{} demo data: {} manual values, {} agency write events", YEAR - 1911, count, writes.size());
        });
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
