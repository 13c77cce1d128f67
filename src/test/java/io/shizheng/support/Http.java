package io.shizheng.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client against the running test application, as an API client would call it. */
public final class Http {

    private final HttpClient client = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port, null);
    }

    /** HTTP Basic as a demo account (password demo1234). */
    public static Http as(int port, String username) {
        return new Http("http://localhost:" + port, "Basic " + Base64.getEncoder()
                .encodeToString((username + ":demo1234").getBytes(StandardCharsets.UTF_8)));
    }

    public static Http bearer(int port, String token) {
        return new Http("http://localhost:" + port, "Bearer " + token);
    }

    public HttpResponse<String> get(String path) {
        return send(builder(path).GET().build());
    }

    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> post(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(builder(path).DELETE().build());
    }

    public HttpResponse<String> patch(String path, String json) {
        return send(builder(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json");
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
