package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every message bundle speaks both languages: each key of a Traditional Chinese bundle is in its English twin and
 * back, no text is empty, every bundle is one the application loads, and every key a template asks for exists
 * (a missing one shows the reader "??key??"). As spring-petclinic's I18nPropertiesSyncTest, and a step further.
 */
class I18nPropertiesSyncTest {

    private static final Path I18N = Path.of("src/main/resources/i18n");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)");

    @Test
    void eachBundleHasAnEnglishTwinWithTheSameKeys() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path zh : bundles()) {
            Path en = zh.resolveSibling(zh.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(en).as("English twin of %s", zh.getFileName()).exists();
            Properties a = load(zh);
            Properties b = load(en);
            diff(a, b).forEach(k -> problems.add(en.getFileName() + " lacks " + k));
            diff(b, a).forEach(k -> problems.add(zh.getFileName() + " lacks " + k));
            for (Properties p : List.of(a, b)) {
                p.stringPropertyNames().stream().filter(k -> p.getProperty(k).isBlank())
                        .forEach(k -> problems.add("empty text for " + k));
            }
        }
        assertThat(problems).as("keys out of step between the languages").isEmpty();
    }

    @Test
    void everyBundleIsLoadedByTheApplication() throws IOException {
        Properties app = load(Path.of("src/main/resources/application.properties"));
        Set<String> loaded = Set.of(app.getProperty("spring.messages.basename").split("\\s*,\\s*"));
        for (Path zh : bundles()) {
            assertThat(loaded).as("spring.messages.basename").contains("i18n/" + zh.getFileName().toString().replace(".properties", ""));
        }
    }

    @Test
    void everyKeyATemplateAsksForExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (Path zh : bundles()) {
            known.addAll(load(zh).stringPropertyNames());
        }
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path t : files.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                Matcher m = TEMPLATE_KEY.matcher(Files.readString(t));
                while (m.find()) {
                    if (!known.contains(m.group(1))) {
                        missing.add(TEMPLATES.relativize(t) + ": " + m.group(1));
                    }
                }
            }
        }
        assertThat(missing).as("message keys used by templates but in no bundle").isEmpty();
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(I18N)) {
            List<Path> zh = files.filter(p -> p.toString().endsWith(".properties") && !p.toString().endsWith("_en.properties"))
                    .sorted().toList();
            assertThat(zh).isNotEmpty();
            return zh;
        }
    }

    private static Set<String> diff(Properties a, Properties b) {
        Set<String> out = new TreeSet<>(a.stringPropertyNames());
        out.removeAll(b.stringPropertyNames());
        return out;
    }

    private static Properties load(Path p) throws IOException {
        Properties props = new Properties();
        try (Reader r = new InputStreamReader(Files.newInputStream(p), StandardCharsets.UTF_8)) {
            props.load(r);
        }
        return props;
    }
}
