package io.shizheng.platform.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.shizheng.platform.AuditLog.AuditEntry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One audit entry as the page shows it: before and after pretty-printed for reading side by side,
 * and the top-level fields that differ between them, so an UPDATE shows at a glance what it changed.
 */
record AuditRow(AuditEntry entry, String before, String after, List<String> changed) {

    static AuditRow of(AuditEntry entry, JsonMapper json) {
        JsonNode before = parse(entry.before(), json);
        JsonNode after = parse(entry.after(), json);
        return new AuditRow(entry, pretty(entry.before(), before, json), pretty(entry.after(), after, json),
                changedFields(before, after));
    }

    /** The stored JSON as a tree; null when absent or (never expected from jsonb) unreadable. */
    static JsonNode parse(String text, JsonMapper json) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static String pretty(String raw, JsonNode node, JsonMapper json) {
        if (raw == null) {
            return null;
        }
        return node == null ? raw : json.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private static List<String> changedFields(JsonNode before, JsonNode after) {
        if (before == null || after == null || !before.isObject() || !after.isObject()) {
            return List.of();
        }
        Set<String> names = new LinkedHashSet<>(before.propertyNames());
        names.addAll(after.propertyNames());
        List<String> changed = new ArrayList<>();
        for (String name : names) {
            if (!Objects.equals(before.get(name), after.get(name))) {
                changed.add(name);
            }
        }
        return changed;
    }
}
