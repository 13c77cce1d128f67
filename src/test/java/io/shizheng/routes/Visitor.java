package io.shizheng.routes;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Someone using the running application as a browser would: anonymous, or signed in once through the form at
 * /login and then carrying the session cookie (no password check per request, so hundreds of requests stay cheap).
 * Redirects are not followed, so a redirect to the sign-in page can be seen as one.
 */
final class Visitor {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?(?:value|content)=\"([^\"]+)\"");
    private static final Pattern CSRF_HEADER = Pattern.compile("name=\"_csrf_header\"[^>]*?content=\"([^\"]+)\"");

    private final String base;
    private final String name;
    private final HttpClient client;
    private String csrf;
    private String csrfHeader = "X-CSRF-TOKEN";

    private Visitor(int port, String name) {
        this.base = "http://localhost:" + port;
        this.name = name;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    static Visitor anonymous(int port) {
        return new Visitor(port, "anonymous");
    }

    /** Nobody signed in, but with a session and its CSRF token (from the sign-in page), as a browser has them. */
    static Visitor anonymousWithSession(int port) {
        Visitor v = new Visitor(port, "anonymous");
        String page = v.get("/login").body();
        // Anonymous pages render no token meta (that would start a session for every reader); the sign-in form's
        // hidden field carries the token, and Spring Security's default header name applies.
        v.csrf = token(CSRF, page);
        return v;
    }

    /** Signs in through the form, as a person does, with the demo password. */
    static Visitor signedIn(int port, String username) {
        Visitor v = new Visitor(port, username);
        String form = v.get("/login").body();
        HttpResponse<String> r = v.send(HttpRequest.newBuilder(v.uri("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=demo1234&_csrf="
                        + enc(token(CSRF, form)))).build());
        String location = r.headers().firstValue("Location").orElse("");
        if (r.statusCode() != 302 || location.contains("/login")) {
            throw new IllegalStateException("signing in as " + username + " failed: " + r.statusCode() + " " + location);
        }
        String page = v.get("/").body();
        v.csrf = token(CSRF, page);
        v.csrfHeader = token(CSRF_HEADER, page);
        return v;
    }

    String name() {
        return name;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT).GET().build());
    }

    /** A write with the session's CSRF token (when signed in) in the header the layout names. */
    HttpResponse<String> write(String method, String path, String contentType, String body, boolean withCsrf) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", BROWSER_ACCEPT)
                .header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (withCsrf && csrf != null) {
            b.header(csrfHeader, csrf);
        }
        return send(b.build());
    }

    /** An API call as a client sends it: JSON accepted, the session's CSRF token when signed in, any body or none. */
    HttpResponse<String> api(String method, String path, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json, application/problem+json")
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (csrf != null) {
            b.header(csrfHeader, csrf);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " as " + name + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    @Override
    public String toString() {
        return name;
    }

    private static String token(Pattern pattern, String page) {
        Matcher m = pattern.matcher(page);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in the page");
        }
        return m.group(1);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
