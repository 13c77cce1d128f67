package io.shizheng.opendata.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * The agency list as search results and CKAN dictionaries need it on every request, read from the directory at
 * most once a minute (agencies change rarely; a renamed one shows within a minute).
 */
@Component
class AgencyNames {

    private static final long TTL_NANOS = 60_000_000_000L;

    private record Snapshot(long at, List<Agency> all, Map<Long, Agency> byId) {
    }

    private final AgencyDirectory agencies;
    private volatile Snapshot snapshot;

    AgencyNames(AgencyDirectory agencies) {
        this.agencies = agencies;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || System.nanoTime() - s.at() > TTL_NANOS) {
            List<Agency> all = agencies.all();
            Map<Long, Agency> byId = new HashMap<>();
            all.forEach(a -> byId.put(a.id(), a));
            s = new Snapshot(System.nanoTime(), all, byId);
            snapshot = s;
        }
        return s;
    }

    List<Agency> all() {
        return current().all();
    }

    Optional<Agency> find(long id) {
        return Optional.ofNullable(current().byId().get(id));
    }
}
