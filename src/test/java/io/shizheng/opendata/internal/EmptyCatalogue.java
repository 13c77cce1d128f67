package io.shizheng.opendata.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.shizheng.org.Agency;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue's readers over a catalogue with nothing in it and no database, for tests of the parsing in front
 * of them (the CKAN fuzz targets in {@code internal.ckan}).
 */
public final class EmptyCatalogue {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    public static final DatasetStore STORE = new DatasetStore(null, JSON) {
        @Override
        List<Dataset> modifiedSince(Instant since) {
            return List.of();
        }

        @Override
        List<Dataset> findAll(Collection<Long> ids) {
            return List.of();
        }

        @Override
        public List<Group> groups() {
            return List.of();
        }
    };

    private static final AgencyNames NAMES = new AgencyNames(null) {
        @Override
        List<Agency> all() {
            return List.of();
        }
    };

    public static final SearchIndex INDEX = new SearchIndex(STORE, null);
    public static final DatasetSearch SEARCH = new DatasetSearch(INDEX, STORE, null, NAMES);
    public static final CkanDicts DICTS = new CkanDicts(NAMES, JSON);

    private EmptyCatalogue() {
    }
}
