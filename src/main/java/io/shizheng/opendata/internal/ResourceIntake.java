package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ImportRuns;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.ShizhengUser;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;
import io.shizheng.opendata.internal.formats.FileSniffer;
import io.shizheng.opendata.internal.formats.Formats;

/**
 * Takes a complete file (uploaded or harvested) into a resource: finds its real format and encoding, converts
 * Big5 to UTF-8, runs the quality checks, and refuses it whole when a blocking check fails (a format that is not
 * what it says, ragged rows, unreadable content). Otherwise stores it as the resource's next file version and
 * updates the dataset's quality level, all in one transaction.
 */
@Service
public class ResourceIntake {

    static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

    private final Catalog catalog;
    private final DatasetStore store;
    private final ResourceFiles files;
    private final QualityChecker checker;
    private final AuditLog audit;
    private final SearchIndex index;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ImportRuns runs;

    /** Uploads cut off by a crash are marked INTERRUPTED. */
    static final ImportRuns.Table RUNS = new ImportRuns.Table("opendata_upload");

    @Bean
    static ImportRuns.Table uploadRuns() {
        return RUNS;
    }

    /** One file taken (or being taken) into a resource, as the upload history shows it. */
    record Upload(long id, UUID resourceId, String fileName, String status, Long sizeBytes, String sha256,
                  Integer version, Instant startedAt, Instant finishedAt, String uploadedBy) {
    }

    ResourceIntake(Catalog catalog, DatasetStore store, ResourceFiles files, QualityChecker checker, AuditLog audit,
                   SearchIndex index, JdbcClient jdbc, JsonMapper json, Clock clock, ImportRuns runs) {
        this.runs = runs;
        this.catalog = catalog;
        this.store = store;
        this.files = files;
        this.checker = checker;
        this.audit = audit;
        this.index = index;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** An analysed file ready to be stored: the UTF-8 copy (or the original) with its report. */
    record Analysed(Path file, boolean transcoded, String sourceEncoding, String encoding, String declaredFormat,
                    String detectedFormat, long size, String sha256, QualityReport report) {
    }

    /** A new uploaded resource for a dataset (CKAN resource_create with a file). */
    @Transactional
    public Resource upload(String datasetKey, String name, String description, String format, String fileName, Path file) {
        ShizhengUser me = Catalog.requireWriter();
        Dataset d = catalog.editable(datasetKey);
        long run = beginUpload(d.id(), null, fileName, me.getUsername());
        Analysed a = null;
        try {
            a = analyse(file, format, fileName, schema(d));
            refuseBlocking(a);
            String resourceName = name == null || name.isBlank() ? (fileName == null ? "資料檔" : fileName) : name.strip();
            UUID id = store.insertResource(d.id(), resourceName, description, "upload", null, a.declaredFormat(), false);
            applied(run, id, keep(d, id, a, fileName, "upload", me.getUsername()));
            audit.record("opendata.resource", id, AuditAction.CREATE, null, Map.of("dataset", d.name(), "file",
                    String.valueOf(fileName), "size", a.size(), "quality", a.report().level()));
            return store.resource(id).orElseThrow();
        } catch (InvalidInputException e) {
            rejected(run);
            throw e;
        } finally {
            cleanup(a);
        }
    }

    /** A new file version for an existing uploaded resource. */
    @Transactional
    Resource replace(UUID resourceId, String fileName, Path file) {
        ShizhengUser me = Catalog.requireWriter();
        Resource r = store.resource(resourceId).orElseThrow(() -> new io.shizheng.platform.NotFoundException(
                "找不到資源 / Resource not found"));
        Dataset d = catalog.editable(store.find(r.datasetId()).orElseThrow().name());
        long run = beginUpload(d.id(), resourceId, fileName, me.getUsername());
        Analysed a = null;
        try {
            a = analyse(file, r.format(), fileName, schema(d));
            refuseBlocking(a);
            applied(run, resourceId, keep(d, resourceId, a, fileName, "upload", me.getUsername()));
            audit.record("opendata.resource", resourceId, AuditAction.UPDATE, Map.of("sha256", String.valueOf(r.sha256())),
                    Map.of("sha256", a.sha256(), "size", a.size(), "quality", a.report().level()));
            return store.resource(resourceId).orElseThrow();
        } catch (InvalidInputException e) {
            rejected(run);
            throw e;
        } finally {
            cleanup(a);
        }
    }

    /** On record as RUNNING from here; a crash before the end leaves it to be marked INTERRUPTED. */
    private long beginUpload(long datasetId, UUID resourceId, String fileName, String by) {
        String name = fileName == null ? null : fileName.length() > 300 ? fileName.substring(0, 300) : fileName;
        return runs.begin(RUNS, id -> jdbc.sql("""
                insert into opendata_upload (id, dataset_id, resource_id, file_name, status, uploaded_by)
                values (?, ?, ?, ?, 'RUNNING', ?)""").params(id, datasetId, resourceId, name, by).update());
    }

    /** Done in the same transaction as the file it stored. */
    private void applied(long run, UUID resourceId, ResourceFiles.StoredFile f) {
        jdbc.sql("""
                update opendata_upload set status = 'APPLIED', finished_at = clock_timestamp(), resource_id = ?, size_bytes = ?,
                  sha256 = ?, version = ? where id = ?""")
                .params(resourceId, f.size(), f.sha256(), f.version(), run).update();
    }

    /** A refused file: once the work has rolled back, its run says so. */
    private void rejected(long run) {
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        runs.end(RUNS, run, "REJECTED");
                    }
                });
    }

    /** The upload history of a dataset, newest first. */
    List<Upload> uploads(long datasetId, int limit) {
        return jdbc.sql("""
                select id, resource_id, file_name, status, size_bytes, sha256, version, started_at, finished_at, uploaded_by
                from opendata_upload where dataset_id = ? order by id desc limit ?""").params(datasetId, limit)
                .query((rs, n) -> new Upload(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                        (Long) rs.getObject(5), rs.getString(6), (Integer) rs.getObject(7), DatasetStore.instant(rs, "started_at"),
                        DatasetStore.instant(rs, "finished_at"), rs.getString(10))).list();
    }

    FieldSchema schema(Dataset d) {
        return d.fieldSchema() == null ? null : FieldSchema.parse(d.fieldSchema(), json);
    }

    Analysed analyse(Path file, String declared, String fileName, FieldSchema schema) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidInputException("upload", "檔案超過 2 GB / the file is larger than 2 GB");
            }
            String detected = FileSniffer.format(file).orElse("TXT");
            String declaredFormat = declared != null && !declared.isBlank() ? declared.strip().toUpperCase()
                    : Formats.guessFromName(fileName).orElse(detected.equals("TXT") ? "CSV" : detected);
            boolean text = List.of("TXT", "JSON", "GEOJSON", "XML", "HTML").contains(detected);
            Path content = file;
            boolean transcoded = false;
            String sourceEncoding = null;
            String encoding = null;
            if (text) {
                Optional<Charset> cs = FileSniffer.textEncoding(file);
                if (cs.isEmpty()) {
                    throw new InvalidInputException("upload", "無法辨識文字編碼（非 UTF-8 或 Big5）/ the text is neither "
                            + "UTF-8 nor Big5");
                }
                if (cs.get().equals(StandardCharsets.UTF_8)) {
                    sourceEncoding = "UTF-8";
                } else {
                    sourceEncoding = "Big5";
                    content = Files.createTempFile("opendata-utf8-", ".dat");
                    FileSniffer.transcode(file, cs.get(), content);
                    transcoded = true;
                }
                encoding = "UTF-8";
            }
            QualityReport report = checker.check(content, declaredFormat, detected, sourceEncoding, schema);
            String sha = sha256(content);
            return new Analysed(content, transcoded, sourceEncoding, encoding, declaredFormat, detected,
                    Files.size(content), sha, report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void refuseBlocking(Analysed a) {
        List<QualityReport.Check> blocking = a.report().blocking();
        if (!blocking.isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (QualityReport.Check c : blocking) {
                problems.add(new FieldProblem("upload", c.title() + "：" + c.message()));
            }
            throw new InvalidInputException(problems);
        }
    }

    /** Stores the analysed file as the resource's next version and updates resource and dataset. */
    ResourceFiles.StoredFile keep(Dataset d, UUID resourceId, Analysed a, String fileName, String origin, String by) {
        ResourceFiles.StoredFile stored = files.store(resourceId, fileName, a.file(), a.size(), a.sha256(), a.encoding(), a.sourceEncoding(), origin, by);
        Instant now = clock.instant();
        jdbc.sql("""
                update opendata_resource set format = ?, encoding = ?, size_bytes = ?, sha256 = ?, quality_level = ?,
                  quality_report = cast(? as jsonb), modified_at = ? where id = ?""")
                .params(a.declaredFormat(), a.encoding(), a.size(), a.sha256(), a.report().level(),
                        json.writeValueAsString(a.report()), DatasetStore.ts(now), resourceId).update();
        store.touch(d.id(), now, true);
        recomputeLevel(d.id());
        store.addVersion(d.id(), "file:" + origin, by);
        index.afterCommit(d.id());
        return stored;
    }

    /** The dataset's level: the worst of its resources' levels and of its freshness; bronze with no resources. */
    String recomputeLevel(long datasetId) {
        String level = computeLevel(datasetId);
        index.afterCommit(datasetId);
        return level;
    }

    /** As {@link #recomputeLevel} without reindexing (bulk loads reindex once at the end). */
    String computeLevel(long datasetId) {
        Dataset d = store.find(datasetId).orElseThrow();
        QualityLevel level = null;
        for (Resource r : d.resources()) {
            QualityLevel rl = r.qualityLevel() == null ? QualityLevel.bronze : QualityLevel.valueOf(r.qualityLevel());
            if ("failed".equals(r.harvestStatus())) {
                rl = QualityLevel.bronze;
            }
            level = rl.worst(level);
        }
        if (level == null) {
            level = QualityLevel.bronze;
        }
        QualityReport.Check fresh = checker.freshness(d.updateFrequency(), d.dataUpdatedAt());
        if (fresh.status() == QualityReport.Status.warn) {
            level = QualityLevel.silver.worst(level);
        }
        store.setQuality(datasetId, level.name(), clock.instant());
        return level.name();
    }

    /** The dataset's report: freshness plus each resource's checks, as shown on its page and in the API. */
    Map<String, Object> datasetReport(Dataset d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("level", d.qualityLevel());
        m.put("levelLabel", QualityLevel.label(d.qualityLevel()));
        m.put("checkedAt", d.qualityCheckedAt());
        m.put("freshness", checker.freshness(d.updateFrequency(), d.dataUpdatedAt()));
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Resource r : d.resources()) {
            Map<String, Object> rm = new LinkedHashMap<>();
            rm.put("id", r.id());
            rm.put("name", r.name());
            rm.put("level", r.qualityLevel());
            rm.put("report", r.qualityReport() == null ? null : json.readTree(r.qualityReport()));
            rm.put("harvestStatus", r.harvestStatus());
            rm.put("harvestMessage", r.harvestMessage());
            resources.add(rm);
        }
        m.put("resources", resources);
        return m;
    }

    /**
     * Re-runs the checks on the newest file of every uploaded or harvested resource of a dataset and its freshness
     * (the scheduled check and the "check now" button). A file that now fails a blocking check stays served;
     * its report says what is wrong.
     */
    @Transactional
    String recheck(long datasetId) {
        Dataset d = store.find(datasetId).orElseThrow();
        FieldSchema schema = schema(d);
        for (Resource r : d.resources()) {
            Optional<ResourceFiles.StoredFile> f = files.latest(r.id());
            if (f.isEmpty()) {
                continue;
            }
            Path tmp = null;
            try {
                tmp = files.copyToTemp(f.get());
                String detected = FileSniffer.format(tmp).orElse("TXT");
                QualityReport report = checker.check(tmp, r.format(), detected, f.get().sourceEncoding(), schema);
                jdbc.sql("update opendata_resource set quality_level = ?, quality_report = cast(? as jsonb) where id = ?")
                        .params(report.level(), json.writeValueAsString(report), r.id()).update();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // temp file
                    }
                }
            }
        }
        String level = recomputeLevel(datasetId);
        index.afterCommit(datasetId);
        return level;
    }

    static void cleanup(Analysed a) {
        if (a != null && a.transcoded()) {
            try {
                Files.deleteIfExists(a.file());
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp folder
            }
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The current user name, or the system for scheduled work. */
    static String actor() {
        return CurrentUser.get().map(ShizhengUser::getUsername).orElse("system");
    }
}
