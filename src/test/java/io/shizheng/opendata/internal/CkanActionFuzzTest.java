package io.shizheng.opendata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shizheng.org.Agency;
import io.shizheng.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of CKAN actions, as a client sends them (a JSON body, or form and query parameters the API folds
 * into the same object): package_search's q, fq, start, rows, sort and facet fields through the real query parser on
 * an empty catalogue, and package_create's body into a dataset draft. The only way they may refuse is the documented
 * one, an {@link InvalidInputException} or a {@link CkanApi.CkanError} (CKAN's error object, 400/409); anything else
 * would be a 500 to a harvester or a publisher's script. Every build runs the corpus in
 * src/test/resources/…/CkanActionFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class CkanActionFuzzTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A catalogue with nothing in it: the parsing is what is under test, not the database. */
    private static final DatasetStore STORE = new DatasetStore(null, JSON) {
        @Override
        List<Dataset> modifiedSince(Instant since) {
            return List.of();
        }

        @Override
        List<Dataset> findAll(Collection<Long> ids) {
            return List.of();
        }

        @Override
        List<Group> groups() {
            return List.of();
        }
    };
    private static final AgencyNames NAMES = new AgencyNames(null) {
        @Override
        List<Agency> all() {
            return List.of();
        }
    };
    private static final SearchIndex INDEX = new SearchIndex(STORE, null);
    private static final CkanApi CKAN = new CkanApi(null, STORE, new DatasetSearch(INDEX, STORE, null, NAMES), INDEX, null,
            new CkanDicts(NAMES, JSON), null, null);

    @FuzzTest(maxDuration = "60s")
    void packageSearch(byte[] data) {
        ObjectNode p = params(data);
        if (p == null) {
            return;
        }
        try {
            Map<String, Object> result = CKAN.packageSearch(p, null, "http://localhost");
            assertThat(result).containsEntry("count", 0L);
        } catch (InvalidInputException | CkanApi.CkanError refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    @FuzzTest(maxDuration = "60s")
    void packageCreate(byte[] data) {
        ObjectNode p = params(data);
        if (p == null) {
            return;
        }
        try {
            CKAN.draft(p);
        } catch (InvalidInputException | CkanApi.CkanError refused) {
            assertThat(refused.getMessage()).isNotBlank();
        }
    }

    /** The body as the API reads it; null where it answers CKAN's JSON error (not an object, not JSON). */
    private static ObjectNode params(byte[] data) {
        try {
            JsonNode parsed = JSON.readTree(data);
            return parsed != null && parsed.isObject() ? (ObjectNode) parsed : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
