package io.shizheng.opendata.internal.ckan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.opendata.internal.DatasetDraft.ResourceDraft;
import io.shizheng.platform.CurrentUser;
import io.shizheng.platform.ForbiddenException;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import io.shizheng.platform.ShizhengUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import io.shizheng.opendata.internal.SearchIndex;
import io.shizheng.opendata.internal.DatasetStore;
import io.shizheng.opendata.internal.Licenses;
import io.shizheng.opendata.internal.Dataset;
import io.shizheng.opendata.internal.DatasetSearch;
import io.shizheng.opendata.internal.ResourceIntake;
import io.shizheng.opendata.internal.Catalog;
import io.shizheng.opendata.internal.CkanDicts;

import static io.shizheng.opendata.internal.ckan.CkanParams.boolParam;
import static io.shizheng.opendata.internal.ckan.CkanParams.intParam;
import static io.shizheng.opendata.internal.ckan.CkanParams.naturalParam;
import static io.shizheng.opendata.internal.ckan.CkanParams.required;
import static io.shizheng.opendata.internal.ckan.CkanParams.text;

/**
 * CKAN Action API v3: {@code /api/3/action/{name}} and {@code /api/action/{name}}, GET or POST (JSON, form or
 * multipart), answering {@code {"help","success","result"}} or {@code {"success":false,"error":{"__type",
 * "message"}}} with CKAN's status codes, so that CKAN clients and harvesters work unchanged. Writes need an API
 * token (Authorization or X-CKAN-API-Key) of an agency officer or RDEC staff.
 */
@RestController
@Tag(name = "CKAN Action API v3", description = "CKAN 相容 API（package_search、package_show、package_create…）/ "
        + "CKAN-compatible open-data API")
class CkanApi {

    private static final Logger log = LoggerFactory.getLogger(CkanApi.class);
    static final Set<String> WRITES = Set.of("package_create", "package_update", "package_patch", "package_delete",
            "resource_create");

    private final Catalog catalog;
    private final DatasetStore store;
    private final DatasetSearch search;
    private final SearchIndex index;
    private final ResourceIntake intake;
    private final CkanDicts dicts;
    private final io.shizheng.platform.Jurisdiction jurisdiction;
    private final CkanDrafts drafts;
    private final CkanDirectory directory;

    CkanApi(Catalog catalog, DatasetStore store, DatasetSearch search, SearchIndex index, ResourceIntake intake,
            CkanDicts dicts, io.shizheng.platform.Jurisdiction jurisdiction, CkanDrafts drafts, CkanDirectory directory) {
        this.catalog = catalog;
        this.store = store;
        this.search = search;
        this.index = index;
        this.intake = intake;
        this.dicts = dicts;
        this.jurisdiction = jurisdiction;
        this.drafts = drafts;
        this.directory = directory;
    }

    @RequestMapping(value = {"/api/3/action/{action}", "/api/action/{action}"},
            method = {RequestMethod.GET, RequestMethod.POST}, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "CKAN 動作 / A CKAN action", description = "Read: package_list, package_search, package_show, "
            + "organization_list, organization_show, group_list, group_show, tag_list, resource_show, license_list, "
            + "status_show, site_read. Write (token): package_create, package_update, package_patch, package_delete, "
            + "resource_create (multipart field 'upload').")
    ResponseEntity<Map<String, Object>> action(@Parameter(description = "action name") @PathVariable String action,
                                               HttpServletRequest request) {
        String site = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        String help = site + "/api/3/action/help_show?name=" + action;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", help);
        try {
            if (WRITES.contains(action) && !"POST".equals(request.getMethod())) {
                throw new CkanError(400, "Bad request", "寫入動作須以 POST 呼叫 / " + action + " must be called with POST", null);
            }
            ObjectNode params = CkanParams.read(request, dicts.json());
            Object result = dispatch(action, params, request, site);
            body.put("success", true);
            body.put("result", result);
            return ResponseEntity.ok(body);
        } catch (CkanError e) {
            return error(body, e.status, e.type, e.getMessage(), e.fields);
        } catch (NotFoundException e) {
            return error(body, 404, "Not Found Error", e.getMessage(), null);
        } catch (ForbiddenException | AccessDeniedException | AuthenticationException e) {
            return error(body, 403, "Authorization Error", "Access denied: " + e.getMessage(), null);
        } catch (InvalidInputException e) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            e.problems().forEach(p -> fields.computeIfAbsent(p.field(), k -> new ArrayList<>()).add(p.message()));
            return error(body, 409, "Validation Error", e.getMessage(), fields);
        } catch (RuntimeException e) {
            log.warn("CKAN action {} failed", action, e);
            return error(body, 500, "Internal Server Error", "內部錯誤 / internal error: " + e.getClass().getSimpleName(), null);
        }
    }

    private static ResponseEntity<Map<String, Object>> error(Map<String, Object> body, int status, String type,
                                                             String message, Map<String, List<String>> fields) {
        Map<String, Object> err = new LinkedHashMap<>();
        err.put("__type", type);
        err.put("message", message);
        if (fields != null) {
            err.putAll(fields);
        }
        body.put("success", false);
        body.put("error", err);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private Object dispatch(String action, ObjectNode p, HttpServletRequest request, String site) {
        ShizhengUser me = CurrentUser.get().orElse(null);
        return switch (action) {
            case "site_read" -> true;
            case "status_show" -> statusShow(site);
            case "package_list" -> packageList(p);
            case "package_search" -> packageSearch(p, me, site);
            case "package_show" -> dicts.dataset(catalog.visible(required(p, "id")), site);
            case "resource_show" -> resourceShow(required(p, "id"), site);
            case "organization_list" -> directory.organizationList(p, site);
            case "organization_show" -> directory.organizationShow(p, site, me);
            case "group_list" -> directory.groupList(p);
            case "group_show" -> directory.groupShow(p);
            case "tag_list" -> directory.tagList(p);
            case "license_list" -> Licenses.ALL.values().stream().map(l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", l.id());
                m.put("title", l.title());
                m.put("url", l.url());
                return m;
            }).toList();
            case "package_create" -> dicts.dataset(catalog.create(drafts.draft(p), request.getHeader("Idempotency-Key")), site);
            case "package_update" -> dicts.dataset(catalog.update(required(p, "id", "name"), drafts.draft(p), false), site);
            case "package_patch" -> dicts.dataset(catalog.update(required(p, "id", "name"), drafts.draft(p), true), site);
            case "package_delete" -> {
                catalog.delete(required(p, "id", "name"));
                yield null;
            }
            case "resource_create" -> resourceCreate(p, request, site);
            default -> throw new CkanError(400, "Bad request", "Bad request - Action name not known: " + action, null);
        };
    }

    private Map<String, Object> statusShow(String site) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("site_title", jurisdiction.openDataTitle() + "（市政）");
        m.put("site_description", "Shizheng open-data catalogue, CKAN Action API v3 compatible");
        m.put("site_url", site);
        m.put("ckan_version", "2.10.4");
        m.put("error_emails_to", null);
        m.put("locale_default", "zh_Hant_TW");
        m.put("extensions", List.of("dcat", "shizheng_quality", "shizheng_conversion"));
        return m;
    }

    private List<String> packageList(ObjectNode p) {
        int limit = naturalParam(p, "limit", Integer.MAX_VALUE);
        int offset = naturalParam(p, "offset", 0);
        return index.docs().stream().filter(SearchIndex.Doc::publiclyVisible).map(SearchIndex.Doc::name).sorted()
                .skip(offset).limit(limit).toList();
    }

    Map<String, Object> packageSearch(ObjectNode p, ShizhengUser me, String site) {
        List<String> facetFields = null;
        JsonNode ff = p.get("facet.field");
        if (ff != null && !"false".equals(text(p, "facet"))) {
            facetFields = new ArrayList<>();
            JsonNode list = ff;
            if (ff.isString()) {
                try {
                    list = dicts.json().readTree(ff.asString());
                } catch (RuntimeException e) {
                    throw new InvalidInputException("facet.field", "facet.field 須為 JSON 陣列 / must be a JSON list");
                }
            }
            if (!list.isArray()) {
                throw new InvalidInputException("facet.field", "facet.field 須為 JSON 陣列 / must be a JSON list");
            }
            for (JsonNode f : list) {
                facetFields.add(CkanParams.scalar(f, "facet.field"));
            }
        }
        DatasetSearch.Result r = search.search(new DatasetSearch.Query(text(p, "q"), text(p, "fq"),
                intParam(p, "rows", 10), intParam(p, "start", 0), text(p, "sort"), facetFields,
                intParam(p, "facet.limit", 50), boolParam(p, "include_drafts"), boolParam(p, "include_private")), me);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", r.count());
        m.put("sort", r.sort());
        m.put("results", r.results().stream().map(d -> dicts.dataset(d, site)).toList());
        Map<String, Object> facets = new LinkedHashMap<>();
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        r.facets().forEach((field, items) -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            items.forEach(i -> counts.put(i.name(), i.count()));
            facets.put(field, counts);
            searchFacets.put(field, Map.of("title", field, "items", items.stream().map(i -> Map.of("name", i.name(),
                    "display_name", i.displayName(), "count", i.count())).toList()));
        });
        m.put("facets", facets);
        m.put("search_facets", searchFacets);
        return m;
    }

    private Map<String, Object> resourceShow(String id, String site) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("找不到資源 " + id + " / Resource was not found.");
        }
        Resource r = store.resource(uuid).orElseThrow(() -> new NotFoundException("找不到資源 " + id + " / Resource was not found."));
        Dataset d = catalog.visible(store.find(r.datasetId()).orElseThrow().uuid().toString());
        return dicts.resource(r, d, site);
    }

    private Map<String, Object> resourceCreate(ObjectNode p, HttpServletRequest request, String site) {
        Catalog.requireWriter();
        String packageId = required(p, "package_id");
        MultipartFile upload = request instanceof MultipartHttpServletRequest mp ? mp.getFile("upload") : null;
        Resource r;
        if (upload != null && !upload.isEmpty()) {
            Path tmp = null;
            try {
                tmp = Files.createTempFile("ckan-upload-", ".dat");
                upload.transferTo(tmp);
                r = intake.upload(packageId, text(p, "name"), text(p, "description"), text(p, "format"),
                        upload.getOriginalFilename(), tmp);
            } catch (IOException e) {
                throw new InvalidInputException("upload", "上傳未完成，未建立任何資源 / The upload did not complete; nothing was created");
            } finally {
                if (tmp != null) {
                    try {
                        Files.deleteIfExists(tmp);
                    } catch (IOException ignored) {
                        // temp file
                    }
                }
            }
        } else {
            String url = text(p, "url");
            if (url == null || url.isBlank()) {
                throw new InvalidInputException("url", "須提供 url 或上傳檔案 upload / Give a url or upload a file");
            }
            r = catalog.addUrlResource(packageId, new ResourceDraft(null, text(p, "name"), text(p, "description"), url,
                    text(p, "format")));
        }
        Dataset d = store.find(r.datasetId()).orElseThrow();
        return dicts.resource(r, d, site);
    }
}
