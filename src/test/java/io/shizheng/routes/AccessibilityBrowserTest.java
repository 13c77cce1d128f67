package io.shizheng.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shizheng.IntegrationTest;
import io.shizheng.browser.BrowserTestSupport;
import io.shizheng.support.Json;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.webjars.WebJarVersionLocator;
import tools.jackson.databind.JsonNode;

/**
 * WCAG 2.1 AA on every page: the route enumeration of {@link EveryPageRendersTest} picks each page that renders
 * for a person of each kind (nobody, RDEC, an agency officer, a 1999 agent, a village chief, a reviewer), and
 * axe-core (from its WebJar), injected into the page in headless Chromium, must find no violation.
 */
@DisabledIfEnvironmentVariable(named = "SPRING_DATASOURCE_URL", matches = ".+", disabledReason = "runs in CI's embedded "
        + "half: a page's HTML does not depend on which PostgreSQL holds the data, and this is the suite's longest test")
@IntegrationTest
class AccessibilityBrowserTest extends BrowserTestSupport {

    /** One person of each kind; null is nobody signed in. */
    static final List<String> KINDS = java.util.Arrays.asList(null, "rdec", "officer", "agent", "chief", "reviewer");

    static final String RUN_AXE = """
            const done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']},
                               resultTypes: ['violations']})
              .then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, help: v.help,
                    targets: v.nodes.slice(0, 4).map(n => n.target.join(' '))})))))
              .catch(e => done(JSON.stringify([{id: 'axe-error', help: String(e), targets: []}])));
            """;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyPageMeetsWcag21AaForEveryKindOfUser() throws IOException {
        String axe = axeSource();
        RouteFixtures.ensure(jdbc, port);
        DemoItems items = new DemoItems(jdbc);
        List<String> urls = new ArrayList<>();
        for (Route route : RouteCatalog.of(context)) {
            if (route.method().equals("GET") && !route.api() && !route.wildcard()
                    && !EveryPageRendersTest.LEFT_OUT.containsKey(route.pattern())) {
                DemoItems.Filled f = items.fill(route);
                if (f.ok()) {
                    boolean year = route.params().contains("year") && !route.variables().contains("year");
                    urls.add(f.url() + (year ? "?year=" + EveryPageRendersTest.DEMO_YEAR : ""));
                }
            }
        }
        ((org.openqa.selenium.WebDriver) driver()).manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (String kind : KINDS) {
            Visitor http = kind == null ? Visitor.anonymous(port) : Visitor.signedIn(port, kind);
            if (kind == null) {
                driver().manage().deleteAllCookies();
            } else {
                signIn(kind, "demo1234");
            }
            boolean errorPageSeen = false;
            for (String url : urls) {
                HttpResponse<String> r = http.get(url);
                boolean page = r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")
                        && r.body().strip().endsWith("</html>");
                boolean ok = r.statusCode() == 200;
                // pages that render; the error page once per person, it is one template
                if (!page || !(ok || (r.statusCode() >= 400 && !errorPageSeen))) {
                    continue;
                }
                errorPageSeen |= !ok;
                open(url);
                ((JavascriptExecutor) driver()).executeScript(axe);
                String result = (String) ((JavascriptExecutor) driver()).executeAsyncScript(RUN_AXE);
                checked++;
                for (JsonNode v : Json.parse(result)) {
                    List<String> targets = new ArrayList<>();
                    v.get("targets").forEach(t -> targets.add(t.asString()));
                    violations.add(url + " as " + (kind == null ? "anonymous" : kind) + ": " + v.get("id").asString()
                            + " (" + v.get("help").asString() + ") at " + targets);
                }
            }
        }
        System.out.printf("AccessibilityBrowserTest: %d pages checked with axe-core for %d kinds of user, %d violations%n",
                checked, KINDS.size(), violations.size());
        assertThat(violations).as("%d WCAG 2.1 AA violations:%n%s", violations.size(), String.join("\n", violations)).isEmpty();
        assertThat(checked).as("pages checked").isGreaterThan(100);
    }

    /** axe-core from the org.webjars.npm:axe-core test dependency. */
    private static String axeSource() throws IOException {
        String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
        InputStream in = path == null ? null : AccessibilityBrowserTest.class.getClassLoader().getResourceAsStream(path);
        Assumptions.assumeTrue(in != null, "Skipped: axe-core is not on the test class path (the WebJar "
                + "org.webjars.npm:axe-core is a test dependency in pom.xml; resolve it once online: ./mvnw test-compile)");
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
