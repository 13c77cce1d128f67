package io.shizheng.opendata.internal.ckan;

import java.util.List;
import java.util.Map;

/** A CKAN error: its __type, HTTP status and message, plus field errors for validation. */
final class CkanError extends RuntimeException {
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
