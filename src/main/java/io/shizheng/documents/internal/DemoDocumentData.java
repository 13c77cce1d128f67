package io.shizheng.documents.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CopyWriter;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.WorkingDayCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a year (2018) of generated document records for every first-level agency and district office,
 * 1,500,000 × scale, with on-time rates around 96–98.5% (a few agencies below the 97% target, February and
 * December harder), plus the last weeks before today so that the overdue list is alive; and a year of quality
 * inspections. Fixed seed, flagged demo, loaded with COPY.
 */
@Component
class DemoDocumentData implements DemoData {

    static final int YEAR = 2018;
    static final int REALISTIC_PER_YEAR = 1_500_000;
    /** Agencies whose demo rate sits below the target, so that the report has something to show. */
    private static final Map<String, Double> LATE_SHARE = Map.of("URBAN", 0.047, "TRANS", 0.036, "D66000280", 0.041,
            "LAND", 0.033, "D66000080", 0.034, "EDU", 0.031);
    private static final String[] FIRST_LEVEL_UNITS = {"秘書室", "人事室", "會計室", "政風室", "綜合企劃科", "業務一科", "業務二科", "業務三科"};
    private static final String[] DISTRICT_UNITS = {"民政課", "社會課", "經建課", "人文課", "行政課", "秘書室", "人事室", "會計室"};
    private static final String[] TOPICS = {"函轉中央法規修正", "辦理年度業務檢討會議", "人民申請案件會勘", "陳情道路坑洞修補",
            "補助經費核撥", "採購案履約爭議", "轄內設施維護", "議員質詢事項答復", "志工招募計畫", "活動場地借用",
            "里民陳情路燈故障", "年度預算執行", "公共工程督導", "交通號誌調整", "環境稽查結果", "災害防救演練"};
    private static final String[] TITLES = {"有關", "檢送", "函轉", "請查照", "為"};
    private static final OverdueReason[] REASONS = {OverdueReason.MULTI_UNIT, OverdueReason.MULTI_UNIT,
            OverdueReason.COMPLEX, OverdueReason.COMPLEX, OverdueReason.COMPLEX, OverdueReason.STAFFING,
            OverdueReason.AWAITING_PARTY, OverdueReason.AWAITING_PARTY, OverdueReason.SYSTEM, OverdueReason.OTHER};

    private final DemoMode demo;
    private final AgencyDirectory agencies;
    private final WorkingDayCalendar calendar;
    private final DeadlineRules rules;
    private final ClosureCounts counts;
    private final DemoInspections inspections;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Clock clock;

    DemoDocumentData(DemoMode demo, AgencyDirectory agencies, WorkingDayCalendar calendar, DeadlineRules rules,
                     ClosureCounts counts, DemoInspections inspections, AuditLog audit, JdbcClient jdbc,
                     DataSource dataSource, Clock clock) {
        this.demo = demo;
        this.agencies = agencies;
        this.calendar = calendar;
        this.rules = rules;
        this.counts = counts;
        this.inspections = inspections;
        this.audit = audit;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    public String seededTable() {
        return "documents_document";
    }

    @Override
    public String seed() {
        int n = seedDocuments();
        counts.rebuildAll();
        int visits = inspections.seed();
        audit.record("documents.demo-data", YEAR, AuditAction.CREATE, null,
                Map.of("documents", n, "inspections", visits, "note", "示範資料（程式產生）/ generated demo data"));
        return n + " demo documents and " + visits + " inspections";
    }

    private record Target(Agency agency, double weight, double lateShare, String[] units) {
    }

    private int seedDocuments() {
        Random random = new Random(1070);
        List<Target> targets = new ArrayList<>();
        double sum = 0;
        for (Agency a : agencies.all()) {
            if (!a.active() || (a.kind() != AgencyKind.FIRST_LEVEL && a.kind() != AgencyKind.DISTRICT_OFFICE)) {
                continue;
            }
            boolean district = a.kind() == AgencyKind.DISTRICT_OFFICE;
            double weight = (district ? 0.6 : 1.0) * (0.5 + random.nextDouble() * 1.5);
            if (List.of("CONST", "EDU", "URBAN", "SOCIAL", "POLICE", "TRANS", "EPB", "LAND").contains(a.code())) {
                weight *= 2.2;
            }
            double late = LATE_SHARE.getOrDefault(a.code(), 0.014 + random.nextDouble() * 0.016);
            targets.add(new Target(a, weight, late, district ? DISTRICT_UNITS : FIRST_LEVEL_UNITS));
            sum += weight;
        }
        LocalDate today = LocalDate.now(clock);
        List<LocalDate> yearDays = workingDays(LocalDate.of(YEAR, 1, 2), LocalDate.of(YEAR, 12, 28));
        // The last weeks before today: the open and overdue documents a user sees now.
        List<LocalDate> recentDays = workingDays(today.minusDays(40), today);
        int perYear = demo.scaled(REALISTIC_PER_YEAR, 2000);
        int recent = (int) Math.round(perYear * recentDays.size() / (double) yearDays.size());
        DeadlineRules.Bulk bulk = rules.bulk();
        Connection con = DataSourceUtils.getConnection(dataSource);
        jdbc.sql("create temp table documents_demo_ext (doc_no text, seq int, days int, reason text) on commit drop").update();
        CopyWriter ext = CopyWriter.buffered();
        int count = 0;
        int[] serial = new int[targets.size()];
        try (CopyWriter docs = CopyWriter.into(con, "documents_document", """
                doc_no, agency_id, unit, doc_type, priority, subject, received_on, set_deadline, closed_on,
                extension_count, extension_days, project_control, deadline_rule, base_deadline, deadline, on_time,
                overdue_reason, demo""")) {
            for (int pass = 0; pass < 2; pass++) {
                List<LocalDate> days = pass == 0 ? yearDays : recentDays;
                int n = pass == 0 ? perYear : recent;
                for (int k = 0; k < targets.size(); k++) {
                    Target target = targets.get(k);
                    int share = (int) Math.round(n * target.weight() / sum);
                    for (int i = 0; i < share; i++) {
                        LocalDate received = days.get(random.nextInt(days.size()));
                        String docNo = target.agency().code() + "-" + (received.getYear() - 1911)
                                + "%07d".formatted(++serial[k] + (pass == 0 ? 0 : 5_000_000));
                        appendDoc(docs, ext, random, target, docNo, received, today, bulk);
                        count++;
                    }
                }
            }
            docs.finish();
        }
        ext.copy(con, "documents_demo_ext", null);
        jdbc.sql("""
                insert into documents_extension (document_id, seq, days, reason, source, granted_by)
                select d.id, e.seq, e.days, e.reason, 'IMPORT', '示範資料 demo' from documents_demo_ext e
                join documents_document d on d.doc_no = e.doc_no""").update();
        return count;
    }

    private void appendDoc(CopyWriter b, CopyWriter ext, Random random, Target target, String docNo,
                           LocalDate received, LocalDate today, DeadlineRules.Bulk bulk) {
        int typeRoll = random.nextInt(100);
        DocType type = typeRoll < 55 ? DocType.INCOMING : typeRoll < 80 ? DocType.OUTGOING : typeRoll < 88 ? DocType.PETITION : DocType.APPLICATION;
        int pr = random.nextInt(100);
        Priority priority = pr < 5 ? Priority.MOST_URGENT : pr < 20 ? Priority.URGENT : Priority.ORDINARY;
        LocalDate setDeadline = null;
        if (random.nextInt(100) < 10) {
            setDeadline = received.plusDays(random.nextInt(100) < 2 ? -1 - random.nextInt(3) : 3 + random.nextInt(18));
        }
        boolean projectControl = random.nextInt(1000) < 3;
        List<Integer> extensions = new ArrayList<>(3);
        if (random.nextInt(100) < 4) {
            int times = 1 + random.nextInt(3);
            int left = rules.maxExtensionDays();
            for (int e = 0; e < times && left > 0; e++) {
                int d = Math.min(left, 3 + random.nextInt(8));
                extensions.add(d);
                left -= d;
            }
        }
        int extensionDays = extensions.stream().mapToInt(Integer::intValue).sum();
        DeadlineRules.Deadline deadline = bulk.compute(received, priority, setDeadline, extensionDays);
        int month = received.getMonthValue();
        double lateShare = target.lateShare() * (month == 2 ? 1.45 : month == 12 ? 1.25 : month == 7 ? 1.1 : 1.0);
        boolean late = random.nextDouble() < lateShare;
        LocalDate closed;
        if (projectControl) {
            closed = received.plusDays(30 + random.nextInt(70));
        } else if (late) {
            int over = 1 + (int) Math.floor(-Math.log(1 - random.nextDouble()) * 4);
            closed = deadline.deadline().plusDays(over);
        } else {
            long span = Math.max(0, deadline.deadline().toEpochDay() - received.toEpochDay());
            closed = received.plusDays((long) Math.floor(span * Math.pow(random.nextDouble(), 1.6)));
        }
        if (closed.isAfter(today)) {
            closed = null;
        }
        Boolean onTime = closed == null ? null : DeadlineRules.onTime(closed, deadline.deadline());
        String reason = null;
        boolean overdue = closed == null ? deadline.deadline().isBefore(today) : !onTime;
        if (overdue && !projectControl && random.nextInt(100) < 80) {
            reason = REASONS[random.nextInt(REASONS.length)].name();
        }
        String unit = target.units()[random.nextInt(target.units().length)];
        String subject = "（示範）" + TITLES[random.nextInt(TITLES.length)] + TOPICS[random.nextInt(TOPICS.length)] + "一案";
        b.text(docNo).number(target.agency().id()).text(unit).text(type.name()).text(priority.name()).text(subject)
                .value(received).value(setDeadline).value(closed).number(extensions.size()).number(extensionDays)
                .bool(projectControl).text(deadline.rule().name()).value(deadline.base()).value(deadline.deadline())
                .bool(onTime).text(reason).bool(true).end();
        for (int e = 0; e < extensions.size(); e++) {
            ext.row(docNo, e + 1, extensions.get(e), "（示範）會辦單位意見待整合 / demo");
        }
    }

    private List<LocalDate> workingDays(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            if (calendar.isWorkingDay(d)) {
                days.add(d);
            }
        }
        return days;
    }
}
