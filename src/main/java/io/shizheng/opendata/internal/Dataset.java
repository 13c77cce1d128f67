package io.shizheng.opendata.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A dataset as the catalogue keeps it: data.gov.tw metadata, lifecycle, quality and its resources. */
public record Dataset(long id, UUID uuid, String name, String title, String notes, String category, String fieldsDesc,
               long agencyId, String contactName, String contactEmail, String contactPhone, String updateFrequency,
               String license, String charge, State state, boolean isPrivate, String fieldSchema,
               Map<String, String> extras, Instant firstPublishedAt, Instant publishedAt, Instant withdrawnAt,
               Instant createdAt, Instant modifiedAt, Instant dataUpdatedAt, String qualityLevel,
               Instant qualityCheckedAt, long downloadCount, int version, boolean demo, List<String> tags,
               List<String> groups, List<Resource> resources) {

    enum State {
        draft, published, withdrawn, deleted;

        /** CKAN's word for the state: active, draft or deleted (a withdrawn dataset is deleted in CKAN terms). */
        String ckan() {
            return switch (this) {
                case published -> "active";
                case draft -> "draft";
                case withdrawn, deleted -> "deleted";
            };
        }
    }

    boolean publiclyVisible() {
        return state == State.published && !isPrivate;
    }

    Dataset withResources(List<Resource> list) {
        return new Dataset(id, uuid, name, title, notes, category, fieldsDesc, agencyId, contactName, contactEmail,
                contactPhone, updateFrequency, license, charge, state, isPrivate, fieldSchema, extras, firstPublishedAt,
                publishedAt, withdrawnAt, createdAt, modifiedAt, dataUpdatedAt, qualityLevel, qualityCheckedAt,
                downloadCount, version, demo, tags, groups, list);
    }

    /** A resource: an uploaded file (kept in versions) or a URL (harvested on a schedule). */
    public record Resource(UUID id, long datasetId, String name, String description, String kind, String url, String format,
                    String encoding, Long sizeBytes, String sha256, int position, Instant createdAt,
                    Instant modifiedAt, String qualityLevel, String qualityReport, String harvestStatus,
                    String harvestMessage, Instant harvestedAt, long downloadCount, boolean demo) {

        boolean upload() {
            return "upload".equals(kind);
        }
    }
}
