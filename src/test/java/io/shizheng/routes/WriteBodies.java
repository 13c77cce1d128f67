package io.shizheng.routes;

import java.util.Map;

import org.springframework.http.MediaType;

/**
 * What a write route is sent in the refusal tests: for the public write APIs a request that would be valid but for
 * the missing key or verification code; otherwise an empty body of the type the route reads (the refusal must come
 * before any reading of it).
 */
final class WriteBodies {

    static final String FORM = MediaType.APPLICATION_FORM_URLENCODED_VALUE;
    static final String JSON = MediaType.APPLICATION_JSON_VALUE;
    private static final String BOUNDARY = "routeTestBoundary";

    /** Valid requests to the public write APIs, each without its key or verification code. */
    private static final Map<String, Body> WITHOUT_KEY = Map.of(
            "/open311/v2/requests.{format}", new Body(FORM, "service_code=STREETLIGHT&attribute%5Blight_state%5D=off"
                    + "&lat=24.1617&long=120.6469&description=route+test"),
            "/api/cases/public/{caseNo}/rating", new Body(JSON, "{\"rating\":5}"),
            "/api/cases/public/{caseNo}/reopen", new Body(JSON, "{\"reason\":\"route test\"}"),
            "/cases/status/{action}", new Body(FORM, "no=%s&code=000000&rating=5"),
            "/api/3/action/{action}", new Body(JSON, "{\"id\":\"%s\",\"title\":\"route test\"}"),
            "/api/action/{action}", new Body(JSON, "{\"id\":\"%s\",\"title\":\"route test\"}"));

    static final java.util.Set<String> WITHOUT_KEY_ROUTES = WITHOUT_KEY.keySet();

    private WriteBodies() {
    }

    record Body(String contentType, String text) {
    }

    /** The route's required request parameters as a query string, so that binding lets the request reach the handler. */
    static String query(Route route) {
        return route.required().isEmpty() ? "" : "?" + String.join("&", route.required().stream().map(n -> n + "=1").toList());
    }

    /** The body for a route; {@code item} fills a {@code %s} (a case number or dataset name of the demo data). */
    static Body of(Route route, String item) {
        Body known = WITHOUT_KEY.get(route.template());
        if (known != null) {
            return new Body(known.contentType(), known.text().replace("%s", item == null ? "" : item));
        }
        MediaType type = route.consumes().isEmpty() ? null : route.consumes().iterator().next();
        if (type != null && type.isCompatibleWith(MediaType.MULTIPART_FORM_DATA) || !route.fileParts().isEmpty()) {
            String part = route.fileParts().isEmpty() ? "file" : route.fileParts().iterator().next();
            return new Body(MediaType.MULTIPART_FORM_DATA_VALUE + "; boundary=" + BOUNDARY, "--" + BOUNDARY + "\r\n"
                    + "Content-Disposition: form-data; name=\"" + part + "\"; filename=\"t.png\"\r\nContent-Type: image/png\r\n\r\n"
                    + "a\r\n1\r\n--" + BOUNDARY + "--\r\n");
        }
        if (type != null && !type.isWildcardType() && !type.isCompatibleWith(MediaType.APPLICATION_JSON)) {
            return new Body(type.toString(), "a\n1\n");
        }
        if (route.api() || route.template().startsWith("/api/")) {
            return new Body(JSON, route.listBody() ? "[]" : "{}");
        }
        return new Body(FORM, "x=1");
    }
}
