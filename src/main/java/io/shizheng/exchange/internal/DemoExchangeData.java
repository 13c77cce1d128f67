package io.shizheng.exchange.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.GeoLookup;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode only: the city's first data standards and exchange datasets, growing through 2018 from 5 to 10
 * exchangeable datasets, with consumers, grants and a month of metered use. Fixed seed; flagged demo.
 */
@Component
@Order(30)
class DemoExchangeData implements ApplicationRunner {

    /** A demo consumer key, documented in the README; it exists only in demo mode. */
    static final String DEMO_KEY = "exk_demo-transit-app";
    private static final Logger log = LoggerFactory.getLogger(DemoExchangeData.class);

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final TransactionTemplate tx;
    private final Standards standards;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final AuditLog audit;
    private final JsonMapper json;

    DemoExchangeData(DemoMode demo, JdbcClient jdbc, JdbcTemplate batch, TransactionTemplate tx, Standards standards,
                     AgencyDirectory agencies, GeoLookup geo, AuditLog audit, JsonMapper json) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.batch = batch;
        this.tx = tx;
        this.standards = standards;
        this.agencies = agencies;
        this.geo = geo;
        this.audit = audit;
        this.json = json;
    }

    private record Spec(String code, String name, String agency, String standard, String published, String granted,
                        int rows) {
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('exchange.demo'))").query().singleRow();
            if (jdbc.sql("select count(*) from exchange_standard where demo").query(Long.class).single() > 0) {
                return;
            }
            seed();
        });
    }

    private void seed() {
        List<String> districts = geo.districts().stream().map(GeoLookup.District::name).toList();
        Map<String, Long> std = new LinkedHashMap<>();
        std.put("bus-stop", standard("bus-stop", "公車站牌", List.of(
                f("stop_id", "站牌代碼", "STRING", null, true, null), f("name", "站牌名稱", "STRING", null, true, null),
                f("route", "路線", "STRING", null, false, null), f("district", "行政區", "CODE", null, true, districts),
                f("lon", "經度", "DECIMAL", "度", true, null), f("lat", "緯度", "DECIMAL", "度", true, null))));
        std.put("parking-lot", standard("parking-lot", "公有停車場", List.of(
                f("lot_id", "停車場代碼", "STRING", null, true, null), f("name", "名稱", "STRING", null, true, null),
                f("district", "行政區", "CODE", null, true, districts), f("capacity", "總車位", "INTEGER", "格", true, null),
                f("available", "剩餘車位", "INTEGER", "格", false, null), f("updated_on", "更新日期", "DATE", null, true, null))));
        std.put("air-station", standard("air-station", "空氣品質測站日值", List.of(
                f("station", "測站", "STRING", null, true, null), f("district", "行政區", "CODE", null, true, districts),
                f("date", "日期", "DATE", null, true, null), f("pm25", "PM2.5", "DECIMAL", "μg/m³", true, null),
                f("aqi", "空氣品質指標", "INTEGER", null, true, null))));
        std.put("point-facility", standard("point-facility", "點位設施", List.of(
                f("facility_id", "設施代碼", "STRING", null, true, null), f("name", "名稱", "STRING", null, true, null),
                f("district", "行政區", "CODE", null, true, districts), f("lon", "經度", "DECIMAL", "度", true, null),
                f("lat", "緯度", "DECIMAL", "度", true, null),
                f("status", "狀態", "CODE", null, true, List.of("正常", "故障", "維修中")))));
        std.put("care-facility", standard("care-facility", "長照服務機構", List.of(
                f("org_id", "機構代碼", "STRING", null, true, null), f("name", "機構名稱", "STRING", null, true, null),
                f("district", "行政區", "CODE", null, true, districts), f("beds", "床數", "INTEGER", "床", false, null),
                f("type", "類型", "CODE", null, true, List.of("居家式", "社區式", "機構式")))));
        std.put("water-level", standard("water-level", "水位感測", List.of(
                f("sensor_id", "感測器代碼", "STRING", null, true, null), f("district", "行政區", "CODE", null, true, districts),
                f("date", "日期", "DATE", null, true, null), f("level_cm", "水位", "DECIMAL", "公分", true, null))));

        List<Spec> specs = List.of(
                new Spec("bus-stops", "公車站牌位置", "TRANS", "bus-stop", "2017-06-01", "2017-06-10", 400),
                new Spec("parking-lots", "公有停車場即時車位", "TRANS", "parking-lot", "2017-09-01", "2017-09-05", 120),
                new Spec("air-quality-daily", "空氣品質測站日值", "EPB", "air-station", "2017-10-01", "2017-10-10", 365),
                new Spec("street-lights", "路燈設施", "CONST", "point-facility", "2017-11-15", "2017-12-01", 500),
                new Spec("long-term-care", "長照服務機構", "SOCIAL", "care-facility", "2017-12-01", "2017-12-20", 150),
                new Spec("ibike-stations", "公共自行車租賃站", "TRANS", "point-facility", "2018-03-12", "2018-03-20", 200),
                new Spec("flood-sensors", "淹水感測器水位", "WATER", "water-level", "2018-05-03", "2018-05-15", 300),
                new Spec("public-wifi-spots", "免費無線上網熱點", "RDEC", "point-facility", "2018-07-02", "2018-07-09", 250),
                new Spec("public-toilets", "公廁設施", "EPB", "point-facility", "2018-09-10", "2018-09-18", 300),
                new Spec("aed-locations", "AED 設置地點", "HEALTH", "point-facility", "2018-11-05", "2018-11-12", 180),
                new Spec("building-permits", "建造執照", "URBAN", "point-facility", "2018-12-10", null, 100),
                new Spec("fire-hydrants", "消防栓", "FIRE", "point-facility", null, null, 150));

        long transit = consumer("臺中公車通 App 開發團隊（示範）", null, "dev@transit-app.demo.invalid");
        long university = consumer("國立中興大學智慧城市研究中心（示範）", null, "smartcity@university.demo.invalid");
        long rdecPlatform = consumer("研考會大數據匯流平台（示範）", agencies.findByCode("RDEC").map(Agency::id).orElse(null), null);
        jdbc.sql("insert into exchange_key(consumer_id, key_hash, prefix) values (?, ?, ?)")
                .params(transit, Consumers.sha256(DEMO_KEY), DEMO_KEY.substring(0, 10)).update();
        long transitKey = jdbc.sql("select id from exchange_key where consumer_id = ?").param(transit).query(Long.class).single();

        Random random = new Random(318);
        int datasets = 0;
        for (Spec spec : specs) {
            long owner = agencies.findByCode(spec.agency()).map(Agency::id).orElseThrow();
            long id = jdbc.sql("""
                    insert into exchange_dataset(code, name, description, owner_agency_id, standard_id, status, published_at, demo)
                    values (?, ?, ?, ?, ?, ?, ?, true) returning id""")
                    .params(spec.code(), spec.name() + "（示範）", "示範資料（程式產生）/ generated demo data", owner,
                            std.get(spec.standard()), spec.published() == null ? "DRAFT" : "PUBLISHED",
                            spec.published() == null ? null : at(spec.published()))
                    .query(Long.class).single();
            rows(id, spec, districts, random);
            if (spec.granted() != null) {
                grant(rdecPlatform, id, 5000, spec.granted());
                if (spec.standard().equals("bus-stop") || spec.code().equals("parking-lots") || spec.code().equals("ibike-stations")) {
                    grant(transit, id, 2000, spec.granted());
                    usage(transitKey, id, random);
                }
                if (spec.code().startsWith("air") || spec.code().startsWith("flood")) {
                    grant(university, id, 500, spec.granted());
                }
            }
            datasets++;
        }
        audit.record("exchange.demo-data", "2018", AuditAction.CREATE, null,
                Map.of("standards", std.size(), "datasets", datasets, "note", "示範資料 / demo data"));
        log.info("Seeded exchange demo data: {} standards, {} datasets", std.size(), datasets);
    }

    private long standard(String code, String name, List<Standards.FieldInput> fields) {
        long id = standards.insert(new Standards.Draft(code, name + "（示範）", "示範資料標準 / demo standard", fields), 1, true);
        jdbc.sql("update exchange_standard set status = 'PUBLISHED', published_at = ? where id = ?")
                .params(at("2017-05-01"), id).update();
        return id;
    }

    private static Standards.FieldInput f(String name, String label, String type, String unit, boolean required,
                                          List<String> codes) {
        return new Standards.FieldInput(name, label, type, unit, required, codes);
    }

    private long consumer(String name, Long agency, String contact) {
        return jdbc.sql("insert into exchange_consumer(name, agency_id, contact, demo, created_at) values (?, ?, ?, true, ?) returning id")
                .params(name, agency, contact, at("2017-05-15")).query(Long.class).single();
    }

    private void grant(long consumer, long dataset, int quota, String day) {
        jdbc.sql("insert into exchange_grant(consumer_id, dataset_id, daily_quota, granted_at) values (?, ?, ?, ?)")
                .params(consumer, dataset, quota, at(day)).update();
    }

    private void rows(long datasetId, Spec spec, List<String> districts, Random random) {
        int n = demo.scaled(spec.rows(), 20);
        List<Object[]> args = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            String district = districts.get(random.nextInt(districts.size()));
            BigDecimal lon = BigDecimal.valueOf(120.58 + random.nextDouble() * 0.17).setScale(6, RoundingMode.HALF_UP);
            BigDecimal lat = BigDecimal.valueOf(24.09 + random.nextDouble() * 0.14).setScale(6, RoundingMode.HALF_UP);
            switch (spec.standard()) {
                case "bus-stop" -> {
                    row.put("stop_id", "TC-" + (10000 + i));
                    row.put("name", district.replace("區", "") + "站" + i);
                    row.put("route", String.valueOf(random.nextInt(300) + 1));
                    row.put("district", district);
                    row.put("lon", lon);
                    row.put("lat", lat);
                }
                case "parking-lot" -> {
                    int capacity = 40 + random.nextInt(400);
                    row.put("lot_id", "P" + (1000 + i));
                    row.put("name", district + "第" + i + "公有停車場");
                    row.put("district", district);
                    row.put("capacity", capacity);
                    row.put("available", random.nextInt(capacity + 1));
                    row.put("updated_on", "2018-12-31");
                }
                case "air-station" -> {
                    row.put("station", List.of("西屯", "忠明", "大里", "沙鹿", "豐原").get(i % 5));
                    row.put("district", List.of("西屯區", "南屯區", "大里區", "沙鹿區", "豐原區").get(i % 5));
                    row.put("date", LocalDate.of(2018, 1, 1).plusDays(i / 5).toString());
                    int pm = 8 + random.nextInt(50);
                    row.put("pm25", BigDecimal.valueOf(pm + random.nextInt(10) / 10.0));
                    row.put("aqi", 20 + pm * 2);
                }
                case "care-facility" -> {
                    row.put("org_id", "LTC" + (500 + i));
                    row.put("name", district + "長照服務據點" + i);
                    row.put("district", district);
                    row.put("beds", random.nextInt(80));
                    row.put("type", List.of("居家式", "社區式", "機構式").get(random.nextInt(3)));
                }
                case "water-level" -> {
                    row.put("sensor_id", "WL" + (i % 60 + 1));
                    row.put("district", district);
                    row.put("date", LocalDate.of(2018, 5, 1).plusDays(i % 200).toString());
                    row.put("level_cm", BigDecimal.valueOf(random.nextInt(600) / 10.0));
                }
                default -> {
                    row.put("facility_id", spec.code().toUpperCase().substring(0, 3) + "-" + (1000 + i));
                    row.put("name", spec.name() + " " + district + i);
                    row.put("district", district);
                    row.put("lon", lon);
                    row.put("lat", lat);
                    row.put("status", random.nextInt(20) == 0 ? "故障" : "正常");
                }
            }
            args.add(new Object[] {datasetId, i, json.writeValueAsString(row)});
        }
        batch.batchUpdate("insert into exchange_row(dataset_id, row_no, data) values (?, ?, cast(? as jsonb))", args);
        jdbc.sql("update exchange_dataset set row_count = ? where id = ?").params(n, datasetId).update();
    }

    /** A month of metered use ending today, so that the owner's usage chart has something to show. */
    private void usage(long keyId, long datasetId, Random random) {
        LocalDate today = LocalDate.now(RocDate.TAIPEI);
        for (int d = 0; d < 30; d++) {
            int requests = 200 + random.nextInt(900);
            jdbc.sql("insert into exchange_usage(key_id, dataset_id, day, requests, rows_served) values (?, ?, ?, ?, ?)")
                    .params(keyId, datasetId, today.minusDays(d + 1L), requests, requests * 100L).update();
        }
    }

    private static Timestamp at(String day) {
        return Timestamp.from(LocalDate.parse(day).atTime(10, 0).atZone(RocDate.TAIPEI).toInstant());
    }
}
