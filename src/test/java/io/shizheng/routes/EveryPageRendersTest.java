package io.shizheng.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shizheng.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every GET route of the application, read from its handler mappings, requested by nobody and by each demo account:
 * none answers 5xx, shows a template or expression error, or stops before {@code </html>} (issue #9: /plan/2018
 * broke half-way and no test rendered it). A new module's routes are covered without anyone adding them here.
 */
@IntegrationTest
class EveryPageRendersTest {

    /** Routes left out, each with its reason; everything else must be filled from the demo data. */
    static final Map<String, String> LEFT_OUT = Map.of("/error",
            "Spring Boot's error view: every error reaches it with its real status; asked for directly it has no error and says 500");

    /** The year of the demo data: routes that take a year are also asked for it, so their tables are not empty. */
    static final String DEMO_YEAR = "2018";

    /** What a failed template or an uncaught exception leaves in a body. */
    static final Pattern BROKEN = Pattern.compile("Template(?:Processing|Input)Exception|SpelEvaluationException|EL1\\d{3}E"
            + "|Exception evaluating|Whitelabel Error Page|\\bat (?:org|io|java)\\.[a-z]+\\.[A-Za-z.$]+\\(");

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyGetRouteAnswersEveryoneWithAWholePageAndNoServerError() throws Exception {
        RouteFixtures.ensure(jdbc, port);
        DemoItems items = new DemoItems(jdbc);
        List<Route> gets = RouteCatalog.of(context).stream().filter(r -> r.method().equals("GET")).toList();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        List<DemoItems.Filled> filled = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Route route : gets) {
            if (route.wildcard()) {
                skipped.add(route + " (static files or a wildcard pattern)");
            } else if (LEFT_OUT.containsKey(route.pattern())) {
                skipped.add(route + " (" + LEFT_OUT.get(route.pattern()) + ")");
            } else {
                DemoItems.Filled f = items.fill(route);
                if (f.ok()) {
                    filled.add(f);
                    if (route.params().contains("year") && !route.variables().contains("year")) {
                        filled.add(new DemoItems.Filled(route, f.url() + "?year=" + DEMO_YEAR, null));
                    }
                } else {
                    problems.add(route + ": " + f.missing() + " — add a rule to DemoItems or list it in LEFT_OUT with a reason");
                }
            }
        }
        List<Visitor> visitors = Identities.all(port);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (DemoItems.Filled f : filled) {
                for (Visitor v : visitors) {
                    done.add(pool.submit(() -> {
                        String problem = check(v, f);
                        if (problem != null) {
                            problems.add(problem);
                        }
                    }));
                }
            }
            for (Future<?> d : done) {
                d.get();
            }
        } finally {
            pool.shutdown();
        }
        long routes = filled.stream().map(DemoItems.Filled::route).distinct().count();
        System.out.printf("EveryPageRendersTest: %d GET routes (%d URLs) requested as %d identities (%d requests); %d left out:%n  %s%n",
                routes, filled.size(), visitors.size(), filled.size() * visitors.size(), skipped.size(), String.join("\n  ", skipped));
        List<String> sorted = new ArrayList<>(problems);
        Collections.sort(sorted);
        assertThat(sorted).as("%d problems over %d GET routes × %d identities:%n%s", sorted.size(), routes,
                visitors.size(), String.join("\n", sorted)).isEmpty();
        assertThat(routes).as("GET routes found").isGreaterThan(150);
    }

    /** Null when the answer is fine, else what is wrong with it. */
    static String check(Visitor v, DemoItems.Filled f) {
        HttpResponse<String> r = v.get(f.url());
        String who = f.route() + " as " + v + " (" + f.url() + ", " + f.route().handler() + ")";
        String body = r.body() == null ? "" : r.body();
        if (r.statusCode() >= 500) {
            return who + ": answered " + r.statusCode() + " " + excerpt(body, Math.max(0, body.indexOf("<main")));
        }
        Matcher broken = BROKEN.matcher(body);
        if (broken.find()) {
            return who + ": the body shows an error: " + excerpt(body, broken.start());
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        String end = body.strip();
        if (type.startsWith("text/html") && !end.isEmpty() && !end.toLowerCase().endsWith("</html>")) {
            return who + ": HTML stops before </html> (" + r.statusCode() + "), ends with: …"
                    + end.substring(Math.max(0, end.length() - 160)).replaceAll("\\s+", " ");
        }
        return null;
    }

    static String excerpt(String body, int at) {
        int from = Math.max(0, at - 80);
        return body.substring(from, Math.min(body.length(), at + 220)).replaceAll("\\s+", " ");
    }
}
