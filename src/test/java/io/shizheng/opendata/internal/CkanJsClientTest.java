package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.shizheng.IntegrationTest;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A real CKAN client that nobody here wrote, the npm package {@code ckan} (ckan.js), run by node against the
 * running application. Skipped, with a message, where node or the package cannot be had.
 */
@IntegrationTest
class CkanJsClientTest {

    static final Path DIR = Path.of("target", "ckan-js");

    @LocalServerPort int port;

    private static String run(Path dir, long minutes, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException("timed out: " + command);
        }
        if (p.exitValue() != 0) {
            throw new IOException("exit " + p.exitValue() + ": " + out);
        }
        return out;
    }

    private static void ensureClient() throws InterruptedException {
        try {
            run(Path.of("."), 1, List.of("node", "--version"));
        } catch (IOException e) {
            Assumptions.abort("node is not installed: skipping the ckan.js round trip (" + e.getMessage() + ")");
        }
        try {
            Files.createDirectories(DIR);
            if (!Files.exists(DIR.resolve("node_modules/ckan/ckan.js"))) {
                Files.writeString(DIR.resolve("package.json"), "{\"name\":\"shizheng-ckan-js-test\",\"private\":true}");
                run(DIR, 5, List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", "ckan@0.2.3"));
            }
            try (InputStream script = CkanJsClientTest.class.getResourceAsStream("/opendata/ckan-roundtrip.js")) {
                Files.copy(script, DIR.resolve("roundtrip.js"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Assumptions.abort("npm could not install the ckan package: skipping the ckan.js round trip (" + e.getMessage() + ")");
        }
    }

    @Test
    void ckanJsCreatesShowsSearchesAndPatches() throws Exception {
        ensureClient();
        String token = Ckan.issueToken(port, "officer.trans");
        String name = "ckanjs-" + UUID.randomUUID().toString().substring(0, 8);
        String out = run(DIR, 2, List.of("node", "roundtrip.js", "http://localhost:" + port, token, name));
        String line = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(() -> new AssertionError(out));
        JsonNode r = Json.parse(line);
        assertThat(r.path("created").asString()).isEqualTo(name);
        assertThat(r.path("shownTitle").asString()).isEqualTo("臺中市公車路線（ckan.js 建立）");
        assertThat(r.path("frequency").asString()).isEqualTo("monthly");
        assertThat(r.path("category").asString()).isEqualTo("交通及通訊");
        assertThat(r.path("resources").asInt()).isEqualTo(1);
        assertThat(r.path("searchHit").asBoolean()).isTrue();
        assertThat(r.path("orgFacet").toString()).contains("trans");
        assertThat(r.path("patchedNotes").asString()).isEqualTo("patched by ckan.js");
        assertThat(r.path("refused").asString()).contains("403").contains("Authorization Error");
        assertThat(Ckan.anonymous(port).get("package_show", "id=" + r.path("id").asString()).result().path("name").asString())
                .isEqualTo(name);
    }
}
