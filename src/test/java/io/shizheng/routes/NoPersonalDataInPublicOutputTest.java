package io.shizheng.routes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.shizheng.IntegrationTest;
import io.shizheng.platform.PersonalData;
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

/**
 * The personal-data crawler: citizens with distinctive names, phones, ID numbers, e-mails and addresses are filed
 * through every door where a citizen (or an agent for them) types — Open311 in JSON and XML, the agent's intake, the
 * handling agency's reply, extension and hand-over reasons quoting them, the citizen's reopening reason — and then
 * every GET route of the application, read from its handler mappings, is requested anonymously (public routes also
 * for the seeded items, with their verification codes), links and local URLs in the answers are followed, and the
 * public write answers are kept: none of the bodies may carry a seeded value, nor the phone, ID or e-mail as typed
 * into the free text. A route added later is crawled without anyone adding it here.
 */
@IntegrationTest
class NoPersonalDataInPublicOutputTest {

    /** How far links are followed from the routes, and how many URLs at most: the crawl stays a few minutes at worst. */
    static final int DEPTH = 2;
    static final int MAX_URLS = 3000;
    /** Local links of pages, local paths and this server's absolute URLs in JSON and XML. */
    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"(/[^\"#]*)\"|\"(/[a-z0-9][^\"\\s<>]*)\""
            + "|https?://localhost:\\d+(/[^\"\\s<>]*)");
    /** Scripts, styles, fonts and images hold no data. */
    private static final Pattern STATIC = Pattern.compile("/webjars/.*|.*\\.(?:js|css|png|jpe?g|gif|svg|webp|ico|woff2?|map)(?:\\?.*)?");
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    /** A citizen nobody else in the data is: rare characters, a random mobile number, a valid random ID number. */
    record Person(String surname, String given, String mobile, String idNumber, String email, String home) {
        String name() {
            return surname + given;
        }

        String dashed() {
            return mobile.substring(0, 4) + "-" + mobile.substring(4, 7) + "-" + mobile.substring(7);
        }

        String international() {
            return "+886 " + mobile.substring(1, 4) + " " + mobile.substring(4, 7) + " " + mobile.substring(7);
        }

        /** What must appear nowhere in public. */
        List<String> secrets() {
            return List.of(name(), mobile, dashed(), international(), idNumber, idNumber.toLowerCase(), email, home);
        }
    }

    static Person person(String surname, String given, String road) {
        String mobile = "09" + (10 + RANDOM.nextInt(80)) + "%06d".formatted(RANDOM.nextInt(1_000_000));
        String id;
        do {
            id = (char) ('A' + RANDOM.nextInt(26)) + String.valueOf(1 + RANDOM.nextInt(2)) + "%08d".formatted(RANDOM.nextInt(100_000_000));
        } while (!PersonalData.isIdNumber(id));
        String email = "privacy." + Long.toString(RANDOM.nextLong() & Long.MAX_VALUE, 36) + "@example.invalid";
        String home = road + (10 + RANDOM.nextInt(80)) + "巷" + (2 + RANDOM.nextInt(7)) + "弄" + (100 + RANDOM.nextInt(800)) + "號";
        return new Person(surname, given, mobile, id, email, home);
    }

    /** A seeded case and what its citizen may use to follow it. */
    record Seeded(String caseNo, String code, String token) {
    }

    @Test
    void noAnonymousRouteNorPublicAnswerShowsTheSeededCitizensPersonalData() throws Exception {
        RouteFixtures.ensure(jdbc, port);
        Person a = person("闕", "葳蕤", "葳蕤路");
        Person b = person("鄔", "翾翥", "翾翥街");
        Person c = person("冼", "翀翙", "翀翙路");
        List<Seeded> seeded = new ArrayList<>();
        List<String> publicAnswers = new ArrayList<>();

        // 1. Open311 in JSON: name, contact, the location typed as address and everything again in the description
        seeded.add(open311(a, "json", publicAnswers, "路燈不亮。我是" + a.name() + "，身分證 " + a.idNumber() + "，手機 "
                + a.dashed() + "，信箱 " + a.email() + "，住" + a.home() + "，請回電 " + a.international()));
        // 2. Open311 in XML with other spellings
        seeded.add(open311(b, "xml", publicAnswers, "路燈閃爍，聯絡" + b.mobile() + " 或 " + b.email().toUpperCase() + "（"
                + b.idNumber().toLowerCase() + "）" + b.home() + "前"));
        // 3. a 1999 agent takes a report and a petition for a caller, with everything the form has
        seeded.add(intake(c, "REPORT", "STREETLIGHT", "來電者" + c.name() + "表示 " + c.home() + " 路燈不亮，回電 " + c.dashed()));
        seeded.add(intake(a, "PETITION", "OTHER", "陳情人" + a.name() + "（" + a.idNumber() + "）住" + a.home() + "，電話 " + a.mobile()));

        // 4. the handling agency answers quoting the citizen; extends and hands on another with reasons quoting them
        close(seeded.get(0).caseNo(), a.name() + "先生您好，已依您留的 " + a.dashed() + " 聯絡，並寄至 " + a.email() + "。");
        close(seeded.get(3).caseNo(), a.name() + "您好，依身分證 " + a.idNumber() + " 查詢，" + a.home() + " 已列管。");
        HttpResponse<String> ext = Http.as(port, "rdec").post("/api/cases/" + seeded.get(1).caseNo() + "/extension",
                "{\"reason\":\"需聯絡" + b.mobile() + "（" + b.email() + "）會勘\"}");
        assertThat(ext.statusCode()).as(ext.body()).isEqualTo(200);
        HttpResponse<String> on = Http.as(port, "rdec").post("/api/cases/" + seeded.get(2).caseNo() + "/handover",
                "{\"kind\":\"ON\",\"toAgency\":\"CIVIL\",\"reason\":\"" + c.name() + " " + c.idNumber() + " 所報地點屬里鄰\"}");
        assertThat(on.statusCode()).as(on.body()).isEqualTo(200);

        // 5. the citizen reopens with a reason of their own (the public answer is kept)
        HttpResponse<String> reopened = Http.anonymous(port).post("/api/cases/public/" + seeded.get(0).caseNo() + "/reopen",
                "{\"code\":\"" + seeded.get(0).code() + "\",\"reason\":\"還是不亮，請打 " + a.international() + "\"}");
        assertThat(reopened.statusCode()).as(reopened.body()).isEqualTo(200);
        publicAnswers.add(reopened.body());

        // the crawl: every GET route anonymously, public ones also for the seeded items, then the links they give
        List<PathPattern> publicPaths = context.getBeansOfType(PublicEndpoints.class).values().stream()
                .flatMap(p -> java.util.stream.Stream.concat(p.publicReads().stream(), p.publicAny().stream()))
                .map(PathPatternParser.defaultInstance::parse).toList();
        DemoItems items = new DemoItems(jdbc);
        Set<String> start = new LinkedHashSet<>();
        int routes = 0;
        for (Route route : RouteCatalog.of(context)) {
            if (!route.method().equals("GET") || route.wildcard() || EveryPageRendersTest.LEFT_OUT.containsKey(route.pattern())) {
                continue;
            }
            DemoItems.Filled f = items.fill(route);
            if (!f.ok()) {
                continue;
            }
            routes++;
            start.add(f.url());
            if (route.params().contains("year") && !route.variables().contains("year")) {
                start.add(f.url() + "?year=" + EveryPageRendersTest.DEMO_YEAR);
            }
            boolean open = publicPaths.stream().anyMatch(p -> p.matches(PathContainer.parsePath(f.url())));
            if (open) {
                for (Seeded s : seeded) {
                    start.addAll(forSeeded(route, f.url(), s));
                }
            }
        }

        Visitor anonymous = Visitor.anonymous(port);
        Map<String, String> bodies = new LinkedHashMap<>();
        Deque<String[]> queue = new ArrayDeque<>();
        start.forEach(u -> queue.add(new String[] {u, "0"}));
        Set<String> seen = new LinkedHashSet<>(start);
        while (!queue.isEmpty() && bodies.size() < MAX_URLS) {
            String[] next = queue.poll();
            HttpResponse<String> r = anonymous.send(HttpRequest.newBuilder(anonymous.uri(next[0]))
                    .header("Accept", next[0].contains(".xml") ? "text/xml" : Visitor.BROWSER_ACCEPT).GET().build());
            String body = r.body() == null ? "" : r.body();
            bodies.put(next[0], body);
            int depth = Integer.parseInt(next[1]);
            if (depth < DEPTH && r.statusCode() == 200) {
                Matcher m = LINK.matcher(body);
                while (m.find()) {
                    String link = (m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3))
                            .replace("&amp;", "&");
                    if (!link.startsWith("//") && !link.contains("/logout") && !STATIC.matcher(link).matches()
                            && !link.contains("{") && isUri(link) && seen.add(link)) {
                        queue.add(new String[] {link, String.valueOf(depth + 1)});
                    }
                }
            }
        }
        for (int i = 0; i < publicAnswers.size(); i++) {
            bodies.put("public answer " + (i + 1), publicAnswers.get(i));
        }

        List<String> secrets = new ArrayList<>();
        for (Person p : List.of(a, b, c)) {
            secrets.addAll(p.secrets());
        }
        secrets.add(b.email().toUpperCase());
        List<String> found = new ArrayList<>();
        bodies.forEach((url, body) -> {
            for (String s : secrets) {
                if (body.contains(s) || body.contains(URLEncoder.encode(s, StandardCharsets.UTF_8))) {
                    int at = body.indexOf(s);
                    found.add(url + " shows «" + s + "»" + (at < 0 ? "" : ": …"
                            + body.substring(Math.max(0, at - 60), Math.min(body.length(), at + s.length() + 60)).replaceAll("\\s+", " ")));
                }
            }
        });
        long seededBodies = bodies.keySet().stream().filter(u -> seeded.stream().anyMatch(s -> u.contains(s.caseNo())
                || u.contains(s.token()))).count();
        System.out.printf("NoPersonalDataInPublicOutputTest: %d GET routes, %d bodies scanned anonymously (%d of them of the "
                        + "%d seeded cases, %d public write answers), %d values of 3 citizens looked for, %d found%n",
                routes, bodies.size(), seededBodies, seeded.size(), publicAnswers.size(), secrets.size(), found.size());
        assertThat(found).as("personal data in public output:%n%s", String.join("\n", found)).isEmpty();
        assertThat(routes).as("GET routes crawled").isGreaterThan(150);
        assertThat(seededBodies).as("bodies about the seeded cases (Open311 JSON and XML, tokens, status page and API)")
                .isGreaterThan(20);
        // the crawl saw the seeded cases, masked: the public text is there, its personal data is not
        String open311 = bodies.get("/open311/v2/requests/" + seeded.get(0).caseNo() + ".json");
        assertThat(open311).contains("路燈不亮").contains("***@***").contains(a.surname() + "○○");
    }

    private Seeded open311(Person p, String format, List<String> answers, String description) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", "demo-open311-key");
        form.put("service_code", "STREETLIGHT");
        form.put("attribute[light_state]", "off");
        form.put("lat", "24.1617");
        form.put("long", "120.6469");
        form.put("address_string", p.home());
        form.put("description", description);
        form.put("first_name", p.given());
        form.put("last_name", p.surname());
        form.put("email", p.email());
        form.put("phone", p.dashed());
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        HttpResponse<String> r = Visitor.anonymous(port).write("POST", "/open311/v2/requests." + format,
                "application/x-www-form-urlencoded", body, false);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        answers.add(r.body());
        String no = value(r.body(), "service_request_id");
        String token = value(r.body(), "token");
        Matcher code = Pattern.compile("查詢碼 (\\d{6})").matcher(r.body());
        assertThat(code.find()).isTrue();
        return new Seeded(no, code.group(1), token);
    }

    private Seeded intake(Person p, String type, String category, String description) {
        HttpResponse<String> r = Http.as(port, "agent").post("/api/cases", """
                {"type":"%s","channel":"PHONE","category":"%s","description":"%s","lon":120.6469,"lat":24.1617,
                 "address":"%s","name":"%s","phone":"%s","email":"%s","idNumber":"%s","citizenAddress":"%s","replyBy":"EMAIL"}"""
                .formatted(type, category, description, p.home(), p.name(), p.dashed(), p.email(), p.idNumber(), p.home()));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode n = Json.parse(r.body());
        String token = jdbc.sql("select token from cases_case where case_no = ?").param(n.get("caseNo").asString())
                .query(String.class).single();
        return new Seeded(n.get("caseNo").asString(), n.get("verifyCode").asString(), token);
    }

    private void close(String caseNo, String reply) {
        HttpResponse<String> r = Http.as(port, "rdec").post("/api/cases/" + caseNo + "/close",
                "{\"reply\":\"" + reply + "\",\"closingCategory\":\"RESOLVED\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    }

    /** The route's URL for a seeded case: its number, id or token in the path, its verification code as a parameter. */
    private static List<String> forSeeded(Route route, String demoUrl, Seeded s) {
        String t = route.template();
        List<String> out = new ArrayList<>();
        for (String format : new String[] {"json", "xml"}) {
            String url = t.replace("{caseNo}", s.caseNo()).replace("{id}", s.caseNo()).replace("{token}", s.token())
                    .replace("{format}", format);
            if (url.contains("{")) {
                continue;
            }
            List<String> query = new ArrayList<>();
            if (route.params().contains("code")) {
                query.add("code=" + s.code());
            }
            if (route.params().contains("no")) {
                query.add("no=" + s.caseNo());
            }
            out.add(url + (query.isEmpty() ? "" : "?" + String.join("&", query)));
            if (route.params().contains("service_request_id")) {
                out.add(url + "?service_request_id=" + s.caseNo());
            }
            if (!t.contains("{format}")) {
                break;
            }
        }
        out.remove(demoUrl);
        return out;
    }

    /** Templates and text that only looks like a path (in OpenAPI documents, say) are not followed. */
    private static boolean isUri(String path) {
        try {
            java.net.URI.create(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String value(String body, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]+)\"|<" + field + ">([^<]+)</" + field + ">").matcher(body);
        assertThat(m.find()).as(field + " in " + body).isTrue();
        return m.group(1) != null ? m.group(1) : m.group(2);
    }
}
