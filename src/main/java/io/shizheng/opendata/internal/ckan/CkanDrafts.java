package io.shizheng.opendata.internal.ckan;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.opendata.internal.DatasetDraft.ResourceDraft;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import io.shizheng.opendata.internal.DatasetDraft;
import io.shizheng.opendata.internal.CkanDicts;

import static io.shizheng.opendata.internal.ckan.CkanParams.text;

/** A CKAN package dict (package_create, package_update, package_patch) read into a catalogue draft. */
@Component
class CkanDrafts {

    private final CkanDicts dicts;

    CkanDrafts(CkanDicts dicts) {
        this.dicts = dicts;
    }

    /** Fields a package dict gives as text, and those it gives as lists. */
    private static final List<String> TEXT_FIELDS = List.of("name", "title", "notes", "owner_org", "maintainer",
            "maintainer_email", "maintainer_phone", "license_id", "state", "category", "fields_description",
            "update_frequency", "charge", "contact_phone", "tag_string");
    private static final List<String> LIST_FIELDS = List.of("tags", "groups", "resources");

    /**
     * A value of the wrong shape is a validation error naming the field, as in CKAN, never stored as its JSON text
     * nor silently dropped.
     */
    static void checkShapes(ObjectNode p) {
        List<FieldProblem> problems = new ArrayList<>();
        for (String f : TEXT_FIELDS) {
            JsonNode v = p.get(f);
            if (v != null && (v.isArray() || v.isObject())) {
                problems.add(new FieldProblem(f, "須為文字 / Must be a string"));
            }
        }
        for (String f : LIST_FIELDS) {
            JsonNode v = p.get(f);
            if (v != null && !v.isNull() && !v.isArray()) {
                problems.add(new FieldProblem(f, "須為清單 / Not a list" + (f.equals("tags") ? "; give tag_string for "
                        + "comma-separated tags" : "")));
            }
        }
        JsonNode priv = p.get("private");
        if (priv != null && !priv.isNull() && !priv.isBoolean() && CkanParams.bool(priv) == null) {
            problems.add(new FieldProblem("private", "須為 true 或 false / Must be true or false"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    DatasetDraft draft(ObjectNode p) {
        checkShapes(p);
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
                    raw.put(e.path("key").isMissingNode() ? "" : CkanParams.scalar(e.path("key"), "extras"), e.path("value").isString() ? e.path("value").asString()
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
                String tag = CkanParams.scalar(t.isObject() ? t.path("name") : t, "tags");
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
                groups.add(CkanParams.scalar(g.isObject() ? (g.has("name") ? g.path("name") : g.path("id")) : g, "groups"));
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
        Boolean isPrivate = p.has("private") && !p.get("private").isNull() ? CkanParams.bool(p.get("private")) : null;
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

    static String optional(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? null : CkanParams.scalar(v, "resources");
    }
}
