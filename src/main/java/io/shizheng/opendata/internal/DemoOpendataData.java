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
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.RocDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: a catalogue of generated datasets from the city's agencies, each with small generated CSV files
 * that go through the real quality checks. About 55 are first published in 2018 (at every scale), so indicator 2.5 has a
 * plausible FY107 value; some are withdrawn, some withdrawn and published again, a few still drafts. Fixed seed.
 */
@Component
class DemoOpendataData implements DemoData {

    static final String NOTE = "示範資料（程式產生，非真實資料）/ generated demo data";

    /** title | tags | group | category | frequency | columns (name:kind). */
    private static final Map<String, List<String>> TEMPLATES = new LinkedHashMap<>();

    private static final List<String> GENERIC = new ArrayList<>();

    static {
        // agency code "*": the templates any agency may publish
        for (CsvSource.Row r : DemoData.table("opendata-templates.csv")) {
            String t = String.join("|", r.get("title"), r.get("tags"), r.get("group"), r.get("category"), r.get("frequency"),
                    r.get("columns"));
            if (r.get("agency_code").equals("*")) {
                GENERIC.add(t);
            } else {
                TEMPLATES.computeIfAbsent(r.get("agency_code"), k -> new ArrayList<>()).add(t);
            }
        }
    }

    private static final String[][] GROUPS = DemoData.table("opendata-groups.csv").stream()
            .map(r -> new String[] {r.get("name"), r.get("title"), r.get("title_en")}).toArray(String[][]::new);

    private static final String[] DISTRICTS = DemoData.column("opendata-districts.csv", "district");
    private static final String[] PLACES = DemoData.column("opendata-place-names.csv", "place");

    private final DemoMode demo;
    private final AgencyDirectory agencies;
    private final DatasetStore store;
    private final ResourceIntake intake;
    private final ResourceFiles files;
    private final SearchIndex index;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final tools.jackson.databind.json.JsonMapper json;

    DemoOpendataData(DemoMode demo, AgencyDirectory agencies, DatasetStore store, ResourceIntake intake,
                     ResourceFiles files, SearchIndex index, AuditLog audit, JdbcClient jdbc,
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
        this.clock = clock;
    }

    @Override
    public String seededTable() {
        return "opendata_dataset";
    }

    @Override
    public String seed() {
        return seedDatasets() + " demo open datasets";
    }

    @Override
    public void afterwards() {
        index.rebuild();
    }

    private int seedDatasets() {
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
                template = GENERIC.get(random.nextInt(GENERIC.size()));
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
