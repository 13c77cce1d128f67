package io.shizheng.opendata.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The declared fields of a tabular dataset (主要欄位說明 made machine-readable), in the shape of a Frictionless
 * Table Schema: {@code {"fields":[{"name":..,"type":..,"required":..}], "primaryKey":[..]}} or a bare array.
 */
record FieldSchema(List<Field> fields, List<String> primaryKey) {

    static final Set<String> TYPES = Set.of("string", "integer", "number", "date", "datetime", "boolean");

    record Field(String name, String type, boolean required) {
    }

    static FieldSchema parse(String text, JsonMapper json) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("欄位定義不是合法的 JSON / field_schema is not valid JSON");
        }
        JsonNode fieldsNode = root.isArray() ? root : root.path("fields");
        if (!fieldsNode.isArray() || fieldsNode.isEmpty()) {
            throw new IllegalArgumentException("欄位定義須有 fields 陣列 / field_schema needs a non-empty fields array");
        }
        List<Field> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<String> key = new ArrayList<>();
        for (JsonNode f : fieldsNode) {
            String name = f.path("name").asString("").strip();
            String type = f.path("type").asString("string").strip().toLowerCase();
            if (name.isEmpty() || !names.add(name)) {
                throw new IllegalArgumentException("欄位名稱須有且不重複 / each field needs a unique name");
            }
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("欄位 " + name + " 的型別須為 " + TYPES + " / unknown type " + type);
            }
            fields.add(new Field(name, type, f.path("required").asBoolean(false)
                    || f.path("constraints").path("required").asBoolean(false)));
            if (f.path("key").asBoolean(false)) {
                key.add(name);
            }
        }
        JsonNode pk = root.path("primaryKey");
        if (pk.isString()) {
            key.add(pk.asString());
        } else if (pk.isArray()) {
            pk.forEach(k -> key.add(k.asString()));
        }
        for (String k : key) {
            if (!names.contains(k)) {
                throw new IllegalArgumentException("主鍵欄位 " + k + " 不在 fields 中 / primary key field is not declared");
            }
        }
        return new FieldSchema(List.copyOf(fields), List.copyOf(new java.util.LinkedHashSet<>(key)));
    }

    String toJson(JsonMapper json) {
        var root = json.createObjectNode();
        var arr = root.putArray("fields");
        for (Field f : fields) {
            arr.addObject().put("name", f.name()).put("type", f.type()).put("required", f.required());
        }
        var pk = root.putArray("primaryKey");
        primaryKey.forEach(pk::add);
        return json.writeValueAsString(root);
    }
}
