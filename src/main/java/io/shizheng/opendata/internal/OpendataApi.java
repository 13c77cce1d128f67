package io.shizheng.opendata.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The catalogue's own REST API beside CKAN's: search with facets, lifecycle steps (上架/下架), uploads with
 * their quality report, the quality report and version history of a dataset.
 */
@RestController
@RequestMapping("/api/opendata")
@Tag(name = "開放資料 / Open data", description = "資料集目錄、上下架、上傳與品質檢核 / catalogue, lifecycle, uploads, quality")
class OpendataApi {

    private final Catalog catalog;
    private final DatasetStore store;
    private final DatasetSearch search;
    private final ResourceIntake intake;
    private final ResourceFiles files;
    private final CkanDicts dicts;
    private final Harvester harvester;

    OpendataApi(Catalog catalog, DatasetStore store, DatasetSearch search, ResourceIntake intake, ResourceFiles files,
                CkanDicts dicts, Harvester harvester) {
        this.harvester = harvester;
        this.catalog = catalog;
        this.store = store;
        this.search = search;
        this.intake = intake;
        this.files = files;
        this.dicts = dicts;
    }

    /** A file upload that is not multipart/form-data is answered 415 (problem+json): the client must change what it sends. */
    private static void requireMultipart(jakarta.servlet.http.HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            org.springframework.http.MediaType given = null;
            try {
                given = type == null ? null : org.springframework.http.MediaType.parseMediaType(type);
            } catch (org.springframework.http.InvalidMediaTypeException ignored) {
                // an unreadable Content-Type is as unsupported as a wrong one
            }
            HttpMediaTypeNotSupportedException e = new HttpMediaTypeNotSupportedException(given,
                    List.of(org.springframework.http.MediaType.MULTIPART_FORM_DATA), org.springframework.http.HttpMethod.POST);
            e.getBody().setTitle("不支援的內容類型 / Unsupported media type");
            e.getBody().setDetail("上傳檔案須以 multipart/form-data 送出，檔案欄位名稱為 file（原始內容請用 /datasets/{name}/files）"
                    + " / Send the upload as multipart/form-data with the file in the part 'file' (raw bodies go to "
                    + "/datasets/{name}/files)");
            throw e;
        }
    }

    private static String site() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }

    @GetMapping("/datasets")
    @Operation(summary = "搜尋資料集（中英文，含分面）/ Search datasets with facets")
    Map<String, Object> search(@RequestParam(required = false) String q, @RequestParam(required = false) String fq,
                               @RequestParam(defaultValue = "0") int start, @RequestParam(defaultValue = "20") int rows,
                               @RequestParam(required = false) String sort) {
        DatasetSearch.Result r = search.search(new DatasetSearch.Query(q, fq, rows, start, sort,
                DatasetSearch.DEFAULT_FACETS, 20, true, true), CurrentUser.get().orElse(null));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", r.count());
        m.put("results", r.results().stream().map(d -> dicts.dataset(d, site())).toList());
        m.put("facets", r.facets());
        return m;
    }

    @GetMapping("/datasets/{name}")
    @Operation(summary = "資料集 / A dataset")
    Map<String, Object> dataset(@PathVariable String name) {
        return dicts.dataset(catalog.visible(name), site());
    }

    @GetMapping("/datasets/{name}/quality")
    @Operation(summary = "品質報告與等級 / Quality report and level")
    Map<String, Object> quality(@PathVariable String name) {
        return intake.datasetReport(catalog.visible(name));
    }

    @PostMapping("/datasets/{name}/quality")
    @Operation(summary = "立即重新檢核 / Re-run the quality checks now")
    Map<String, Object> recheck(@PathVariable String name) {
        Dataset d = catalog.editable(name);
        intake.recheck(d.id());
        return intake.datasetReport(store.find(d.id()).orElseThrow());
    }

    @GetMapping("/datasets/{name}/versions")
    @Operation(summary = "版本紀錄 / Version history")
    List<DatasetStore.Version> versions(@PathVariable String name) {
        return store.versions(catalog.visible(name).id());
    }

    @GetMapping("/datasets/{name}/uploads")
    @Operation(summary = "上傳紀錄（含中斷者）/ Upload history: each file taken into a resource, with its state "
            + "(RUNNING, APPLIED, REJECTED, FAILED, INTERRUPTED); for those who may edit the dataset")
    List<ResourceIntake.Upload> uploads(@PathVariable String name) {
        return intake.uploads(catalog.editable(name).id(), 100);
    }

    @PostMapping("/datasets/{name}/publish")
    @Operation(summary = "上架 / Publish")
    Map<String, Object> publish(@PathVariable String name) {
        return dicts.dataset(catalog.publish(name), site());
    }

    @PostMapping("/datasets/{name}/withdraw")
    @Operation(summary = "下架 / Withdraw")
    Map<String, Object> withdraw(@PathVariable String name) {
        return dicts.dataset(catalog.withdraw(name), site());
    }

    @PostMapping("/datasets/{name}/resources")
    @Operation(summary = "上傳資料檔（未完整上傳不會建立資源）/ Upload a file; nothing is created unless it arrives whole")
    ResponseEntity<Map<String, Object>> upload(@PathVariable String name,
                                               @RequestParam(name = "file", required = false) MultipartFile file,
                                               @RequestParam(required = false) String title,
                                               @RequestParam(required = false) String description,
                                               @RequestParam(required = false) String format,
                                               jakarta.servlet.http.HttpServletRequest request)
            throws HttpMediaTypeNotSupportedException {
        Catalog.requireWriter();
        requireMultipart(request);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "請選擇檔案 / Choose a file");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("opendata-upload-", ".dat");
            file.transferTo(tmp);
            Resource r = intake.upload(name, title, description, format, file.getOriginalFilename(), tmp);
            Dataset d = store.find(r.datasetId()).orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>(dicts.resource(r, d, site()));
            body.put("quality_report", r.qualityReport() == null ? null : dicts.json().readTree(r.qualityReport()));
            return ResponseEntity.created(URI.create("/api/opendata/resources/" + r.id() + "/download")).body(body);
        } catch (IOException e) {
            throw new InvalidInputException("file", "上傳未完成，未建立任何資源 / The upload did not complete; nothing was created");
        } finally {
            delete(tmp);
        }
    }

    /**
     * The file as the raw request body (what the page's upload sends): no multipart size limit, streamed to a
     * temporary file; a body shorter than its Content-Length (a broken upload) creates nothing.
     */
    @PostMapping(value = "/datasets/{name}/files", consumes = "application/octet-stream")
    @Operation(summary = "上傳資料檔（原始內容）/ Upload a file as the raw request body")
    ResponseEntity<Map<String, Object>> uploadRaw(@PathVariable String name, @RequestParam String filename,
                                                  @RequestParam(required = false) String title,
                                                  @RequestParam(required = false) String format,
                                                  jakarta.servlet.http.HttpServletRequest request) {
        Catalog.requireWriter();
        Path tmp = null;
        try {
            tmp = Files.createTempFile("opendata-upload-", ".dat");
            long expected = request.getContentLengthLong();
            long got;
            try (java.io.InputStream in = request.getInputStream()) {
                got = Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            if (expected >= 0 && got != expected) {
                throw new InvalidInputException("file", "上傳未完成（收到 " + got + " / " + expected + " 位元組），未建立任何資源 "
                        + "/ The upload broke off; nothing was created");
            }
            if (got == 0) {
                throw new InvalidInputException("file", "檔案是空的 / The file is empty");
            }
            Resource r = intake.upload(name, title, null, format, filename, tmp);
            Dataset d = store.find(r.datasetId()).orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>(dicts.resource(r, d, site()));
            body.put("quality_report", r.qualityReport() == null ? null : dicts.json().readTree(r.qualityReport()));
            return ResponseEntity.created(URI.create("/api/opendata/resources/" + r.id() + "/download")).body(body);
        } catch (IOException e) {
            throw new InvalidInputException("file", "上傳未完成，未建立任何資源 / The upload did not complete; nothing was created");
        } finally {
            delete(tmp);
        }
    }

    @PostMapping("/resources/{id}/file")
    @Operation(summary = "上傳新版本檔案 / Upload a new version of a resource's file")
    Map<String, Object> replace(@PathVariable UUID id, @RequestParam(name = "file", required = false) MultipartFile file,
                                jakarta.servlet.http.HttpServletRequest request) throws HttpMediaTypeNotSupportedException {
        Catalog.requireWriter();
        requireMultipart(request);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "請選擇檔案 / Choose a file");
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("opendata-upload-", ".dat");
            file.transferTo(tmp);
            Resource r = intake.replace(id, file.getOriginalFilename(), tmp);
            Dataset d = store.find(r.datasetId()).orElseThrow();
            Map<String, Object> body = new LinkedHashMap<>(dicts.resource(r, d, site()));
            body.put("versions", files.versions(id));
            return body;
        } catch (IOException e) {
            throw new InvalidInputException("file", "上傳未完成 / The upload did not complete; nothing changed");
        } finally {
            delete(tmp);
        }
    }

    @PostMapping("/resources/{id}/harvest")
    @Operation(summary = "立即擷取網址資源 / Harvest a URL resource now")
    Harvester.Outcome harvest(@PathVariable UUID id) {
        Resource r = store.resource(id).orElseThrow(() -> new io.shizheng.platform.NotFoundException(
                "找不到資源 / Resource not found"));
        catalog.editable(store.find(r.datasetId()).orElseThrow().name());
        return harvester.harvest(id);
    }

    private static void delete(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // temp file
            }
        }
    }
}
