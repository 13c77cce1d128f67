package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.Notifications;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scheduled harvest of URL resources: fetches each (with its ETag), and when the content changed takes it in like
 * an upload (format, encoding, quality checks) as the resource's next file version. A failed fetch or a file that
 * fails a blocking check keeps the last good copy, marks the resource failed (a broken link for the quality
 * report) and e-mails the dataset's contact once, when it starts failing. Only allowed hosts are fetched.
 */
@Service
public class Harvester {

    private static final Logger log = LoggerFactory.getLogger(Harvester.class);

    /** The outcome of one harvest of one resource. */
    record Outcome(UUID resourceId, String status, String message) {
    }

    private final DatasetStore store;
    private final ResourceIntake intake;
    private final ResourceFiles files;
    private final Notifications notifications;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Set<String> allowedHosts;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Harvester(DatasetStore store, ResourceIntake intake, ResourceFiles files, Notifications notifications,
              AuditLog audit, JdbcClient jdbc, TransactionTemplate tx, Clock clock,
              @Value("${shizheng.opendata.harvest.allowed-hosts:localhost,127.0.0.1,[::1]}") String allowedHosts) {
        this.store = store;
        this.intake = intake;
        this.files = files;
        this.notifications = notifications;
        this.audit = audit;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    }

    @Scheduled(fixedDelayString = "${shizheng.opendata.harvest.interval:PT1H}", initialDelayString = "${shizheng.opendata.harvest.initial-delay:PT2M}")
    @SchedulerLock(name = "opendata.harvest", lockAtMostFor = "PT30M")
    public void harvestAll() {
        List<UUID> ids = jdbc.sql("""
                select r.id from opendata_resource r join opendata_dataset d on d.id = r.dataset_id
                where r.kind = 'url' and d.state = 'published' and not r.demo order by r.harvested_at nulls first""")
                .query(UUID.class).list();
        int changed = 0;
        for (UUID id : ids) {
            try {
                if ("changed".equals(harvest(id).status())) {
                    changed++;
                }
            } catch (RuntimeException e) {
                // one resource's trouble (a lock conflict, a vanished row) must not stop the others' harvest
                log.warn("Harvest of resource {} failed: {}", id, e.getMessage());
            }
        }
        if (!ids.isEmpty()) {
            log.info("Harvested {} URL resources, {} changed", ids.size(), changed);
        }
    }

    boolean allowed(URI uri) {
        return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                && allowedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT));
    }

    /** Harvests one URL resource now. */
    Outcome harvest(UUID resourceId) {
        Resource r = store.resource(resourceId).orElseThrow();
        if (r.upload() || r.url() == null) {
            return new Outcome(resourceId, "skipped", "不是網址資源 / not a URL resource");
        }
        URI uri;
        try {
            uri = URI.create(r.url());
        } catch (IllegalArgumentException e) {
            return fail(r, "網址格式錯誤 / malformed URL");
        }
        if (!allowed(uri)) {
            return fail(r, "主機 " + uri.getHost() + " 不在允許擷取清單 / host is not on the harvest allow-list "
                    + "(shizheng.opendata.harvest.allowed-hosts)");
        }
        Path tmp = null;
        try {
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
            String etag = jdbc.sql("select coalesce(harvest_etag, '') from opendata_resource where id = ?").param(resourceId)
                    .query(String.class).single();
            etag = etag.isEmpty() ? null : etag;
            Optional<ResourceFiles.StoredFile> last = files.latest(resourceId);
            if (etag != null && last.isPresent()) {
                req.header("If-None-Match", etag);
            }
            HttpResponse<InputStream> res = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            if (res.statusCode() == 304) {
                res.body().close();
                return ok(r, "unchanged", "內容未變更（304）/ not modified", etag);
            }
            if (res.statusCode() / 100 != 2) {
                res.body().close();
                return fail(r, "HTTP " + res.statusCode() + "：擷取失敗，保留上次的檔案 / fetch failed; the last good copy is kept");
            }
            tmp = Files.createTempFile("opendata-harvest-", ".dat");
            try (InputStream in = res.body()) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            }
            String newEtag = res.headers().firstValue("ETag").orElse(null);
            if (last.isPresent() && last.get().sha256().equals(ResourceIntake.sha256(tmp))) {
                return ok(r, "unchanged", "內容未變更 / content unchanged", newEtag);
            }
            Path file = tmp;
            String declared = r.format();
            String fileName = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
            Outcome done = tx.execute(s -> {
                Dataset d = store.find(r.datasetId()).orElseThrow();
                ResourceIntake.Analysed a = intake.analyse(file, declared, fileName, intake.schema(d));
                try {
                    try {
                        ResourceIntake.refuseBlocking(a);
                    } catch (InvalidInputException e) {
                        s.setRollbackOnly();
                        return null;
                    }
                    intake.keep(d, r.id(), a, fileName, "harvest", "harvester");
                    jdbc.sql("update opendata_resource set harvest_status = 'ok', harvest_message = ?, harvested_at = ?, "
                                    + "harvest_etag = ? where id = ?")
                            .params("已擷取新版本 / new version harvested", DatasetStore.ts(clock.instant()), newEtag, r.id())
                            .update();
                    audit.record("opendata.resource", r.id(), AuditAction.UPDATE, null,
                            Map.of("harvest", "changed", "sha256", a.sha256(), "quality", a.report().level()));
                    return new Outcome(r.id(), "changed", "已擷取新版本 / new version harvested");
                } finally {
                    ResourceIntake.cleanup(a);
                }
            });
            return done != null ? done : fail(r, "擷取的檔案未通過檢核，保留上次的檔案 / the fetched file fails a blocking "
                    + "check; the last good copy is kept");
        } catch (IOException e) {
            return fail(r, "無法連線：" + e.getClass().getSimpleName() + "，保留上次的檔案 / cannot fetch; the last good copy is kept");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(r, "中斷 / interrupted");
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

    private Outcome ok(Resource r, String status, String message, String etag) {
        tx.executeWithoutResult(s -> jdbc.sql("""
                update opendata_resource set harvest_status = 'ok', harvest_message = ?, harvested_at = ?,
                  harvest_etag = coalesce(?, harvest_etag) where id = ?""")
                .params(message, DatasetStore.ts(clock.instant()), etag, r.id()).update());
        if ("failed".equals(r.harvestStatus())) {
            tx.executeWithoutResult(s -> intake.recomputeLevel(r.datasetId()));
        }
        return new Outcome(r.id(), status, message);
    }

    private Outcome fail(Resource r, String message) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("update opendata_resource set harvest_status = 'failed', harvest_message = ?, harvested_at = ? where id = ?")
                    .params(message, DatasetStore.ts(clock.instant()), r.id()).update();
            intake.recomputeLevel(r.datasetId());
            if (!"failed".equals(r.harvestStatus())) {
                Dataset d = store.find(r.datasetId()).orElseThrow();
                if (d.contactEmail() != null) {
                    notifications.email(d.contactEmail(), "開放資料擷取失敗：" + d.title() + " / Harvest failed",
                            "資料集「" + d.title() + "」的資源「" + r.name() + "」(" + r.url() + ") 擷取失敗：" + message
                                    + "\n平台繼續提供上次成功擷取的檔案。\n\nThe harvest of a resource failed; the last good "
                                    + "copy stays published.", "opendata.resource", r.id());
                }
                audit.record("opendata.resource", r.id(), AuditAction.UPDATE, Map.of("harvest", String.valueOf(r.harvestStatus())),
                        Map.of("harvest", "failed", "message", message));
            }
        });
        return new Outcome(r.id(), "failed", message);
    }
}
