package io.shizheng.platform;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;

/**
 * The configured jurisdiction's seed files ({@link Jurisdiction#seedLocation()}): reference data such as its
 * agency tree (agencies.csv) or its plans (plan-*.sql) that modules load at the first start.
 */
@Component
public class SeedFiles {

    /** Seed CSV: UTF-8, a header row, lines starting with # are comments. */
    public static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setCommentMarker('#').setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();

    private final Jurisdiction jurisdiction;
    private final ResourcePatternResolver resources;

    SeedFiles(Jurisdiction jurisdiction, ResourceLoader resources) {
        this.jurisdiction = jurisdiction;
        this.resources = ResourcePatternUtils.getResourcePatternResolver(resources);
    }

    /** The seed file of that name, when the jurisdiction has one. */
    public Optional<Resource> find(String name) {
        Resource r = resources.getResource(jurisdiction.seedLocation() + name);
        return r.exists() ? Optional.of(r) : Optional.empty();
    }

    /** The seed files whose names match an Ant pattern such as plan-*.sql, in order of name; none without the folder. */
    public List<Resource> matching(String pattern) {
        try {
            return Arrays.stream(resources.getResources(jurisdiction.seedLocation() + pattern)).filter(Resource::exists)
                    .sorted(Comparator.comparing(r -> String.valueOf(r.getFilename()))).toList();
        } catch (FileNotFoundException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the seed files " + jurisdiction.seedLocation() + pattern, e);
        }
    }

    /** All records of a seed CSV; its header names the columns. */
    public static List<CSVRecord> readCsv(Resource resource) {
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return CSV.parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the seed file " + resource.getDescription(), e);
        }
    }

    /** Where a seed file is, for messages: the location and the name. */
    public String describe(Resource resource) {
        return jurisdiction.seedLocation() + resource.getFilename();
    }
}
