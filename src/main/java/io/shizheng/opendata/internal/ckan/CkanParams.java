package io.shizheng.opendata.internal.ckan;

import java.io.IOException;
import java.io.InputStream;

import io.shizheng.platform.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/** The parameters of a CKAN action, from the JSON body, the form or the query string, read as CKAN reads them. */
final class CkanParams {

    private CkanParams() {
    }

    /** A JSON body's members, then form and query parameters that the body does not already give. */
    static ObjectNode read(HttpServletRequest request, JsonMapper json) {
        ObjectNode node = json.createObjectNode();
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase();
        if ("POST".equals(request.getMethod()) && !type.startsWith("multipart/")
                && !type.startsWith("application/x-www-form-urlencoded")) {
            try (InputStream in = request.getInputStream()) {
                byte[] bytes = in.readAllBytes();
                if (bytes.length > 0 && !new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
                    JsonNode parsed = json.readTree(bytes);
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
        refuseNul(node, null);
        return node;
    }

    /** PostgreSQL can store no NUL character: a value carrying one is refused, naming its top-level field. */
    private static void refuseNul(JsonNode n, String field) {
        if (n.isString() && n.asString().indexOf('\u0000') >= 0) {
            throw new InvalidInputException(field == null ? "body" : field,
                    "不可含 NUL 字元 / must not contain a NUL character");
        }
        if (n.isObject()) {
            for (var e : n.properties()) {
                if (e.getKey().indexOf('\u0000') >= 0) {
                    throw new InvalidInputException(field == null ? "body" : field,
                            "不可含 NUL 字元 / must not contain a NUL character");
                }
                refuseNul(e.getValue(), field == null ? e.getKey() : field);
            }
        } else if (n.isArray()) {
            for (JsonNode v : n) {
                refuseNul(v, field);
            }
        }
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

    /** A count or a position (limit, offset, start): CKAN's natural_number_validator. */
    static int naturalParam(ObjectNode p, String key, int def) {
        int v = intParam(p, key, def);
        if (v < 0) {
            throw new InvalidInputException(key, "須為 0 以上的整數 / Must be a natural number");
        }
        return v;
    }

    /** A strict boolean: true or false as JSON, or as CKAN's words for them; null for anything else. */
    static Boolean bool(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (!v.isString() && !v.isNumber()) {
            return null;
        }
        return switch (v.asString().strip().toLowerCase()) {
            case "true", "1", "yes", "on", "t", "y" -> true;
            case "false", "0", "no", "off", "f", "n", "" -> false;
            default -> null;
        };
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
