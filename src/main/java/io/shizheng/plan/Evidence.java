package io.shizheng.plan;

import java.util.List;

import org.springframework.modulith.NamedInterface;
import org.jspecify.annotations.Nullable;

/** The rows behind a metric value, as a table with links to each item where the module has a page. */
@NamedInterface("metrics")
public record Evidence(String title, List<String> headings, List<Row> rows, long total) {

    public record Row(List<Object> cells, @Nullable String link) {
    }
}
