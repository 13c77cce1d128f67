package io.shizheng.cases.internal;

import java.sql.Connection;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import javax.sql.DataSource;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CopyWriter;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import io.shizheng.platform.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a year (2018) of generated cases across channels, types and categories at Taichung's volume
 * (times the demo scale), with points inside the city, dispatch, hand-overs, extensions, replies and ratings,
 * plus the last three weeks so that inboxes have live deadlines; the agents' knowledge base; the Open311 demo key.
 * Fixed seed, flagged demo, written with COPY.
 */
@Component
class DemoCaseData implements DemoData {

    static final int YEAR = 2018;
    /** Cases a year at realistic volume (1999 calls that became cases, mailbox, letters, counters, apps). */
    static final int CASES_PER_YEAR = 120_000;
    private static final Logger log = LoggerFactory.getLogger(DemoCaseData.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Catalogue catalogue;
    private final Dispatcher dispatcher;
    private final Deadlines deadlines;
    private final WorkingDayCalendar calendar;
    private final GeoLookup geo;
    private final AgencyDirectory agencies;
    private final Open311Keys keys;
    private final AuditLog audit;
    private final Clock clock;

    DemoCaseData(DemoMode demo, JdbcClient jdbc, DataSource dataSource, Catalogue catalogue,
                 Dispatcher dispatcher, Deadlines deadlines, WorkingDayCalendar calendar, GeoLookup geo,
                 AgencyDirectory agencies, Open311Keys keys, AuditLog audit, Clock clock) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.catalogue = catalogue;
        this.dispatcher = dispatcher;
        this.deadlines = deadlines;
        this.calendar = calendar;
        this.geo = geo;
        this.agencies = agencies;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void ensure() {
        keys.ensure("示範 Open311 用戶端 / demo Open311 client", Open311Keys.DEMO_KEY, true);
    }

    @Override
    public String seededTable() {
        return "cases_case";
    }

    @Override
    public String seed() {
        int faqs = seedFaq();
        Stats st = seedCases();
        audit.record("cases.demo-data", YEAR, AuditAction.CREATE, null,
                Map.of("cases", st.cases, "citizens", st.citizens, "hops", st.hops, "faq", faqs,
                        "note", "示範資料（程式產生，非真實數據）/ generated demo data"));
        return "demo cases: " + st.cases + " cases, " + st.citizens + " citizens, " + st.hops + " hops, " + faqs + " FAQ answers";
    }

    private record Stats(int cases, int citizens, int hops) {
    }

    // ------------------------------------------------------------------ generation tables

    static final String[] ROADS = {"台灣大道", "文心路", "五權路", "健行路", "崇德路", "河南路", "西屯路", "大墩路",
            "公益路", "美村路", "精誠路", "英才路", "三民路", "北屯路", "東山路", "中清路", "向上路", "黎明路", "環中路",
            "大雅路", "中山路", "復興路", "建國路", "太原路", "福科路", "市政路", "惠中路", "永春東路", "梅川東路", "青海路"};
    private static final String[] SURNAMES = {"陳", "林", "黃", "張", "李", "王", "吳", "劉", "蔡", "楊", "許", "鄭", "謝", "洪", "郭", "邱", "曾", "廖", "賴", "徐"};
    private static final String[] GIVEN = {"志明", "淑芬", "家豪", "美玲", "冠宇", "雅婷", "建宏", "怡君", "俊傑", "佳蓉",
            "宗翰", "詩涵", "承恩", "欣怡", "明哲", "惠如", "柏翰", "玉珍", "信宏", "曉雯"};

    /** Where reports come from: district centres (lon, lat) weighted roughly by population. */
    static final double[][] CENTRES = {
            {120.6420, 24.1700, 14}, {120.6900, 24.1800, 12}, {120.6300, 24.1380, 9}, {120.6800, 24.1420, 3},
            {120.6950, 24.1360, 4}, {120.6640, 24.1220, 6}, {120.6660, 24.1450, 6}, {120.6840, 24.1600, 8},
            {120.7200, 24.2510, 6}, {120.6800, 24.1000, 7}, {120.7250, 24.1300, 6}, {120.5650, 24.2300, 3},
            {120.5700, 24.2700, 3}, {120.6250, 24.3450, 2}, {120.6350, 24.1030, 3}, {120.7050, 24.2100, 3},
            {120.6500, 24.2250, 3}, {120.6980, 24.0620, 2}, {120.5500, 24.1950, 2}, {120.5300, 24.2500, 2},
            {120.7050, 24.3100, 1}, {120.6700, 24.2650, 2}};

    private static final Map<String, String[]> TEXTS = Map.ofEntries(
            Map.entry("STREETLIGHT", new String[] {"%s%d號前路燈不亮，晚上很暗，請儘速修復。", "%s%d號附近路燈一直閃爍已經好幾天，請派員檢修。",
                    "%s%d號旁路燈白天也亮著，浪費電。"}),
            Map.entry("POTHOLE", new String[] {"%s%d號前路面有坑洞，機車經過很危險。", "%s%d號附近柏油破損，下雨積水，請修補路面。",
                    "%s%d號前人孔蓋高低不平，騎車顛簸。"}),
            Map.entry("PARKING", new String[] {"%s%d號前有車輛長時間違規停車，占用車道。", "%s%d號人行道上停滿機車，行人無法通行。",
                    "%s%d號前紅線違停，造成交通堵塞。"}),
            Map.entry("SIGNAL", new String[] {"%s%d號前路口紅綠燈故障，交通混亂。", "%s%d號附近行人號誌秒數太短，長者來不及過馬路。"}),
            Map.entry("NOISE", new String[] {"%s%d號附近工地清晨就開始施工，噪音很大。", "%s%d號一帶店家音響太大聲到深夜，影響住戶安寧。",
                    "%s%d號旁工廠機器運轉噪音擾人。"}),
            Map.entry("LITTER", new String[] {"%s%d號旁空地有人亂丟垃圾，發出惡臭。", "%s%d號附近有大型廢棄家具棄置在路邊。",
                    "%s%d號前垃圾堆積多日無人清理。"}),
            Map.entry("DRAIN", new String[] {"%s%d號前側溝堵塞，下雨就積水。", "%s%d號附近水溝有異味，疑似堵塞請清淤。"}),
            Map.entry("TREE", new String[] {"%s%d號前路樹傾斜快倒了，請派員處理。", "%s%d號旁樹枝過長遮住號誌，請修剪。"}),
            Map.entry("NEIGHBOURHOOD", new String[] {"%s%d巷內巷道路面不平，請區公所協助整修。", "%s%d號附近鄰里公園設施損壞，請修理。"}),
            Map.entry("WELFARE", new String[] {"請問家中長輩申請長照服務的流程與資格？", "想了解低收入戶生活補助的申請資格與應備文件。",
                    "身心障礙者停車證如何申請？", "育兒津貼何時撥款？"}),
            Map.entry("OTHER", new String[] {"建議市府增加%s沿線公車班次（約%d號附近站牌）。", "希望%s%d號附近增設公共自行車站。",
                    "請問%s%d號附近的市民活動中心開放時間？"}));

    private static final Map<String, String> REPLIES = Map.ofEntries(
            Map.entry("STREETLIGHT", "經派員查修，路燈已更換燈具並恢復正常照明。"),
            Map.entry("POTHOLE", "經派員現場勘查，已完成坑洞修補，路面恢復平整。"),
            Map.entry("PARKING", "已派員前往取締違規停車並加強該路段巡邏。"),
            Map.entry("SIGNAL", "號誌已完成檢修，秒數已重新調整。"),
            Map.entry("NOISE", "已派員稽查並告誡業者改善，後續將持續追蹤。"),
            Map.entry("LITTER", "已派清潔隊清除並加強巡查，違規棄置者將依法告發。"),
            Map.entry("DRAIN", "已完成側溝清淤，排水恢復順暢。"),
            Map.entry("TREE", "已派員扶正並修剪路樹，確保通行安全。"),
            Map.entry("NEIGHBOURHOOD", "區公所已派員勘查並排入里內維護工程辦理。"),
            Map.entry("WELFARE", "已由承辦人員以電話說明申請流程與應備文件。"),
            Map.entry("OTHER", "感謝您的建議，已轉請相關單位評估辦理。"));

    // ------------------------------------------------------------------ cases

    private Stats seedCases() {
        Random r = new Random(1999);
        Map<String, Category> cats = catalogue.categoryMap();
        Map<String, CaseType> types = new HashMap<>();
        catalogue.types().forEach(t -> types.put(t.code(), t));
        long rdec = dispatcher.rdec().map(Agency::id).orElseThrow();
        List<Agency> allAgencies = agencies.all();
        List<Agency> reportAgencies = new ArrayList<>();
        for (String code : List.of("CONST", "EPB", "WATER", "TRANS", "POLICE")) {
            agencies.findByCode(code).ifPresent(reportAgencies::add);
        }
        int yearCases = demo.scaled(CASES_PER_YEAR, 400);
        LocalDate today = LocalDate.now(clock.withZone(RocDate.TAIPEI));
        int recentCases = demo.scaled(CASES_PER_YEAR * 21 / 365, 60);
        int total = yearCases + recentCases;

        long caseBase = reserve("cases_case_id_seq", total);
        long citizenBase = reserve("cases_citizen_id_seq", total);
        CopyWriter caseRows = CopyWriter.buffered();
        CopyWriter citizenRows = CopyWriter.buffered();
        CopyWriter hopRows = CopyWriter.buffered();
        List<long[]> citizens = new ArrayList<>();          // {id} of citizens made so far, for repeat callers
        List<double[]> hotspots = new ArrayList<>();        // {lon, lat, categoryIndex, epochDay}
        List<String> reportCats = List.of("STREETLIGHT", "POTHOLE", "PARKING", "SIGNAL", "NOISE", "LITTER", "DRAIN", "TREE", "NEIGHBOURHOOD");
        int[] reportWeights = {20, 17, 22, 5, 10, 15, 6, 2, 3};
        Instant now = clock.instant();

        long startGen = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long id = caseBase + i;
            boolean recent = i >= yearCases;
            LocalDate day = recent ? today.minusDays(r.nextInt(21)) : dayOf2018(r);
            LocalTime time = LocalTime.of(calendar.isWorkingDay(day) ? 7 + r.nextInt(16) : 9 + r.nextInt(12), r.nextInt(60), r.nextInt(60));
            Instant received = ZonedDateTime.of(day, time, RocDate.TAIPEI).toInstant();
            if (received.isAfter(now)) {
                received = now.minusSeconds(60 + r.nextInt(3600));
                day = LocalDate.ofInstant(received, RocDate.TAIPEI);
            }
            int roll = r.nextInt(100);
            String type = roll < 45 ? "REPORT" : roll < 70 ? "PETITION" : roll < 90 ? "ENQUIRY" : roll < 97 ? "NOTIFICATION" : "TRANSFER";
            Channel channel = channel(type, r);
            String catCode;
            if (type.equals("REPORT") || type.equals("NOTIFICATION") || r.nextInt(100) < 55) {
                catCode = reportCats.get(weighted(reportWeights, r));
            } else {
                catCode = r.nextBoolean() ? "WELFARE" : "OTHER";
            }
            Category cat = cats.get(catCode);
            Double lon = null;
            Double lat = null;
            Optional<Place> place = Optional.empty();
            if (cat.needsLocation()) {
                double[] p = null;
                if (!hotspots.isEmpty() && r.nextInt(100) < 8) {
                    // the same spot again within days: what duplicate detection is for
                    double[] h = hotspots.get(hotspots.size() - 1 - r.nextInt(Math.min(200, hotspots.size())));
                    if (reportCats.get((int) h[2]).equals(catCode)) {
                        p = new double[] {h[0] + (r.nextDouble() - 0.5) * 0.0003, h[1] + (r.nextDouble() - 0.5) * 0.0003};
                    }
                }
                for (int attempt = 0; attempt < 6 && place.isEmpty(); attempt++) {
                    if (p == null || attempt > 0) {
                        double[] c = CENTRES[weighted(CENTRES, r)];
                        p = new double[] {c[0] + r.nextGaussian() * 0.012, c[1] + r.nextGaussian() * 0.010};
                    }
                    place = geo.locate(p[0], p[1]);
                }
                if (place.isPresent()) {
                    lon = Math.round(p[0] * 1e6) / 1e6;
                    lat = Math.round(p[1] * 1e6) / 1e6;
                    hotspots.add(new double[] {lon, lat, reportCats.indexOf(catCode), day.toEpochDay()});
                }
            }
            String road = ROADS[r.nextInt(ROADS.length)];
            int no = 1 + r.nextInt(800);
            String[] texts = TEXTS.get(catCode);
            String text = texts[r.nextInt(texts.length)];
            String description = text.contains("%") ? text.formatted(road, no) : text;
            String address = lon == null ? null : "臺中市" + place.get().districtName() + road + no + "號";

            // citizen: anonymous reports are allowed; petitions mostly name someone
            Long citizenId = null;
            ReplyBy replyBy = ReplyBy.NONE;
            boolean named = switch (type) {
                case "PETITION" -> r.nextInt(100) < 90;
                case "REPORT" -> r.nextInt(100) < 55;
                default -> r.nextInt(100) < 45;
            };
            if (named) {
                if (!citizens.isEmpty() && r.nextInt(100) < 15) {
                    citizenId = citizens.get(r.nextInt(citizens.size()))[0];
                    replyBy = ReplyBy.PHONE;
                } else {
                    citizenId = citizenBase + citizens.size();
                    String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)];
                    String phone = "09" + String.format("%08d", r.nextInt(100_000_000));
                    boolean mail = channel == Channel.MAILBOX || channel == Channel.EMAIL || channel == Channel.OPEN311 || r.nextInt(100) < 20;
                    String email = mail ? "demo" + citizenId + "@example.invalid" : null;
                    String idNo = type.equals("PETITION") && r.nextInt(100) < 40
                            ? "" + (char) ('A' + r.nextInt(26)) + (1 + r.nextInt(2)) + String.format("%08d", r.nextInt(100_000_000)) : null;
                    String home = type.equals("PETITION") || channel == Channel.LETTER
                            ? "臺中市" + place.map(Place::districtName).orElse("西屯區") + ROADS[r.nextInt(ROADS.length)] + (1 + r.nextInt(500)) + "號" : null;
                    citizenRows.row(citizenId, name, idNo, phone, email, home, OffsetDateTime.ofInstant(received, RocDate.TAIPEI), true);
                    citizens.add(new long[] {citizenId});
                    replyBy = email != null ? ReplyBy.EMAIL : channel == Channel.LETTER && home != null ? ReplyBy.LETTER : ReplyBy.PHONE;
                }
            }

            CaseType ct = types.get(type);
            Agency competent = Dispatcher.competent(cat, place, allAgencies);
            LocalDate due = deadlines.replyDue(ct, day);
            String caseNo = CaseService.caseNo(day, id);
            String verify = "%06d".formatted(r.nextInt(1_000_000));
            List<Object[]> hops = new ArrayList<>();
            hops.add(new Object[] {received, "INTAKE", null, null, channel.label(), channel == Channel.PHONE ? "agent" : "system"});

            long agencyId = competent.id();
            Instant cursor = received.plusSeconds(30 + r.nextInt(600));
            if (!type.equals("ENQUIRY") && r.nextInt(100) < 4 && !reportAgencies.isEmpty()) {
                // first sent to the wrong bureau, handed on within a working day
                Agency wrong = reportAgencies.get(r.nextInt(reportAgencies.size()));
                if (wrong.id() != competent.id()) {
                    hops.add(new Object[] {cursor, "DISPATCH", null, wrong.id(), cat.label(), "agent"});
                    cursor = workTime(calendar.addWorkingDays(day, 1), r);
                    hops.add(new Object[] {cursor, "HAND_ON", wrong.id(), competent.id(),
                            "非本機關權責，移請" + competent.name() + "辦理 / not ours, handed on", "officer." + wrong.code().toLowerCase()});
                } else {
                    hops.add(new Object[] {cursor, "DISPATCH", null, agencyId, cat.label(), "agent"});
                }
            } else if (!type.equals("ENQUIRY")) {
                hops.add(new Object[] {cursor, "DISPATCH", null, agencyId, cat.label(), "agent"});
            }

            String status;
            Instant closedAt = null;
            String reply = null;
            ClosingCategory closing = null;
            LocalDate extendedDue = null;
            String extensionReason = null;
            Instant escalatedAt = null;
            Integer rating = null;
            Instant ratedAt = null;
            int reopen = 0;
            if (type.equals("ENQUIRY")) {
                agencyId = rdec;
                hops.add(new Object[] {cursor, "DISPATCH", null, rdec, cat.label(), "agent"});
                closedAt = received.plusSeconds(60 + r.nextInt(400));
                closing = ClosingCategory.ANSWERED;
                reply = "話務人員依知識庫當場答復：" + REPLIES.get(catCode);
            } else {
                if (r.nextInt(100) < 5) {
                    extendedDue = deadlines.extended(due);
                    extensionReason = r.nextBoolean() ? "需會同相關機關現場會勘 / a joint site visit is needed"
                            : "需編列預算辦理 / the work needs funding first";
                    hops.add(new Object[] {workTime(calendar.addWorkingDays(day, Math.max(1, ct.replyDays() - 1)), r), "EXTEND",
                            agencyId, null, extensionReason, "officer"});
                }
                LocalDate limit = extendedDue != null ? extendedDue : due;
                int span = Math.max(1, calendar.workingDaysBetween(day, limit));
                // most replies inside the deadline; about 7 % late
                int after = r.nextInt(100) < 93 ? 1 + r.nextInt(span) : span + 1 + r.nextInt(5);
                LocalDate closeDay = calendar.addWorkingDays(day, after);
                closedAt = workTime(closeDay, r);
                if (closedAt.isBefore(cursor)) {
                    closedAt = cursor.plusSeconds(3600);
                }
                if (closeDay.isAfter(limit)) {
                    escalatedAt = workTime(calendar.addWorkingDays(limit, 1), r);
                }
                closing = r.nextInt(100) < 80 ? ClosingCategory.RESOLVED : r.nextInt(3) == 0 ? ClosingCategory.SCHEDULED
                        : r.nextInt(2) == 0 ? ClosingCategory.EXPLAINED : ClosingCategory.UNABLE;
                reply = REPLIES.get(catCode);
            }
            if (closedAt != null && closedAt.isAfter(now)) {
                status = "OPEN";
                closedAt = null;
                reply = null;
                closing = null;
                if (escalatedAt != null && escalatedAt.isAfter(now)) {
                    escalatedAt = null;
                }
                if (escalatedAt == null && today.isAfter(extendedDue != null ? extendedDue : due)) {
                    escalatedAt = workTime(calendar.addWorkingDays(extendedDue != null ? extendedDue : due, 1), r);
                    if (escalatedAt.isAfter(now)) {
                        escalatedAt = now;
                    }
                }
            } else {
                status = "CLOSED";
            }
            if (escalatedAt != null) {
                hops.add(new Object[] {escalatedAt, "ESCALATE", agencyId, null, "逾期通知主管 / escalated", "system"});
            }
            if (status.equals("CLOSED")) {
                hops.add(new Object[] {closedAt, "CLOSE", agencyId, null, closing.label() + " · " + replyBy.label(),
                        type.equals("ENQUIRY") ? "agent" : "officer"});
                if (citizenId != null && r.nextInt(100) < 1 && !type.equals("ENQUIRY")) {
                    Instant reopenAt = closedAt.plus(Duration.ofDays(1 + r.nextInt(5)));
                    Instant second = reopenAt.plus(Duration.ofDays(2 + r.nextInt(4)));
                    if (second.isBefore(now)) {
                        hops.add(new Object[] {reopenAt, "REOPEN", null, agencyId, "問題仍未解決 / not fixed yet", "citizen"});
                        hops.add(new Object[] {second, "CLOSE", agencyId, null, ClosingCategory.RESOLVED.label(), "officer"});
                        closedAt = second;
                        reopen = 1;
                        reply = "再次派員處理：" + reply;
                    }
                }
                if (citizenId != null && !type.equals("ENQUIRY") && r.nextInt(100) < 55) {
                    int x = r.nextInt(100);
                    rating = x < 42 ? 5 : x < 73 ? 4 : x < 88 ? 3 : x < 95 ? 2 : 1;
                    ratedAt = closedAt.plus(Duration.ofHours(2 + r.nextInt(60)));
                    if (ratedAt.isAfter(now)) {
                        rating = null;
                        ratedAt = null;
                    } else {
                        hops.add(new Object[] {ratedAt, "RATE", null, null, rating + " / 5", "citizen"});
                    }
                }
            }
            String attributes = "{}";
            if (catCode.equals("STREETLIGHT")) {
                attributes = "{\"light_state\":\"" + (new String[] {"off", "flicker", "day"})[r.nextInt(3)] + "\"}";
            }
            Instant updated = hops.stream().map(h -> (Instant) h[0]).max(Instant::compareTo).orElse(received);
            caseRows.row(id, caseNo, verify, type, channel.name(), catCode, description, lon, lat, address,
                    place.map(Place::districtCode).orElse(null), place.map(Place::districtName).orElse(null),
                    place.map(Place::villageCode).orElse(null), place.map(Place::villageName).orElse(null), citizenId,
                    replyBy.name(), agencyId, status, ts(received), day, due, extendedDue, extensionReason, ts(escalatedAt),
                    ts(closedAt), reply, closing == null ? null : closing.name(), rating, ts(ratedAt), reopen,
                    "demo-" + id, attributes, ts(updated), true);
            for (Object[] h : hops) {
                hopRows.row(id, ts((Instant) h[0]), h[1], h[2], h[3], h[4], h[5], true);
            }
        }
        long generated = System.nanoTime();
        Connection con = DataSourceUtils.getConnection(dataSource);
        citizenRows.copy(con, "cases_citizen", "id, name, id_number, phone, email, address, created_at, demo");
        caseRows.copy(con, "cases_case", "id, case_no, verify_code, type, channel, category_code, description, lon, lat, "
                + "address, district_code, district_name, village_code, village_name, citizen_id, reply_by, agency_id, status, "
                + "received_at, received_on, due_on, extended_due_on, extension_reason, escalated_at, closed_at, reply, "
                + "closing_category, rating, rated_at, reopen_count, token, attributes, updated_at, demo");
        hopRows.copy(con, "cases_hop", "case_id, at, kind, from_agency_id, to_agency_id, reason, username, demo");
        jdbc.sql("analyze cases_case").update();
        log.info("Demo cases generated in {} ms, copied in {} ms", (generated - startGen) / 1_000_000, (System.nanoTime() - generated) / 1_000_000);
        return new Stats((int) caseRows.rows(), (int) citizenRows.rows(), (int) hopRows.rows());
    }

    /** Reserves n ids of a sequence for COPY; ids are base .. base+n-1. */
    private long reserve(String sequence, int n) {
        long base = jdbc.sql("select nextval('" + sequence + "')").query(Long.class).single();
        jdbc.sql("select setval('" + sequence + "', ?)").param(base + n).query().singleRow();
        return base;
    }

    private static OffsetDateTime ts(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, RocDate.TAIPEI);
    }

    private Instant workTime(LocalDate day, Random r) {
        return ZonedDateTime.of(day, LocalTime.of(9 + r.nextInt(8), r.nextInt(60)), RocDate.TAIPEI).toInstant();
    }

    private static Channel channel(String type, Random r) {
        int x = r.nextInt(100);
        if (type.equals("ENQUIRY") || type.equals("TRANSFER")) {
            return Channel.PHONE;
        }
        if (type.equals("REPORT")) {
            return x < 55 ? Channel.PHONE : x < 80 ? Channel.OPEN311 : x < 92 ? Channel.MAILBOX : Channel.EMAIL;
        }
        return x < 45 ? Channel.PHONE : x < 75 ? Channel.MAILBOX : x < 85 ? Channel.EMAIL : x < 93 ? Channel.LETTER : Channel.COUNTER;
    }

    /** A day of 2018: weekdays busier than weekends, a little more in summer (typhoons, noise, drains). */
    private static LocalDate dayOf2018(Random r) {
        while (true) {
            LocalDate d = LocalDate.of(YEAR, 1, 1).plusDays(r.nextInt(365));
            double w = (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) ? 0.45 : 1.0;
            if (d.getMonthValue() >= 6 && d.getMonthValue() <= 9) {
                w *= 1.15;
            }
            if (r.nextDouble() * 1.15 < w) {
                return d;
            }
        }
    }

    private static int weighted(int[] weights, Random r) {
        int sum = 0;
        for (int w : weights) {
            sum += w;
        }
        int x = r.nextInt(sum);
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static int weighted(double[][] rows, Random r) {
        double sum = 0;
        for (double[] row : rows) {
            sum += row[2];
        }
        double x = r.nextDouble() * sum;
        for (int i = 0; i < rows.length; i++) {
            x -= rows[i][2];
            if (x < 0) {
                return i;
            }
        }
        return rows.length - 1;
    }

    // ------------------------------------------------------------------ knowledge base

    private int seedFaq() {
        String[][] faq = {
                {"CONST", "路燈不亮要找哪個單位？", "市區道路路燈由建設局維護，請提供路燈桿上的編號或地址，1999 受理後派工，一般於 3 個工作天內修復。", "路燈,燈桿,不亮,維修"},
                {"CONST", "道路坑洞多久會修補？", "建設局接獲通報後派員勘查，一般坑洞於 3 個工作天內完成修補；大面積路面破損將排入刨鋪工程。", "坑洞,路面,刨鋪,柏油"},
                {"CONST", "路樹傾倒或樹枝遮蔽號誌怎麼辦？", "請告知地點，建設局公園路燈工程處將派員扶正、修剪或移除；颱風期間優先處理妨礙交通者。", "路樹,修剪,颱風"},
                {"EPB", "如何檢舉噪音？", "營業場所、工廠及工地噪音由環保局受理，請提供地址與發生時段；夜間噪音可同時報警處理。", "噪音,檢舉,工地,夜間"},
                {"EPB", "大型廢棄家具如何清運？", "請先向所在地區清潔隊預約，清潔隊依預約時間到府清運，部分品項酌收費用。", "大型垃圾,家具,清運,清潔隊"},
                {"EPB", "垃圾車的收運時間與路線？", "各區清潔隊之垃圾車路線與時間可於環保局網站或「臺中垃圾車」App 查詢。", "垃圾車,時間,路線"},
                {"EPB", "空地髒亂、有人亂丟垃圾怎麼辦？", "請提供地點，環保局派員稽查並通知地主清理，查獲違規棄置者依廢棄物清理法告發。", "髒亂,空地,棄置,垃圾"},
                {"POLICE", "違規停車怎麼檢舉？", "可撥 1999 或 110，或以警政署線上檢舉系統附照片檢舉，警察局將派員處理。", "違停,違規停車,檢舉,拖吊"},
                {"TRANS", "紅綠燈故障或秒數太短？", "號誌故障請告知路口名稱，交通局將派廠商於 4 小時內搶修；秒數調整需經現場觀測評估。", "紅綠燈,號誌,秒數"},
                {"TRANS", "公車路線與班次查詢", "可使用「臺中公車」網站或 App 查詢路線、班次與即時到站資訊；持市民卡搭乘享優惠。", "公車,班次,路線,市民卡"},
                {"WATER", "水溝堵塞、積水要通報哪裡？", "道路側溝由水利局與區公所分工清疏，請告知地點；汛期前全面清淤。", "水溝,側溝,積水,清淤"},
                {"SOCIAL", "如何申請長照服務？", "可撥打 1966 長照專線或至各區長期照顧管理中心申請，照專將到府評估失能等級後安排服務。", "長照,長期照顧,1966,老人"},
                {"SOCIAL", "低收入戶的申請資格？", "家庭總收入平均每人每月低於最低生活費，且動產、不動產未超過限額者，可向戶籍所在地區公所申請。", "低收入戶,補助,資格,區公所"},
                {"SOCIAL", "育兒津貼如何申請？", "未滿 2 歲幼兒之父母，可向戶籍地區公所申請育兒津貼，核定後按月撥款。", "育兒津貼,托育,補助"},
                {"HEALTH", "流感疫苗在哪裡打？", "公費流感疫苗於各區衛生所及合約醫療院所接種，請攜帶健保卡。", "流感,疫苗,衛生所"},
                {"CIVIL", "戶籍謄本可以在哪裡申請？", "全國任一戶政事務所皆可跨區申請，或以自然人憑證線上申請電子謄本。", "戶籍謄本,戶政,申請"},
                {"TAX", "房屋稅何時開徵？", "房屋稅每年 5 月 1 日至 5 月 31 日開徵，可用信用卡、行動支付或超商繳納。", "房屋稅,開徵,繳稅"},
                {"TAX", "牌照稅的繳納期限？", "使用牌照稅每年 4 月 1 日至 4 月 30 日開徵。", "牌照稅,汽車,機車"},
                {"LABOR", "勞資爭議如何申請調解？", "可向勞工局申請勞資爭議調解，填寫申請書並檢附相關證明文件。", "勞資爭議,調解,資遣"},
                {"FIRE", "住宅用火災警報器怎麼申請補助？", "消防局針對弱勢家戶提供免費安裝，一般家戶可至消防局網站查詢購置與安裝方式。", "火災警報器,消防,補助"},
                {"URBAN", "如何查詢土地使用分區？", "可至都市發展局「臺中市都市計畫土地使用分區查詢系統」輸入地號查詢，或申請分區證明。", "土地使用分區,都市計畫,地號"},
                {"RDEC", "1999 市民專線服務時間？", "1999 全年無休 24 小時服務，提供國語、台語、英語、客語及日語服務。", "1999,服務時間,專線"},
                {"RDEC", "如何查詢我的陳情案件進度？", "請至市府網站「案件進度查詢」輸入案號與查詢碼，即可查看處理進度與答復內容，並於結案後 7 日內評分或要求重新處理。", "陳情,進度,案號,查詢碼"},
        };
        int n = 0;
        Instant at = ZonedDateTime.of(YEAR, 1, 2, 9, 0, 0, 0, RocDate.TAIPEI).toInstant();
        for (String[] f : faq) {
            Optional<Agency> a = agencies.findByCode(f[0]);
            if (a.isEmpty()) {
                continue;
            }
            jdbc.sql("insert into cases_faq (agency_id, question, answer, keywords, updated_at, updated_by, demo) values (?,?,?,?,?,?,true)")
                    .params(a.get().id(), f[1], f[2], f[3], java.sql.Timestamp.from(at), "officer." + f[0].toLowerCase()).update();
            n++;
        }
        return n;
    }
}
