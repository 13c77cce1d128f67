package io.shizheng.opendata.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import io.shizheng.support.Json;
import tools.jackson.databind.JsonNode;

/** A small CKAN-style client for tests: actions by GET or POST JSON, multipart uploads, API tokens. */
final class Ckan {

    private final HttpClient client = HttpClient.newHttpClient();
    private final int port;
    private final String header;
    private final String token;

    private Ckan(int port, String header, String token) {
        this.port = port;
        this.header = header;
        this.token = token;
    }

    static Ckan anonymous(int port) {
        return new Ckan(port, null, null);
    }

    /** As CKAN clients send keys: the bare token in Authorization. */
    static Ckan token(int port, String token) {
        return new Ckan(port, "Authorization", token);
    }

    /** As older CKAN clients send keys: X-CKAN-API-Key. */
    static Ckan ckanKey(int port, String token) {
        return new Ckan(port, "X-CKAN-API-Key", token);
    }

    /** Issues a personal API token for a demo account. */
    static String issueToken(int port, String user) {
        try {
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/account/tokens"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":demo1234")
                            .getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"ckan test " + UUID.randomUUID() + "\"}")).build();
            HttpResponse<String> r = HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException(r.body());
            }
            return Json.parse(r.body()).path("token").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    record Answer(int status, JsonNode body) {
        JsonNode result() {
            return body.path("result");
        }

        String errorType() {
            return body.path("error").path("__type").asString();
        }
    }

    Answer get(String action, String query) {
        return send(builder("/api/3/action/" + action + (query == null ? "" : "?" + query)).GET().build());
    }

    Answer getLegacy(String action, String query) {
        return send(builder("/api/action/" + action + (query == null ? "" : "?" + query)).GET().build());
    }

    Answer post(String action, String json) {
        return send(builder("/api/3/action/" + action).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Answer upload(String action, java.util.Map<String, String> fields, String fileName, byte[] content) {
        String boundary = "----shz" + UUID.randomUUID();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try {
            for (var e : fields.entrySet()) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                        + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"upload\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(content);
                out.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return send(builder("/api/3/action/" + action).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    HttpResponse<byte[]> raw(String path) {
        try {
            return client.send(builder(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder builder(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (header != null) {
            b.header(header, token);
        }
        return b;
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(r.statusCode(), r.body().isBlank() ? Json.parse("{}") : Json.parse(r.body()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
