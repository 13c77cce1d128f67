package io.shizheng.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.PublicEndpoints;
import io.shizheng.support.Http;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every operation of the application's own OpenAPI description (/v3/api-docs) fed bad input, one parameter or body
 * property at a time with the others plausible: missing required values, wrong types, out-of-range and non-finite
 * numbers, over-long strings, NUL bytes, huge page sizes, malformed dates, malformed JSON and a body of the wrong
 * content type. Sent as the administrator (a signed-in session with its CSRF token, as the other route tests do) and,
 * for operations anyone may call, anonymously. No answer may be 5xx, and no table may gain or lose a row.
 * A new endpoint is covered as soon as springdoc describes it.
 *
 * <p>The expectations are exact, with no list of known failures. Its first run found 99 problems (NUL bytes reaching
 * PostgreSQL, overflowing page offsets, over-long text past column limits, null plan lists, unreadable multipart,
 * the CKAN actions of reliability finding 5, and the deactivation of an Open311 key that does not exist answering
 * 204 with an audit row); each is fixed where the input enters.
 */
@IntegrationTest
class EveryApiRefusesBadInputTest {

    /** Over-long for any field: 100 000 characters. */
    static final String LONG = "x".repeat(100_000);
    /** Over-long in a query string, yet inside the 8 KB request line Tomcat accepts, so that it reaches the application. */
    static final String LONG_QUERY = "x".repeat(7_000);
    static final String NUL = "a\u0000b";

    /**
     * Tables a refused request may legitimately change: sessions (the admin's, the anonymous one's), the scheduler's
     * locks, sign-in throttling and verification-code attempts (counting refusals is their job), Flyway's history,
     * and the histories of import runs, which record a refused import as REJECTED with its problems (an agency
     * officer looks there for why a file was refused; the imported rows themselves are counted).
     * The audit log, the outbox and the event publication registry are counted: they grow only when a write succeeds.
     */
    static final Set<String> BOOKKEEPING = Set.of("spring_session", "spring_session_attributes", "shedlock",
            "platform_login_throttle", "cases_code_attempt", "flyway_schema_history",
            "documents_import", "callcenter_import", "opendata_upload", "cases_address_import");

    /** The CKAN actions (CKAN Action API v3) behind {@code /api/3/action/{action}}, with the parameters CKAN defines. */
    static final Map<String, Map<String, String>> CKAN_ACTIONS = ckanActions();

    /**
     * Operations left out, with the reason: an operation that waits on purpose, or that nothing can send bad input to.
     */
    static final Map<String, String> LEFT_OUT = Map.of();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    private JsonNode components;

    @Test
    void everyOperationRefusesBadInputWithoutAServerErrorAndChangesNothing() throws Exception {
        RouteFixtures.ensure(jdbc, port);
        DemoItems items = new DemoItems(jdbc);
        JsonNode docs = Json.parse(Http.anonymous(port).get("/v3/api-docs").body());
        components = docs.path("components").path("schemas");
        List<PathPattern> publicReads = publicPatterns(false);
        List<PathPattern> publicAny = publicPatterns(true);
        Visitor admin = Visitor.signedIn(port, "admin");
        Visitor anonymous = Visitor.anonymous(port);

        List<Probe> probes = new ArrayList<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<String> leftOut = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : docs.path("paths").properties()) {
            for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String template = path.getKey();
                if (LEFT_OUT.containsKey(template)) {
                    leftOut.add(method + " " + template + " (" + LEFT_OUT.get(template) + ")");
                    continue;
                }
                Route route = new Route(method, template, op.getValue().path("operationId").asString(""), true,
                        Set.of(), Set.of(), Set.of(), Set.of(), false);
                DemoItems.Filled filled = items.fill(route);
                if (!filled.ok()) {
                    problems.add(method + " " + template + ": " + filled.missing() + " — add a rule to DemoItems");
                    continue;
                }
                operations++;
                String url = template.matches("/api(/3)?/action/\\{action}") ? template : filled.url();
                Operation operation = operation(method, template, url, op.getValue());
                boolean open = matches(publicAny, url) || method.equals("GET") && matches(publicReads, url);
                List<Visitor> who = open ? List.of(admin, anonymous) : List.of(admin);
                for (Input input : inputs(operation, filled.url())) {
                    for (Visitor v : who) {
                        probes.add(new Probe(operation, input, v));
                    }
                }
            }
        }

        Map<String, Long> before = rows();
        AtomicInteger sent = new AtomicInteger();
        List<String> accepted = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (Probe p : probes) {
                done.add(pool.submit(() -> {
                    HttpResponse<String> r = p.visitor().api(p.input().method(), p.input().url(), p.input().contentType(),
                            p.input().body());
                    sent.incrementAndGet();
                    if (!p.operation().method().equals("GET") && r.statusCode() / 100 == 2) {
                        accepted.add(p.operation().method() + " " + p.operation().template() + " — " + p.input().target()
                                + " — " + p.input().label() + " — as " + p.visitor() + ": " + r.statusCode());
                    }
                    String problem = p.input().expectation().problem(r);
                    if (problem != null) {
                        problems.add(p.operation().method() + " " + p.operation().template() + " — " + p.input().target()
                                + " — " + p.input().label() + " — as " + p.visitor() + ": " + problem);
                    }
                }));
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, Long> after = rows();
        if (!after.equals(before)) {
            List<String> writes = new ArrayList<>(accepted);
            Collections.sort(writes);
            problems.add("bad input changed tables: " + changed(before, after) + "; the writes that answered 2xx:\n    "
                    + String.join("\n    ", writes));
        }

        System.out.printf("EveryApiRefusesBadInputTest: %d operations of /v3/api-docs, %d bad inputs, %d requests; "
                + "%d left out:%n  %s%n", operations, probes.stream().map(Probe::input).distinct().count(), sent.get(),
                leftOut.size(), String.join("\n  ", leftOut));
        List<String> sorted = new ArrayList<>(problems);
        Collections.sort(sorted);
        assertThat(sorted).as("%d problems over %d operations:%n%s", sorted.size(), operations, String.join("\n", sorted))
                .isEmpty();
        assertThat(operations).as("operations described by /v3/api-docs").isGreaterThan(100);
    }

    // ---------------------------------------------------------------- the operations

    record Param(String name, String in, boolean required, JsonNode schema) {
    }

    record Operation(String method, String template, String url, List<Param> params, String bodyType, JsonNode bodySchema,
                     boolean bodyRequired) {
    }

    private Operation operation(String method, String template, String url, JsonNode op) {
        List<Param> params = new ArrayList<>();
        for (JsonNode p : op.path("parameters")) {
            JsonNode param = resolve(p);
            params.add(new Param(param.path("name").asString(), param.path("in").asString(), param.path("required").asBoolean(false),
                    resolve(param.path("schema"))));
        }
        String bodyType = null;
        JsonNode bodySchema = null;
        JsonNode body = resolve(op.path("requestBody"));
        if (body.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> content = body.path("content").properties().iterator();
            if (content.hasNext()) {
                Map.Entry<String, JsonNode> first = content.next();
                bodyType = first.getKey().equals("*/*") ? "application/json" : first.getKey();
                bodySchema = resolve(first.getValue().path("schema"));
            }
        }
        return new Operation(method, template, url, params, bodyType, bodySchema, body.path("required").asBoolean(false));
    }

    private JsonNode resolve(JsonNode node) {
        String ref = node.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return components.path(ref.substring("#/components/schemas/".length()));
        }
        return node;
    }

    // ---------------------------------------------------------------- the bad inputs

    /** What is sent, what it tests, and what a right answer is. */
    record Input(String method, String url, String contentType, String body, String target, String label,
                 Expectation expectation) {
    }

    record Probe(Operation operation, Input input, Visitor visitor) {
    }

    /** Null when the answer is right, else what is wrong with it. */
    interface Expectation {
        String problem(HttpResponse<String> r);
    }

    static final Expectation NO_SERVER_ERROR = r -> r.statusCode() >= 500
            ? "answered " + r.statusCode() + ": " + excerpt(r.body()) : null;

    /** Input no field can take (a non-finite number, a value of the wrong JSON type): refused with a 4xx. */
    static final Expectation REFUSED = r -> r.statusCode() >= 500 ? "answered " + r.statusCode() + ": " + excerpt(r.body())
            : r.statusCode() < 400 ? "accepted it (" + r.statusCode() + "), expected a 4xx naming the field: " + excerpt(r.body())
            : null;

    /** What a bad value of this label must get: refused when nothing could take it, else at least no server error. */
    static Expectation expectationOf(String label) {
        return label.contains("NaN") || label.contains("Infinity") || label.equals("an object") || label.equals("an array")
                || label.equals("\"maybe\"") || label.equals("a string") && !label.contains("[") ? REFUSED : NO_SERVER_ERROR;
    }

    private List<Input> inputs(Operation op, String filledUrl) {
        if (op.template().matches("/api(/3)?/action/\\{action}")) {
            return ckanInputs(op);
        }
        List<Input> out = new ArrayList<>();
        Map<String, String> query = new LinkedHashMap<>();
        for (Param p : op.params()) {
            if (p.in().equals("query") && p.required()) {
                query.put(p.name(), valid(p.name(), p.schema()));
            }
        }
        String validBody = op.bodySchema() == null ? null : bodyText(op, validJson(op.bodySchema(), 0));
        // path variables: a bad value for each, the rest as the demo data fills them
        for (Param p : op.params()) {
            if (p.in().equals("path")) {
                for (Map.Entry<String, String> bad : badScalars(p.name(), p.schema(), true).entrySet()) {
                    String url = replaceVariable(op.template(), filledUrl, p.name(), pathEncode(bad.getValue()));
                    out.add(new Input(op.method(), url + queryString(query), op.bodyType(), validBody, "path {" + p.name() + "}",
                            bad.getKey(), NO_SERVER_ERROR));
                }
            }
        }
        // query parameters: missing when required, else each bad value
        for (Param p : op.params()) {
            if (!p.in().equals("query")) {
                continue;
            }
            if (p.required()) {
                Map<String, String> without = new LinkedHashMap<>(query);
                without.remove(p.name());
                out.add(new Input(op.method(), filledUrl + queryString(without), op.bodyType(), validBody,
                        "parameter " + p.name(), "missing", NO_SERVER_ERROR));
            }
            for (Map.Entry<String, String> bad : badScalars(p.name(), p.schema(), false).entrySet()) {
                Map<String, String> with = new LinkedHashMap<>(query);
                with.put(p.name(), bad.getValue());
                out.add(new Input(op.method(), filledUrl + queryString(with), op.bodyType(), validBody,
                        "parameter " + p.name(), bad.getKey(), bad.getKey().equals("NaN") || bad.getKey().equals("Infinity")
                        ? REFUSED : NO_SERVER_ERROR));
            }
            if (!op.method().equals("GET")) {
                continue; // a repeated parameter binds its first value: a write would be a valid request, not bad input
            }
            Map<String, String> twice = new LinkedHashMap<>(query);
            String v = valid(p.name(), p.schema());
            String url = filledUrl + queryString(twice) + (twice.isEmpty() ? "?" : "&") + enc(p.name()) + "=" + enc(v)
                    + (p.required() ? "" : "&" + enc(p.name()) + "=" + enc(v));
            out.add(new Input(op.method(), url, op.bodyType(), validBody, "parameter " + p.name(), "given twice (an array)",
                    NO_SERVER_ERROR));
        }
        // the body: whole-body faults, then each property
        if (op.bodySchema() != null) {
            String url = filledUrl + queryString(query);
            boolean json = op.bodyType().contains("json");
            if (json) {
                out.add(new Input(op.method(), url, "application/json", "{\"a\":", "body", "malformed JSON", NO_SERVER_ERROR));
                if (op.bodyRequired()) {
                    // an operation whose body is optional takes no body as a request of its own
                    out.add(new Input(op.method(), url, "application/json", "", "body", "empty", NO_SERVER_ERROR));
                    out.add(new Input(op.method(), url, "application/json", "null", "body", "null", NO_SERVER_ERROR));
                }
                out.add(new Input(op.method(), url, "application/json", isArray(op.bodySchema()) ? "{}" : "[]", "body",
                        "the wrong JSON type", NO_SERVER_ERROR));
                out.add(new Input(op.method(), url, "application/json", "\"" + NUL.replace("\u0000", "\\u0000") + "\"", "body",
                        "a string with a NUL byte", NO_SERVER_ERROR));
                out.add(new Input(op.method(), url, "text/plain", validBody, "body", "sent as text/plain", NO_SERVER_ERROR));
                out.add(new Input(op.method(), url, "application/x-www-form-urlencoded", "a=1", "body",
                        "sent as a form", NO_SERVER_ERROR));
                JsonNode valid = validJson(op.bodySchema(), 0);
                for (Map.Entry<String, JsonNode> m : mutations(op.bodySchema(), valid, "", 0).entrySet()) {
                    String label = m.getKey();
                    String target = "body." + label.substring(0, label.indexOf(' '));
                    String what = label.substring(label.indexOf(' ') + 1);
                    out.add(new Input(op.method(), url, "application/json", Json.write(m.getValue()), target, what,
                            expectationOf(what)));
                }
            } else {
                out.add(new Input(op.method(), url, "application/json", "{}", "body", "JSON instead of " + op.bodyType(),
                        NO_SERVER_ERROR));
                out.add(new Input(op.method(), url, op.bodyType().startsWith("multipart") ? "multipart/form-data; boundary=b"
                        : op.bodyType(), op.bodyType().startsWith("multipart") ? "--b\r\nContent-Disposition: form-data; "
                        + "name=\"nothing\"\r\n\r\n" + NUL + "\r\n--b--\r\n" : NUL, "body", "without the parts it needs, with a NUL byte",
                        NO_SERVER_ERROR));
                out.add(new Input(op.method(), url, op.bodyType().startsWith("multipart") ? "multipart/form-data; boundary=b"
                        : op.bodyType(), "--b\r\nContent-Disposition: form-data; name=\"file\"", "body", "truncated", NO_SERVER_ERROR));
            }
        }
        return out;
    }

    /** Bad values of one simple parameter, by its type and name, labelled. */
    private static Map<String, String> badScalars(String name, JsonNode schema, boolean inPath) {
        Map<String, String> bad = new LinkedHashMap<>();
        String type = type(schema);
        String format = schema.path("format").asString("");
        if (type.equals("integer") || type.equals("number")) {
            bad.put("not a number", "abc");
            bad.put("-1", "-1");
            bad.put("2147483648", "2147483648");
            bad.put("1e308", "1e308");
            bad.put("NaN", "NaN");
            bad.put("Infinity", "Infinity");
            if (paging(name)) {
                bad.put("2147483647", "2147483647");
            }
        } else if (type.equals("boolean")) {
            bad.put("neither true nor false", "maybe");
        } else {
            if (format.equals("date") || format.equals("date-time") || name.toLowerCase().matches(".*(date|from|to|since|until|day)")) {
                bad.put("a malformed date", "2018-02-30");
                bad.put("not a date", "yesterday");
            }
            if (schema.has("enum")) {
                bad.put("not one of its values", "NOT_A_VALUE");
            }
            bad.put("an object", "{\"a\":1}");
            if (paging(name)) {
                bad.put("2147483647", "2147483647");
                bad.put("-1", "-1");
            }
        }
        bad.put("over-long", inPath ? "x".repeat(1_000) : LONG_QUERY);
        bad.put("with a NUL byte", NUL);
        return bad;
    }

    private static boolean paging(String name) {
        return name.toLowerCase().matches(".*(limit|size|rows|offset|start|page|max|top|count).*");
    }

    /** Bad bodies: one property of {@code schema} (at {@code prefix}) changed in a copy of {@code valid}, labelled. */
    private Map<String, JsonNode> mutations(JsonNode schema, JsonNode valid, String prefix, int depth) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (isArray(schema)) {
            JsonNode items = resolve(schema.path("items"));
            if (valid instanceof ArrayNode array && !array.isEmpty()) {
                if (isObject(items)) {
                    for (Map.Entry<String, JsonNode> m : mutations(items, array.get(0), prefix + "[0]", depth + 1).entrySet()) {
                        ArrayNode copy = JsonNodeFactory.instance.arrayNode();
                        copy.add(m.getValue());
                        out.put(m.getKey(), copy);
                    }
                }
            }
            return out;
        }
        if (!isObject(schema) || depth > 1 || !(valid instanceof ObjectNode object)) {
            return out;
        }
        Set<String> required = new java.util.HashSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            String name = property.getKey();
            JsonNode ps = resolve(property.getValue());
            String at = prefix.isEmpty() ? name : prefix + "." + name;
            Map<String, JsonNode> values = new LinkedHashMap<>();
            if (required.contains(name)) {
                values.put("missing", null);
            }
            if (required.contains(name)) {
                // null is a value an optional property may take: it is bad input only where the property is required
                values.put("null", JsonNodeFactory.instance.nullNode());
            }
            String type = type(ps);
            switch (type) {
                case "integer", "number" -> {
                    values.put("a string", JsonNodeFactory.instance.stringNode("abc"));
                    values.put("-1", JsonNodeFactory.instance.numberNode(-1));
                    values.put("2147483648", JsonNodeFactory.instance.numberNode(2147483648L));
                    values.put("1e308", JsonNodeFactory.instance.numberNode(1e308));
                    values.put("\"NaN\"", JsonNodeFactory.instance.stringNode("NaN"));
                    values.put("\"Infinity\"", JsonNodeFactory.instance.stringNode("Infinity"));
                    values.put("an array", array(JsonNodeFactory.instance.numberNode(1)));
                }
                case "boolean" -> {
                    values.put("\"maybe\"", JsonNodeFactory.instance.stringNode("maybe"));
                    values.put("an object", JsonNodeFactory.instance.objectNode().put("a", 1));
                }
                case "array" -> {
                    JsonNode items = resolve(ps.path("items"));
                    values.put("a string", JsonNodeFactory.instance.stringNode("x"));
                    values.put("a number", JsonNodeFactory.instance.numberNode(5));
                    switch (type(items)) {
                        case "integer", "number" -> {
                            values.put("[\"NaN\"]", array(JsonNodeFactory.instance.stringNode("NaN")));
                            values.put("[1e308]", array(JsonNodeFactory.instance.numberNode(1e308)));
                            values.put("[-1]", array(JsonNodeFactory.instance.numberNode(-1)));
                            values.put("[\"x\"]", array(JsonNodeFactory.instance.stringNode("x")));
                        }
                        case "string" -> {
                            values.put("[an over-long string]", array(JsonNodeFactory.instance.stringNode(LONG)));
                            values.put("[a string with a NUL byte]", array(JsonNodeFactory.instance.stringNode(NUL)));
                            values.put("[an object]", array(JsonNodeFactory.instance.objectNode().put("a", 1)));
                        }
                        default -> values.put("[a number]", array(JsonNodeFactory.instance.numberNode(5)));
                    }
                }
                case "object" -> {
                    values.put("a string", JsonNodeFactory.instance.stringNode("x"));
                    values.put("an array", array(JsonNodeFactory.instance.stringNode("x")));
                }
                default -> {
                    values.put("an object", JsonNodeFactory.instance.objectNode().put("a", 1));
                    values.put("an array", array(JsonNodeFactory.instance.stringNode("x")));
                    values.put("over-long", JsonNodeFactory.instance.stringNode(LONG));
                    values.put("with a NUL byte", JsonNodeFactory.instance.stringNode(NUL));
                    String format = ps.path("format").asString("");
                    if (format.startsWith("date") || name.toLowerCase().matches(".*(date|day|at|from|to|until|since)$")) {
                        values.put("a malformed date", JsonNodeFactory.instance.stringNode("2018-02-30"));
                        values.put("not a date", JsonNodeFactory.instance.stringNode("yesterday"));
                    }
                    if (ps.has("enum")) {
                        values.put("not one of its values", JsonNodeFactory.instance.stringNode("NOT_A_VALUE"));
                    }
                }
            }
            for (Map.Entry<String, JsonNode> v : values.entrySet()) {
                ObjectNode copy = object.deepCopy();
                if (v.getValue() == null) {
                    copy.remove(name);
                } else {
                    copy.set(name, v.getValue());
                }
                out.put(at + " " + v.getKey(), copy);
            }
            if ((isObject(ps) || isArray(ps)) && object.has(name)) {
                for (Map.Entry<String, JsonNode> m : mutations(ps, object.get(name), at, depth + 1).entrySet()) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(name, m.getValue());
                    out.put(m.getKey(), copy);
                }
            }
        }
        return out;
    }

    private static ArrayNode array(JsonNode item) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        a.add(item);
        return a;
    }

    /** A plausible value for a body of {@code schema}: what the bad values are put into, one at a time. */
    private JsonNode validJson(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        switch (type(s)) {
            case "object" -> {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                if (depth < 3) {
                    for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
                        o.set(p.getKey(), validJson(namedSchema(p.getKey(), resolve(p.getValue())), depth + 1));
                    }
                }
                return o;
            }
            case "array" -> {
                return depth < 3 ? array(validJson(s.path("items"), depth + 1)) : JsonNodeFactory.instance.arrayNode();
            }
            case "integer" -> {
                return JsonNodeFactory.instance.numberNode(s.path("x-shizheng-name").asString("").contains("year") ? 2018 : 1);
            }
            case "number" -> {
                return JsonNodeFactory.instance.numberNode(1);
            }
            case "boolean" -> {
                return JsonNodeFactory.instance.booleanNode(true);
            }
            default -> {
                return JsonNodeFactory.instance.stringNode(valid(s.path("x-shizheng-name").asString(""), s));
            }
        }
    }

    /** The schema with the property's name beside it, so that a year or a date is recognised by its name. */
    private static JsonNode namedSchema(String name, JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode copy = ((ObjectNode) schema).deepCopy();
        copy.put("x-shizheng-name", name.toLowerCase());
        return copy;
    }

    private static String valid(String name, JsonNode schema) {
        if (schema.has("example")) {
            return schema.get("example").asString();
        }
        if (schema.has("enum")) {
            return schema.get("enum").get(0).asString();
        }
        String format = schema.path("format").asString("");
        String n = name.toLowerCase();
        return switch (type(schema)) {
            case "integer" -> n.contains("year") ? "2018" : n.contains("month") ? "3" : "1";
            case "number" -> "1";
            case "boolean" -> "true";
            default -> format.equals("date") || n.endsWith("date") || n.endsWith("day") ? "2018-03-01"
                    : format.equals("date-time") || n.endsWith("at") ? "2018-03-01T09:00:00+08:00" : "x";
        };
    }

    private static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray()) {
            for (JsonNode x : t) {
                if (!x.asString().equals("null")) {
                    return x.asString();
                }
            }
        }
        if (t.isString()) {
            return t.asString();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "string";
    }

    private boolean isArray(JsonNode schema) {
        return type(resolve(schema)).equals("array");
    }

    private boolean isObject(JsonNode schema) {
        return type(resolve(schema)).equals("object") && resolve(schema).has("properties");
    }

    private static String bodyText(Operation op, JsonNode valid) {
        return op.bodyType().contains("json") ? Json.write(valid) : "";
    }

    // ---------------------------------------------------------------- CKAN

    /** CKAN's actions with their parameters, each fed the same bad values; CKAN's own error shape expected. */
    private List<Input> ckanInputs(Operation op) {
        List<Input> out = new ArrayList<>();
        String base = op.template().replace("{action}", "");
        // /api/action/{action} is the same handler as /api/3/action/{action}: its actions are asked once, there
        for (Map.Entry<String, Map<String, String>> action : CKAN_ACTIONS.entrySet()) {
            boolean write = action.getKey().endsWith("_create") || action.getKey().endsWith("_update")
                    || action.getKey().endsWith("_patch") || action.getKey().endsWith("_delete");
            if (write != !op.method().equals("GET") || !base.startsWith("/api/3/")) {
                continue;
            }
            for (Map.Entry<String, String> param : action.getValue().entrySet()) {
                ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", param.getValue());
                if (op.method().equals("GET")) {
                    for (Map.Entry<String, String> bad : badScalars(param.getKey(), schema, false).entrySet()) {
                        out.add(new Input("GET", base + action.getKey() + "?" + enc(param.getKey()) + "=" + enc(bad.getValue()),
                                null, null, action.getKey() + " " + param.getKey(), bad.getKey(), CKAN_REFUSAL));
                    }
                } else {
                    Map<String, JsonNode> bad = new LinkedHashMap<>();
                    switch (param.getValue()) {
                        case "string" -> {
                            bad.put("an array", array(JsonNodeFactory.instance.stringNode("x")));
                            bad.put("an object", JsonNodeFactory.instance.objectNode().put("a", 1));
                            bad.put("over-long", JsonNodeFactory.instance.stringNode(LONG));
                            bad.put("with a NUL byte", JsonNodeFactory.instance.stringNode(NUL));
                        }
                        case "boolean" -> bad.put("\"maybe\"", JsonNodeFactory.instance.stringNode("maybe"));
                        case "array" -> {
                            bad.put("a string", JsonNodeFactory.instance.stringNode("x"));
                            bad.put("a number", JsonNodeFactory.instance.numberNode(5));
                        }
                        default -> bad.put("a string", JsonNodeFactory.instance.stringNode("abc"));
                    }
                    for (Map.Entry<String, JsonNode> b : bad.entrySet()) {
                        ObjectNode body = JsonNodeFactory.instance.objectNode()
                                .put("name", "crawler-" + param.getKey() + "-" + bad.size() + "-" + out.size()).put("title", "crawler")
                                .put("owner_org", "const");
                        body.set(param.getKey(), b.getValue());
                        out.add(new Input(op.method(), base + action.getKey(), "application/json", Json.write(body),
                                action.getKey() + " " + param.getKey(), b.getKey(), ckanValidationError(param.getKey())));
                    }
                }
            }
        }
        out.add(new Input(op.method(), base + (op.method().equals("GET") ? "package_search" : "package_create"),
                "application/json", op.method().equals("GET") ? null : "{\"name\":", "body", "malformed JSON", CKAN_REFUSAL));
        return out;
    }

    /** CKAN answers bad input with {"success": false, "error": {...}} and a 4xx, never 5xx. */
    static final Expectation CKAN_REFUSAL = r -> r.statusCode() >= 500
            ? "answered " + r.statusCode() + ": " + excerpt(r.body()) : null;

    /** A write with a bad field: a CKAN Validation Error naming the field (anything else stores or ignores it). */
    static Expectation ckanValidationError(String field) {
        return r -> {
            if (r.statusCode() >= 500) {
                return "answered " + r.statusCode() + ": " + excerpt(r.body());
            }
            if (r.statusCode() == 401 || r.statusCode() == 403) {
                return null; // the anonymous caller, refused before the body is read
            }
            JsonNode body;
            try {
                body = Json.parse(r.body());
            } catch (RuntimeException e) {
                return "answered " + r.statusCode() + " without CKAN's JSON: " + excerpt(r.body());
            }
            JsonNode error = body.path("error");
            if (r.statusCode() < 400 || body.path("success").asBoolean(true)
                    || !error.path("__type").asString("").equals("Validation Error") || !error.has(field)) {
                return "answered " + r.statusCode() + ", expected success:false with a Validation Error naming " + field + ": "
                        + excerpt(r.body());
            }
            return null;
        };
    }

    private static Map<String, Map<String, String>> ckanActions() {
        Map<String, Map<String, String>> a = new LinkedHashMap<>();
        a.put("package_list", Map.of("limit", "integer", "offset", "integer"));
        a.put("package_search", Map.of("q", "string", "fq", "string", "rows", "integer", "start", "integer", "sort", "string"));
        a.put("package_show", Map.of("id", "string"));
        a.put("resource_show", Map.of("id", "string"));
        a.put("organization_list", Map.of("limit", "integer", "offset", "integer", "all_fields", "boolean", "sort", "string"));
        a.put("organization_show", Map.of("id", "string", "include_datasets", "boolean"));
        a.put("group_list", Map.of("limit", "integer", "offset", "integer", "all_fields", "boolean"));
        a.put("group_show", Map.of("id", "string"));
        a.put("tag_list", Map.of("query", "string", "all_fields", "boolean"));
        a.put("package_create", Map.of("title", "string", "notes", "string", "private", "boolean", "tags", "array",
                "resources", "array"));
        return a;
    }

    // ---------------------------------------------------------------- helpers

    private List<PathPattern> publicPatterns(boolean any) {
        List<String> patterns = new ArrayList<>(any ? List.of() : List.of("/api/calendar/**"));
        context.getBeansOfType(PublicEndpoints.class).values()
                .forEach(p -> patterns.addAll(any ? p.publicAny() : p.publicReads()));
        return patterns.stream().map(PathPatternParser.defaultInstance::parse).toList();
    }

    private static boolean matches(List<PathPattern> patterns, String url) {
        return patterns.stream().anyMatch(p -> p.matches(PathContainer.parsePath(url)));
    }

    /** The filled URL with one variable's value replaced: the template's literal parts locate it. */
    private static String replaceVariable(String template, String filled, String name, String value) {
        String[] t = template.split("/", -1);
        String[] f = filled.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < t.length; i++) {
            if (i > 0) {
                out.append('/');
            }
            out.append(t[i].equals("{" + name + "}") ? value : i < f.length ? f[i] : t[i]);
        }
        return out.toString();
    }

    private static String queryString(Map<String, String> query) {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder q = new StringBuilder("?");
        query.forEach((k, v) -> q.append(q.length() > 1 ? "&" : "").append(enc(k)).append('=').append(enc(v)));
        return q.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String pathEncode(String s) {
        return enc(s).replace("+", "%20");
    }

    private Map<String, Long> rows() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Map<String, Object> t : jdbc.sql("select table_schema, table_name from information_schema.tables "
                + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                + "order by 1, 2").query().listOfRows()) {
            String name = (String) t.get("table_name");
            if (!BOOKKEEPING.contains(name)) {
                counts.put(t.get("table_schema") + "." + name, jdbc.sql("select count(*) from \"" + t.get("table_schema") + "\".\""
                        + name + "\"").query(Long.class).single());
            }
        }
        return counts;
    }

    private static String changed(Map<String, Long> before, Map<String, Long> after) {
        List<String> out = new ArrayList<>();
        after.forEach((t, n) -> {
            if (!n.equals(before.get(t))) {
                out.add(t + " " + before.get(t) + " → " + n);
            }
        });
        return String.join(", ", out);
    }

    static String excerpt(String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return b.substring(0, Math.min(b.length(), 240));
    }
}
