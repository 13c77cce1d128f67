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
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo mode only: the city's first data standards and exchange datasets, growing through 2018 from 5 to 10
 * exchangeable datasets, with consumers, grants and a month of metered use. Fixed seed; flagged demo.
 */
@Component
class DemoExchangeData implements DemoData {

    /** A demo consumer key, documented in the README; it exists only in demo mode. */
    static final String DEMO_KEY = "exk_demo-transit-app";

    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Standards standards;
    private final AgencyDirectory agencies;
    private final GeoLookup geo;
    private final AuditLog audit;
    private final JsonMapper json;

    DemoExchangeData(DemoMode demo, JdbcClient jdbc, JdbcTemplate batch, Standards standards,
                     AgencyDirectory agencies, GeoLookup geo, AuditLog audit, JsonMapper json) {
        this.demo = demo;
        this.jdbc = jdbc;
        this.batch = batch;
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
    public String seededTable() {
        return "exchange_standard";
    }

    @Override
    public String seed() {
        return seedAll();
    }

    private String seedAll() {
        List<String> districts = geo.districts().stream().map(GeoLookup.District::name).toList();
        Map<String, Long> std = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<Standards.FieldInput>> fields = new LinkedHashMap<>();
        for (CsvSource.Row r : DemoData.table("exchange-standards.csv")) {
            String codes = r.get("codes");
            names.put(r.get("standard"), r.get("standard_name"));
            fields.computeIfAbsent(r.get("standard"), k -> new ArrayList<>()).add(new Standards.FieldInput(r.get("field"),
                    r.get("label"), r.get("type"), r.get("unit").isEmpty() ? null : r.get("unit"),
                    Boolean.parseBoolean(r.get("required")), codes.isEmpty() ? null
                    : codes.equals("@districts") ? districts : List.of(codes.split("\\|"))));
        }
        fields.forEach((code, f) -> std.put(code, standard(code, names.get(code), f)));

        List<Spec> specs = DemoData.table("exchange-datasets.csv").stream().map(r -> new Spec(r.get("code"), r.get("name"),
                r.get("agency_code"), r.get("standard"), emptyNull(r.get("published")), emptyNull(r.get("granted")),
                Integer.parseInt(r.get("rows")))).toList();

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
        return "exchange demo data: " + std.size() + " standards, " + datasets + " datasets";
    }

    private static String emptyNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private long standard(String code, String name, List<Standards.FieldInput> fields) {
        long id = standards.insert(new Standards.Draft(code, name + "（示範）", "示範資料標準 / demo standard", fields), 1, true);
        jdbc.sql("update exchange_standard set status = 'PUBLISHED', published_at = ? where id = ?")
                .params(at("2017-05-01"), id).update();
        return id;
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
