package io.shizheng.plan.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shizheng.plan.MetricSource;
import org.springframework.stereotype.Component;

/** Every metric that a module registered as a bean, by name. */
@Component
class MetricRegistry {

    private final Map<String, MetricSource> byName;

    MetricRegistry(List<MetricSource> sources) {
        this.byName = sources.stream().collect(Collectors.toUnmodifiableMap(MetricSource::name, Function.identity()));
    }

    Optional<MetricSource> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    boolean exists(String name) {
        return byName.containsKey(name);
    }

    Collection<MetricSource> all() {
        return byName.values();
    }
}
