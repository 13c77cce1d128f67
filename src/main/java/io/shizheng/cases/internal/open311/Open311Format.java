package io.shizheng.cases.internal.open311;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 bodies in JSON or XML from the same ordered maps. XML follows the specification's element names:
 * a list root (services, service_requests, errors) of singular items, nested lists of singular elements.
 */
final class Open311Format {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<String, String> SINGULAR = Map.of("services", "service", "service_requests", "request",
            "errors", "error", "attributes", "attribute", "values", "value");

    private Open311Format() {
    }

    static boolean valid(String format) {
        return "json".equals(format) || "xml".equals(format);
    }

    static ResponseEntity<String> body(HttpStatus status, String format, String root, Object content) {
        HttpHeaders h = new HttpHeaders();
        if ("xml".equals(format)) {
            h.set(HttpHeaders.CONTENT_TYPE, "text/xml; charset=utf-8");
            StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>");
            element(sb, root, content);
            return new ResponseEntity<>(sb.toString(), h, status);
        }
        h.set(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8");
        return new ResponseEntity<>(JSON.writeValueAsString(content), h, status);
    }

    static ResponseEntity<String> error(HttpStatus status, String format, List<String> descriptions) {
        List<Map<String, Object>> errors = descriptions.stream()
                .map(d -> Map.<String, Object>of("code", status.value(), "description", d)).toList();
        return body(status, valid(format) ? format : "json", "errors",
                errors.stream().map(e -> ordered("code", e.get("code"), "description", e.get("description"))).toList());
    }

    static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void element(StringBuilder sb, String name, Object value) {
        sb.append('<').append(name).append('>');
        if (value instanceof List<?> list) {
            String item = SINGULAR.getOrDefault(name, "item");
            for (Object o : list) {
                element(sb, item, o);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (var e : map.entrySet()) {
                element(sb, (String) e.getKey(), e.getValue());
            }
        } else if (value != null) {
            escape(sb, String.valueOf(value));
        }
        sb.append("</").append(name).append('>');
    }

    private static void escape(StringBuilder sb, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    // characters XML 1.0 cannot carry are dropped
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        sb.append(c);
                    }
                }
            }
        }
    }
}
