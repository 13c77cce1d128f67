package io.shizheng.support;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Acts like a person's browser against the running test application: keeps the session cookie,
 * signs in through the login form and sends each form with the CSRF token of the page it came from.
 */
public final class PageSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Pattern HIDDEN_CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    /** The password of every demo account. */
    public static final String DEMO_PASSWORD = "demo1234";

    private final HttpClient client;
    private final int port;
    private String csrf;

    public PageSession(int port) {
        this.port = port;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).build();
    }

    public PageSession signIn(String username) throws Exception {
        return signIn(username, DEMO_PASSWORD);
    }

    public PageSession signIn(String username, String password) throws Exception {
        get("/login");
        HttpResponse<String> res = post("/login", Map.of("username", username, "password", password));
        if (res.statusCode() != 302 || res.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed for " + username + ": " + res.statusCode());
        }
        return this;
    }

    /** Remembers the page's CSRF token, as the page's forms would carry it. */
    public HttpResponse<String> get(String path) throws Exception {
        HttpResponse<String> res = client.send(HttpRequest.newBuilder(uri(path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Matcher m = CSRF.matcher(res.body());
        if (m.find()) {
            csrf = m.group(1);
        } else {
            Matcher hidden = HIDDEN_CSRF.matcher(res.body());
            if (hidden.find()) {
                csrf = hidden.group(1);
            }
        }
        return res;
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
        return postForm(path, fields.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue())).toList());
    }

    /** A form post where a name may repeat (checkbox groups). */
    public HttpResponse<String> postForm(String path, List<Map.Entry<String, String>> fields) throws Exception {
        String body = fields.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        if (csrf != null) {
            body = body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(csrf);
        }
        return client.send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A file upload from a page's form, with the page's CSRF token. */
    public HttpResponse<String> upload(String path, String filename, byte[] content) throws Exception {
        String boundary = "----shizheng" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        if (csrf != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(uri(path))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
