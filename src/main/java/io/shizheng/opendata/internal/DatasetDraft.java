package io.shizheng.opendata.internal;

import java.util.List;
import java.util.Map;

/**
 * Metadata as a client sends it, every field optional: a create or full update fills what is missing with
 * defaults, a patch keeps the current value of what is missing (null).
 */
public record DatasetDraft(String name, String title, String notes, String category, String fieldsDesc, String ownerOrg,
                    String contactName, String contactEmail, String contactPhone, String updateFrequency,
                    String license, String charge, String state, Boolean isPrivate, String fieldSchema,
                    Map<String, String> extras, List<String> tags, List<String> groups,
                    List<ResourceDraft> resources) {

    /** A resource given by metadata (a URL resource, or an existing resource by id). */
    public record ResourceDraft(String id, String name, String description, String url, String format) {
    }
}
