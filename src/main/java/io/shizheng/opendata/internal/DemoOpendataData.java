package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.State;
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
 * Demo mode only: a catalogue of generated datasets from the city's agencies, each with small generated CSV files
 * that go through the real quality checks. About 55 are first published in 2018 (at every scale), so indicator 2.5 has a
 * plausible FY107 value; some are withdrawn, some withdrawn and published again, a few still drafts. Fixed seed.
 */
@Component
@Order(30)
class DemoOpendataData implements ApplicationRunner {

    static final String NOTE = "示範資料（程式產生，非真實資料）/ generated demo data";
    private static final Logger log = LoggerFactory.getLogger(DemoOpendataData.class);

    /** title | tags | group | category | frequency | columns (name:kind). */
    private static final Map<String, List<String>> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("TRANS", List.of(
                "公車路線|公車,路線,大眾運輸|transport|交通及通訊|monthly|路線編號:id,路線名稱:route,起點:place,迄點:place,營運業者:company,更新日期:date",
                "公車站牌位置|公車,站牌,大眾運輸|transport|交通及通訊|monthly|站牌編號:id,站牌名稱:place,行政區:district,緯度:lat,經度:lon",
                "公共自行車租賃站|iBike,自行車,公共自行車|transport|交通及通訊|daily|站點代碼:id,站點名稱:place,行政區:district,車柱數:int,緯度:lat,經度:lon",
                "公有停車場資訊|停車場,停車|transport|交通及通訊|monthly|停車場編號:id,停車場名稱:place,行政區:district,小型車格位數:int,收費方式:text",
                "路邊停車格數量統計|停車,路邊停車|transport|交通及通訊|quarterly|行政區:district,汽車格數:int,機車格數:int,統計日期:date",
                "交通事故件數統計|交通安全,事故|transport|生活安全及品質|monthly|行政區:district,A1件數:int,A2件數:int,統計月份:date"));
        TEMPLATES.put("EPB", List.of(
                "空氣品質監測站|空氣品質,AQI,監測站|environment|生活安全及品質|yearly|測站代碼:id,測站名稱:place,行政區:district,緯度:lat,經度:lon",
                "垃圾車清運路線|垃圾車,清運,資源回收|environment|生活安全及品質|monthly|路線代碼:id,行政區:district,清運地點:place,抵達時間:time",
                "資源回收站|資源回收,環保|environment|生活安全及品質|yearly|站點編號:id,站點名稱:place,行政區:district,緯度:lat,經度:lon",
                "噪音陳情案件統計|噪音,陳情|environment|生活安全及品質|monthly|行政區:district,陳情件數:int,稽查件數:int,統計月份:date"));
        TEMPLATES.put("HEALTH", List.of(
                "醫療院所名冊|醫院,診所,就醫|health|就醫|monthly|機構代碼:id,機構名稱:company,行政區:district,電話:phone",
                "健保特約藥局|藥局,健保|health|就醫|monthly|藥局代碼:id,藥局名稱:company,行政區:district,電話:phone",
                "流感疫苗接種院所|疫苗,流感,預防接種|health|生育保健|yearly|院所代碼:id,院所名稱:company,行政區:district,開始日期:date"));
        TEMPLATES.put("EDU", List.of(
                "市立國民中小學名錄|學校,國小,國中|education|求學及進修|yearly|學校代碼:id,學校名稱:school,行政區:district,班級數:int,電話:phone",
                "公立幼兒園名錄|幼兒園,托育|education|求學及進修|yearly|園所代碼:id,園所名稱:school,行政區:district,核定人數:int"));
        TEMPLATES.put("SOCIAL", List.of(
                "社會福利機構|社福,長照,福利機構|welfare|老年安養|quarterly|機構代碼:id,機構名稱:company,行政區:district,服務對象:text,電話:phone",
                "低收入戶戶數統計|低收入戶,社會救助|welfare|公共資訊|quarterly|行政區:district,戶數:int,人數:int,統計日期:date"));
        TEMPLATES.put("TOUR", List.of(
                "觀光景點|景點,觀光,旅遊|tourism|休閒旅遊|irregular|景點代碼:id,景點名稱:place,行政區:district,緯度:lat,經度:lon",
                "旅宿業者名冊|旅館,民宿,住宿|tourism|休閒旅遊|quarterly|業者代碼:id,名稱:company,行政區:district,房間數:int"));
        TEMPLATES.put("FIRE", List.of(
                "消防栓位置|消防栓,消防|safety|生活安全及品質|yearly|編號:id,行政區:district,緯度:lat,經度:lon",
                "火災案件統計|火災,消防|safety|生活安全及品質|monthly|行政區:district,火災件數:int,死傷人數:int,統計月份:date"));
        TEMPLATES.put("POLICE", List.of(
                "監視器設置地點|監視器,治安|safety|生活安全及品質|yearly|編號:id,行政區:district,設置地點:place,緯度:lat,經度:lon",
                "刑案發生件數統計|治安,刑案|safety|生活安全及品質|monthly|行政區:district,發生件數:int,破獲件數:int,統計月份:date"));
        TEMPLATES.put("CULT", List.of(
                "藝文展演場館|藝文,展演,文化|culture|休閒旅遊|irregular|場館代碼:id,場館名稱:place,行政區:district,座位數:int",
                "公共圖書館分館|圖書館,閱讀|culture|求學及進修|yearly|分館代碼:id,分館名稱:place,行政區:district,館藏冊數:int"));
        TEMPLATES.put("WATER", List.of(
                "雨水下水道人孔|下水道,防汛|environment|生活安全及品質|yearly|人孔編號:id,行政區:district,緯度:lat,經度:lon",
                "抽水站位置|抽水站,防汛,淹水|environment|生活安全及品質|yearly|站名:place,行政區:district,抽水量:int,緯度:lat,經度:lon"));
        TEMPLATES.put("LABOR", List.of(
                "就業服務站|就業,求職|economy|求職及就業|yearly|站點代碼:id,站點名稱:place,行政區:district,電話:phone"));
        TEMPLATES.put("ECON", List.of(
                "公司登記家數統計|公司登記,產業|economy|開創事業|monthly|行政區:district,家數:int,資本額:int,統計月份:date",
                "市場攤販集中區|市場,攤販|economy|公共資訊|yearly|市場代碼:id,市場名稱:place,行政區:district,攤位數:int"));
        TEMPLATES.put("CIVIL", List.of(
                "各區人口統計|人口,戶籍|government|公共資訊|monthly|行政區:district,戶數:int,男性人口:int,女性人口:int,統計月份:date",
                "避難收容處所|避難,防災,收容|safety|生活安全及品質|yearly|處所編號:id,處所名稱:place,行政區:district,收容人數:int"));
        TEMPLATES.put("BUDGET", List.of(
                "總預算歲出機關別|預算,主計|government|公共資訊|yearly|機關名稱:company,歲出金額:int,年度:text"));
        TEMPLATES.put("RDEC", List.of(
                "1999市民專線案件統計|1999,陳情,市民服務|government|公共資訊|monthly|案件類別:text,件數:int,結案率:num,統計月份:date",
                "施政計畫績效指標|施政計畫,績效|government|公共資訊|yearly|指標編號:text,指標名稱:text,目標值:num,實際值:num"));
    }

    private static final String[] GENERIC = {
            "業務統計|統計|government|公共資訊|yearly|項目:text,數量:int,統計日期:date",
            "採購案件一覽|採購,政府採購|government|公共資訊|monthly|案號:id,案名:text,決標金額:int,決標日期:date",
            "公開資訊|公開資訊|government|公共資訊|irregular|項目:text,說明:text"};

    private static final String[][] GROUPS = {
            {"transport", "交通運輸", "Transport"}, {"environment", "環境品質", "Environment"},
            {"health", "醫療衛生", "Health"}, {"education", "教育學習", "Education"},
            {"welfare", "社會福利", "Social welfare"}, {"tourism", "觀光旅遊", "Tourism"},
            {"safety", "公共安全", "Public safety"}, {"culture", "文化藝術", "Culture"},
            {"economy", "經濟就業", "Economy and jobs"}, {"government", "政府施政", "Government"}};

    private static final String[] DISTRICTS = {"中區", "東區", "南區", "西區", "北區", "西屯區", "南屯區", "北屯區",
            "豐原區", "大里區", "太平區", "清水區", "沙鹿區", "大甲區", "霧峰區", "烏日區"};
    private static final String[] PLACES = {"市政", "文心", "中港", "崇德", "五權", "大墩", "黎明", "河南", "英才",
            "公益", "忠明", "太原", "水湳", "逢甲", "東海", "精武"};

    private final DemoMode demo;
    private final AgencyDirectory agencies;
    private final DatasetStore store;
    private final ResourceIntake intake;
    private final ResourceFiles files;
    private final SearchIndex index;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    DemoOpendataData(DemoMode demo, AgencyDirectory agencies, DatasetStore store, ResourceIntake intake,
                     ResourceFiles files, SearchIndex index, AuditLog audit, JdbcClient jdbc, TransactionTemplate tx,
                     Clock clock, tools.jackson.databind.json.JsonMapper json) {
        this.json = json;
        this.demo = demo;
        this.agencies = agencies;
        this.store = store;
        this.intake = intake;
        this.files = files;
        this.index = index;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        long started = System.nanoTime();
        Integer count = tx.execute(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('opendata.demo'))").query().singleRow();
            if (jdbc.sql("select count(*) from opendata_dataset where demo").query(Long.class).single() > 0) {
                return 0;
            }
            return seed();
        });
        index.rebuild();
        if (count != null && count > 0) {
            log.info("Seeded {} demo open datasets in {} ms", count, (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int seed() {
        Random random = new Random(2018);
        Map<String, Long> groupIds = new LinkedHashMap<>();
        for (String[] g : GROUPS) {
            groupIds.put(g[0], jdbc.sql("insert into opendata_group (name, title, title_en, description, demo) values (?, ?, ?, ?, true) returning id")
                    .params(g[0], g[1], g[2], g[1] + "相關開放資料（示範）/ " + g[2] + " open data (demo)")
                    .query(Long.class).single());
        }
        // Indicator 2.5 counts datasets against a fixed yearly target (50), so FY107's ~55 are not scaled down.
        int in2018 = 55;
        int after = demo.scaled(25, 2);
        int total = Math.max(demo.scaled(300, 0), in2018 + after + 8);
        List<Agency> owners = new ArrayList<>();
        for (String code : TEMPLATES.keySet()) {
            agencies.findByCode(code).ifPresent(owners::add);
        }
        List<Agency> others = agencies.firstLevel().stream().filter(a -> !TEMPLATES.containsKey(a.code())).toList();
        Instant now = clock.instant();
        for (int i = 0; i < total; i++) {
            Agency agency;
            String template;
            if (i % 5 == 4 && !others.isEmpty()) {
                agency = others.get(random.nextInt(others.size()));
                template = GENERIC[random.nextInt(GENERIC.length)];
            } else {
                agency = owners.get(i % owners.size());
                List<String> ts = TEMPLATES.get(agency.code());
                template = ts.get((i / owners.size()) % ts.size());
            }
            String[] t = template.split("\\|");
            int variant = i / 40;
            String title = (template.startsWith("業務統計") || template.startsWith("採購") || template.startsWith("公開資訊")
                    ? agency.name().replace("臺中市政府", "") : "臺中市") + t[0]
                    + (variant == 0 ? "" : "（" + DISTRICTS[(i + variant) % DISTRICTS.length] + "）");
            // When it was first published: before 2018, in 2018 (month by month), after, or never (a draft).
            Instant firstPublished;
            if (i < in2018) {
                int month = 1 + (i * 12) / in2018;
                firstPublished = at(LocalDate.of(2018, month, 1 + random.nextInt(27)), random);
            } else if (i < in2018 + after) {
                firstPublished = at(LocalDate.of(2019 + random.nextInt(3), 1 + random.nextInt(12), 1 + random.nextInt(27)), random);
            } else {
                firstPublished = at(LocalDate.of(2014 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(27)), random);
            }
            State state = State.published;
            boolean republished = false;
            int roll = random.nextInt(100);
            if (roll < 3) {
                state = State.draft;
                firstPublished = null;
            } else if (roll < 9) {
                state = State.withdrawn;
            } else if (roll < 13) {
                republished = true;
            }
            Instant created = firstPublished == null ? at(LocalDate.of(2018, 11, 1 + random.nextInt(28)), random)
                    : firstPublished.minus(Duration.ofDays(1 + random.nextInt(20)));
            String frequency = t[4];
            UpdateFrequency f = UpdateFrequency.valueOf(frequency);
            boolean stale = random.nextInt(100) < 12;
            Instant dataUpdated = f.allowance == null ? now.minus(Duration.ofDays(30 + random.nextInt(300)))
                    : stale ? now.minus(f.allowance.multipliedBy(2)) : now.minus(f.allowance.dividedBy(3 + random.nextInt(5)));
            String name = "tc-" + agency.code().toLowerCase() + "-" + String.format("%03d", i + 1);
            Dataset d = new Dataset(0, null, name, title, title + "。" + NOTE + "。資料欄位：" + t[5].replaceAll(":[a-z]+", "")
                    + "。", t[3], t[5].replaceAll(":[a-z]+", ""), agency.id(), agency.name().replace("臺中市政府", "") + "資料管理員",
                    "opendata." + agency.code().toLowerCase() + "@taichung.example", "04-2228-9111", frequency,
                    random.nextInt(10) == 0 ? "cc-by-4.0" : Licenses.DEFAULT, "免費", state, false, null, Map.of("demo_note", NOTE),
                    firstPublished, firstPublished, state == State.withdrawn ? firstPublished.plus(Duration.ofDays(200)) : null,
                    created, created, dataUpdated, null, null, 0, 1, true, List.of(), List.of(), List.of());
            long id = store.insert(d);
            jdbc.sql("update opendata_dataset set withdrawn_at = ?, download_count = ? where id = ?")
                    .params(DatasetStore.ts(d.withdrawnAt()), (long) random.nextInt(5000), id).update();
            store.setTags(id, List.of(t[1].split(",")));
            store.setGroups(id, List.of(groupIds.get(t[2])));
            jdbc.sql("insert into opendata_dataset_version (dataset_id, version, state, change, snapshot, changed_by, changed_at) "
                            + "values (?, 1, ?, ?, cast(? as jsonb), ?, ?)")
                    .params(id, firstPublished == null ? "draft" : "published", firstPublished == null ? "create" : "publish",
                            "{\"demo\":true,\"title\":\"" + title + "\"}", "demo", DatasetStore.ts(firstPublished == null ? created : firstPublished))
                    .update();
            int v = 1;
            if (state == State.withdrawn || republished) {
                Instant w = firstPublished.plus(Duration.ofDays(200));
                jdbc.sql("insert into opendata_dataset_version (dataset_id, version, state, change, snapshot, changed_by, changed_at) "
                                + "values (?, ?, 'withdrawn', 'withdraw', '{\"demo\":true}'::jsonb, 'demo', ?)")
                        .params(id, ++v, DatasetStore.ts(w)).update();
                if (republished) {
                    Instant back = w.plus(Duration.ofDays(30));
                    jdbc.sql("insert into opendata_dataset_version (dataset_id, version, state, change, snapshot, changed_by, changed_at) "
                                    + "values (?, ?, 'published', 'publish', '{\"demo\":true}'::jsonb, 'demo', ?)")
                            .params(id, ++v, DatasetStore.ts(back)).update();
                    jdbc.sql("update opendata_dataset set published_at = ? where id = ?").params(DatasetStore.ts(back), id).update();
                }
            }
            jdbc.sql("update opendata_dataset set version = ? where id = ?").params(v, id).update();
            addCsv(id, title, t[5], random, i);
            if (i % 11 == 3) {
                jdbc.sql("insert into opendata_resource (dataset_id, name, description, kind, url, format, position, quality_level, demo) "
                                + "values (?, ?, ?, 'url', ?, 'PDF', 1, 'bronze', true)")
                        .params(id, title + "說明文件", "PDF 說明（示範，不會擷取）/ demo PDF link, not harvested",
                                "https://data.taichung.example/docs/" + name + ".pdf").update();
            }
            intake.computeLevel(id);
            jdbc.sql("update opendata_dataset set modified_at = ?, quality_checked_at = ? where id = ?")
                    .params(DatasetStore.ts(created.plus(Duration.ofDays(1))), DatasetStore.ts(now), id).update();
        }
        audit.record("opendata.demo-data", "demo", AuditAction.CREATE, null,
                Map.of("datasets", total, "firstPublishedIn2018", in2018, "note", NOTE));
        return total;
    }

    private void addCsv(long datasetId, String title, String columns, Random random, int i) {
        String[] cols = columns.split(",");
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>();
        for (String c : cols) {
            header.add(c.split(":")[0]);
        }
        csv.append(String.join(",", header)).append("\r\n");
        int rows = 5 + random.nextInt(26);
        // A few files use slashed Western dates (a date-format warning) as many real files still do.
        boolean slashedDates = i % 9 == 5;
        for (int r = 0; r < rows; r++) {
            List<String> cells = new ArrayList<>();
            for (String c : cols) {
                cells.add(cell(c.split(":")[1], r, random, slashedDates));
            }
            csv.append(String.join(",", cells)).append("\r\n");
        }
        try {
            Path tmp = Files.createTempFile("opendata-demo-", ".csv");
            try {
                Files.writeString(tmp, csv, StandardCharsets.UTF_8);
                UUID rid = jdbc.sql("insert into opendata_resource (dataset_id, name, description, kind, format, position, demo) "
                                + "values (?, ?, ?, 'upload', 'CSV', 0, true) returning id")
                        .params(datasetId, title + ".csv", "示範資料檔 / generated demo file").query(UUID.class).single();
                ResourceIntake.Analysed a = intake.analyse(tmp, "CSV", title + ".csv", null);
                files.store(rid, title + ".csv", a.file(), a.size(), a.sha256(), a.encoding(), a.sourceEncoding(), "demo", "demo");
                jdbc.sql("update opendata_resource set encoding = ?, size_bytes = ?, sha256 = ?, quality_level = ?, "
                                + "quality_report = cast(? as jsonb) where id = ?")
                        .params(a.encoding(), a.size(), a.sha256(), a.report().level(),
                                json.writeValueAsString(a.report()), rid).update();
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String kind, int r, Random random, boolean slashedDates) {
        return switch (kind) {
            case "id" -> String.format("%05d", r + 1);
            case "route" -> (r + 1) + "路";
            case "place" -> PLACES[random.nextInt(PLACES.length)] + (r + 1) + "站";
            case "district" -> DISTRICTS[random.nextInt(DISTRICTS.length)];
            case "company" -> PLACES[random.nextInt(PLACES.length)] + "示範" + (r + 1) + "號";
            case "school" -> "臺中市立" + PLACES[random.nextInt(PLACES.length)] + "國民小學";
            case "lat" -> String.format("%.6f", 24.05 + random.nextDouble() * 0.25);
            case "lon" -> String.format("%.6f", 120.52 + random.nextDouble() * 0.28);
            case "int" -> String.valueOf(random.nextInt(2000));
            case "num" -> String.format("%.1f", random.nextDouble() * 100);
            case "phone" -> "04-" + (2200 + random.nextInt(700)) + "-" + (1000 + random.nextInt(9000));
            case "time" -> String.format("%02d:%02d", 16 + random.nextInt(5), random.nextInt(60));
            case "date" -> slashedDates ? "2018/" + (1 + random.nextInt(12)) + "/" + (1 + random.nextInt(28))
                    : LocalDate.of(2018, 1 + random.nextInt(12), 1 + random.nextInt(28)).toString();
            default -> "示範資料" + (r + 1);
        };
    }

    private static Instant at(LocalDate day, Random random) {
        return ZonedDateTime.of(day, LocalTime.of(9 + random.nextInt(8), random.nextInt(60)), RocDate.TAIPEI).toInstant();
    }
}
