package io.shizheng.opendata.internal;

import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.RocDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import io.shizheng.opendata.internal.formats.Formats;

/**
 * Downloads of resource files, as stored or converted on the fly (CSV ↔ JSON ↔ XML → XLSX/ODS), streamed; each
 * download is counted. A URL resource that was never harvested redirects to its URL.
 */
@RestController
@Tag(name = "開放資料下載 / Open-data downloads")
class Downloads {

    private final DatasetStore store;
    private final Catalog catalog;
    private final ResourceFiles files;
    private final JdbcClient jdbc;
    private final Clock clock;

    Downloads(DatasetStore store, Catalog catalog, ResourceFiles files, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.files = files;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping({"/opendata/resources/{id}/download", "/api/opendata/resources/{id}/download"})
    @Operation(summary = "下載資源（可轉檔）/ Download a resource, optionally converted",
            description = "format = CSV, JSON, XML, XLSX or ODS converts a CSV/JSON/XML resource while streaming.")
    ResponseEntity<StreamingResponseBody> download(@PathVariable String id,
                                                   @RequestParam(required = false) String format) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("找不到資源 / Resource not found");
        }
        Resource r = store.resource(uuid).orElseThrow(() -> new NotFoundException("找不到資源 / Resource not found"));
        Dataset d = catalog.visible(store.find(r.datasetId()).orElseThrow().uuid().toString());
        ResourceFiles.StoredFile f = files.latest(uuid).orElse(null);
        String source = r.format() == null ? "BIN" : r.format().toUpperCase(Locale.ROOT);
        String target = format == null || format.isBlank() ? source : format.strip().toUpperCase(Locale.ROOT);
        if (f == null) {
            if (!r.upload() && r.url() != null && target.equals(source)) {
                count(d, r);
                return ResponseEntity.status(302).location(URI.create(r.url())).build();
            }
            throw new NotFoundException("此資源尚無檔案 / This resource has no file yet");
        }
        boolean convert = !target.equals(source);
        if (convert && !Conversion.supported(source, target)) {
            throw new InvalidInputException("format", "無法由 " + source + " 轉為 " + target + "；可由 CSV、JSON、XML 轉為 "
                    + String.join("、", Conversion.TARGETS) + " / cannot convert " + source + " to " + target);
        }
        count(d, r);
        String base = r.name().replaceAll("\\.[A-Za-z0-9]{2,5}$", "");
        String fileName = base + "." + Formats.extension(target);
        StreamingResponseBody body = out -> {
            try (InputStream in = files.open(f)) {
                if (convert) {
                    Conversion.convert(in, source, target, out);
                } else {
                    in.transferTo(out);
                }
            }
        };
        ResponseEntity.BodyBuilder b = ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header(HttpHeaders.ETAG, "\"" + f.sha256() + (convert ? "-" + target : "") + "\"")
                .contentType(MediaType.parseMediaType(Formats.mediaType(target)));
        if (!convert) {
            b = b.contentLength(f.size());
        }
        return b.body(body);
    }

    private void count(Dataset d, Resource r) {
        store.countDownload(d.id(), r.id(), LocalDate.now(clock.withZone(RocDate.TAIPEI)));
    }
}
