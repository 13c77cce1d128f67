package io.shizheng.opendata.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.shizheng.opendata.internal.Dataset.Resource;
import io.shizheng.opendata.internal.DatasetDraft.ResourceDraft;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
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
    private final AgencyDirectory agencies;
    private final io.shizheng.platform.Jurisdiction jurisdiction;

    CkanApi(Catalog catalog, DatasetStore store, DatasetSearch search, SearchIndex index, ResourceIntake intake,
            CkanDicts dicts, AgencyDirectory agencies, io.shizheng.platform.Jurisdiction jurisdiction) {
        this.catalog = catalog;
        this.store = store;
        this.search = search;
        this.index = index;
        this.intake = intake;
        this.dicts = dicts;
        this.agencies = agencies;
        this.jurisdiction = jurisdiction;
    }

    /** A CKAN error: its __type, HTTP status and message, plus field errors for validation. */
    static final class CkanError extends RuntimeException {
        final int status;
        final String type;
        final Map<String, List<String>> fields;

        CkanError(int status, String type, String message, Map<String, List<String>> fields) {
            super(message);
            this.status = status;
            this.type = type;
            this.fields = fields;
        }
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
            ObjectNode params = params(request);
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

    private ObjectNode params(HttpServletRequest request) {
        ObjectNode node = dicts.json().createObjectNode();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if ("POST".equals(request.getMethod()) && !type.startsWith("multipart/")
                && !type.startsWith("application/x-www-form-urlencoded")) {
            try (InputStream in = request.getInputStream()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0 && !new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                    JsonNode parsed = dicts.json().readTree(bytes);
                    if (!parsed.isObject()) {
                        throw new CkanError(400, "Bad request - JSON Error", "請求內容須為 JSON 物件 / the body must be a JSON object", null);
                    }
                    node.setAll((ObjectNode) parsed);
                }
            } catch (IOException | tools.jackson.core.JacksonException e) {
                throw new CkanError(400, "Bad request - JSON Error", "JSON 無法解析 / Could not parse the request body as JSON", null);
            }
        }
        request.getParameterMap().forEach((k, v) -> {
            if (!node.has(k) && v.length > 0) {
                node.put(k, v[0]);
            }
        });
        return node;
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
            case "organization_list" -> organizationList(p, site);
            case "organization_show" -> organizationShow(p, site, me);
            case "group_list" -> groupList(p);
            case "group_show" -> groupShow(p);
            case "tag_list" -> tagList(p);
            case "license_list" -> Licenses.ALL.values().stream().map(l -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", l.id());
                m.put("title", l.title());
                m.put("url", l.url());
                return m;
            }).toList();
            case "package_create" -> dicts.dataset(catalog.create(draft(p), request.getHeader("Idempotency-Key")), site);
            case "package_update" -> dicts.dataset(catalog.update(required(p, "id", "name"), draft(p), false), site);
            case "package_patch" -> dicts.dataset(catalog.update(required(p, "id", "name"), draft(p), true), site);
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
        int limit = intParam(p, "limit", Integer.MAX_VALUE);
        int offset = intParam(p, "offset", 0);
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
                facetFields.add(scalar(f, "facet.field"));
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

    private Map<String, Long> packageCounts() {
        Map<String, Long> counts = new HashMap<>();
        index.docs().stream().filter(SearchIndex.Doc::publiclyVisible).forEach(d -> counts.merge(d.org(), 1L, Long::sum));
        return counts;
    }

    private List<Agency> organizations() {
        return agencies.all().stream().filter(a -> a.active() && a.kind() != AgencyKind.CITY).toList();
    }

    private Object organizationList(ObjectNode p, String site) {
        Map<String, Long> counts = packageCounts();
        List<Agency> orgs = new ArrayList<>(organizations());
        String sort = text(p, "sort");
        if (sort != null && sort.startsWith("package_count")) {
            orgs.sort(Comparator.comparingLong((Agency a) -> counts.getOrDefault(Catalog.orgName(a), 0L)).reversed());
        } else {
            orgs.sort(Comparator.comparing(Catalog::orgName));
        }
        int offset = intParam(p, "offset", 0);
        int limit = intParam(p, "limit", 1000);
        List<Agency> page = orgs.stream().skip(offset).limit(limit).toList();
        if (boolParam(p, "all_fields")) {
            return page.stream().map(a -> dicts.organization(a, counts.getOrDefault(Catalog.orgName(a), 0L), site)).toList();
        }
        return page.stream().map(Catalog::orgName).toList();
    }

    private Map<String, Object> organizationShow(ObjectNode p, String site, ShizhengUser me) {
        String id = required(p, "id");
        Agency a = catalog.agency(id).filter(x -> x.kind() != AgencyKind.CITY)
                .orElseThrow(() -> new NotFoundException("找不到機關 " + id + " / Organization not found"));
        Map<String, Object> m = dicts.organization(a, packageCounts().getOrDefault(Catalog.orgName(a), 0L), site);
        if (p.has("include_datasets") ? boolParam(p, "include_datasets") : false) {
            DatasetSearch.Result r = search.search(new DatasetSearch.Query(null, "organization:" + Catalog.orgName(a),
                    1000, 0, "name asc", null, 0, false, false), me);
            m.put("packages", r.results().stream().map(d -> dicts.dataset(d, site)).toList());
        }
        return m;
    }

    private Object groupList(ObjectNode p) {
        Map<String, Long> counts = new HashMap<>();
        index.docs().stream().filter(SearchIndex.Doc::publiclyVisible)
                .forEach(d -> d.groups().forEach(g -> counts.merge(g, 1L, Long::sum)));
        List<DatasetStore.Group> groups = store.groups();
        if (boolParam(p, "all_fields")) {
            return groups.stream().map(g -> dicts.group(g, counts.getOrDefault(g.name(), 0L))).toList();
        }
        return groups.stream().map(DatasetStore.Group::name).toList();
    }

    private Object groupShow(ObjectNode p) {
        String id = required(p, "id");
        DatasetStore.Group g = store.group(id).orElseThrow(() -> new NotFoundException("找不到主題 " + id + " / Group not found"));
        long count = index.docs().stream().filter(d -> d.publiclyVisible() && d.groups().contains(g.name())).count();
        return dicts.group(g, count);
    }

    private Object tagList(ObjectNode p) {
        String query = text(p, "query");
        Set<String> tags = new TreeSet<>();
        index.docs().stream().filter(SearchIndex.Doc::publiclyVisible).forEach(d -> tags.addAll(d.tags()));
        List<String> list = tags.stream().filter(t -> query == null || t.toLowerCase().contains(query.toLowerCase())).toList();
        if (boolParam(p, "all_fields")) {
            return list.stream().map(t -> Map.of("name", t, "display_name", t, "id", t)).toList();
        }
        return list;
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

    // ---- CKAN dict → draft ----------------------------------------------------------------------------------

    DatasetDraft draft(ObjectNode p) {
        Map<String, String> extras = null;
        String category = text(p, "category");
        String fieldsDesc = text(p, "fields_description");
        String frequency = text(p, "update_frequency");
        String charge = text(p, "charge");
        String phone = text(p, "contact_phone");
        String schema = p.has("field_schema") ? (p.get("field_schema").isString() ? p.get("field_schema").asString()
                : dicts.json().writeValueAsString(p.get("field_schema"))) : null;
        JsonNode ex = p.get("extras");
        if (ex != null && !ex.isNull()) {
            extras = new LinkedHashMap<>();
            Map<String, String> raw = new LinkedHashMap<>();
            if (ex.isArray()) {
                for (JsonNode e : ex) {
                    raw.put(e.path("key").isMissingNode() ? "" : scalar(e.path("key"), "extras"), e.path("value").isString() ? e.path("value").asString()
                            : e.path("value").toString());
                }
            } else if (ex.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = ex.properties().iterator(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    raw.put(e.getKey(), e.getValue().isString() ? e.getValue().asString() : e.getValue().toString());
                }
            } else {
                throw new InvalidInputException("extras", "extras 須為 [{key,value}] / extras must be a list of {key, value}");
            }
            for (Map.Entry<String, String> e : raw.entrySet()) {
                String key = canonicalExtra(e.getKey());
                String v = e.getValue();
                switch (key) {
                    case "category" -> category = category == null ? v : category;
                    case "fields_description" -> fieldsDesc = fieldsDesc == null ? v : fieldsDesc;
                    case "update_frequency" -> frequency = frequency == null ? v : frequency;
                    case "charge" -> charge = charge == null ? v : charge;
                    case "contact_phone" -> phone = phone == null ? v : phone;
                    case "field_schema" -> schema = schema == null ? v : schema;
                    // computed by the catalogue; a client echoing package_show back must not trip on them
                    case "lifecycle_state", "first_published", "first_published_roc", "data_updated", "quality_level",
                         "download_count", "demo" -> { }
                    default -> {
                        if (key.isBlank()) {
                            throw new InvalidInputException("extras", "extras 的 key 不可空白 / extras keys must not be empty");
                        }
                        extras.put(key, v);
                    }
                }
            }
        }
        List<String> tags = null;
        if (p.has("tags")) {
            tags = new ArrayList<>();
            for (JsonNode t : p.get("tags")) {
                String tag = scalar(t.isObject() ? t.path("name") : t, "tags");
                tags.add(tag == null ? "" : tag);
            }
        } else if (text(p, "tag_string") != null) {
            tags = new ArrayList<>();
            for (String t : text(p, "tag_string").split(",")) {
                if (!t.isBlank()) {
                    tags.add(t.strip());
                }
            }
        }
        List<String> groups = null;
        if (p.has("groups")) {
            groups = new ArrayList<>();
            for (JsonNode g : p.get("groups")) {
                groups.add(scalar(g.isObject() ? (g.has("name") ? g.path("name") : g.path("id")) : g, "groups"));
            }
        }
        List<ResourceDraft> resources = null;
        if (p.has("resources")) {
            resources = new ArrayList<>();
            for (JsonNode r : p.get("resources")) {
                String url = r.path("url").isString() ? r.path("url").asString() : null;
                String id = r.path("id").isString() ? r.path("id").asString() : null;
                // Echoed upload URLs point at ourselves; the file stays, so only metadata changes.
                resources.add(new ResourceDraft(id, optional(r, "name"), optional(r, "description"),
                        id != null ? null : url, optional(r, "format")));
            }
        }
        String state = text(p, "state");
        Boolean isPrivate = p.has("private") ? boolParam(p, "private") : null;
        return new DatasetDraft(text(p, "name"), text(p, "title"), text(p, "notes"), category, fieldsDesc,
                text(p, "owner_org"), text(p, "maintainer"), text(p, "maintainer_email"), text(p, "maintainer_phone") == null
                ? phone : text(p, "maintainer_phone"), frequency, text(p, "license_id"), charge, state, isPrivate, schema,
                extras, tags, groups, resources);
    }

    static String canonicalExtra(String key) {
        String k = key.strip();
        for (Map.Entry<String, String> e : CkanDicts.EXTRA_LABELS.entrySet()) {
            if (e.getKey().equals(k) || e.getValue().equals(k)) {
                return e.getKey();
            }
        }
        return k;
    }

    private static String optional(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : scalar(v, "resources");
    }

    /** A text, number or boolean as text; a list or an object where a value belongs is refused. */
    static String scalar(JsonNode v, String field) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isContainer()) {
            throw new InvalidInputException(field, "須為文字或數字，不可為清單或物件 / must be a text or a number, not a list or an object");
        }
        return v.asString();
    }

    static String text(ObjectNode p, String key) {
        JsonNode v = p.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        return v.isString() ? v.asString() : v.toString();
    }

    static String required(ObjectNode p, String... keys) {
        for (String k : keys) {
            String v = text(p, k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new InvalidInputException(keys[0], "必填 / Missing value");
    }

    static int intParam(ObjectNode p, String key, int def) {
        JsonNode v = p.get(key);
        if (v == null || v.isNull() || (v.isString() && v.asString().isBlank())) {
            return def;
        }
        if (v.isInt()) {
            return v.asInt();
        }
        try {
            return Integer.parseInt(scalar(v, key).strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "須為整數 / Invalid integer");
        }
    }

    static boolean boolParam(ObjectNode p, String key) {
        JsonNode v = p.get(key);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String s = scalar(v, key).strip().toLowerCase();
        return s.equals("true") || s.equals("1") || s.equals("yes") || s.equals("on");
    }
}
