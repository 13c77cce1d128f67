package io.shizheng.opendata.internal.ckan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.shizheng.opendata.internal.EmptyCatalogue;
import io.shizheng.platform.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parameters of CKAN actions, as a client sends them (a JSON body, or form and query parameters the API folds
 * into the same object): package_search's q, fq, start, rows, sort and facet fields through the real query parser on
 * an empty catalogue, and package_create's body into a dataset draft. The only way they may refuse is the documented
 * one, an {@link InvalidInputException} or a {@link CkanError} (CKAN's error object, 400/409); anything else
 * would be a 500 to a harvester or a publisher's script. Every build runs the corpus in
 * src/test/resources/…/CkanActionFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class CkanActionFuzzTest {

    private static final JsonMapper JSON = EmptyCatalogue.JSON;
    private static final CkanApi CKAN = new CkanApi(null, EmptyCatalogue.STORE, EmptyCatalogue.SEARCH,
            EmptyCatalogue.INDEX, null, EmptyCatalogue.DICTS, null, null, null);
    private static final CkanDrafts DRAFTS = new CkanDrafts(EmptyCatalogue.DICTS);

    @FuzzTest(maxDuration = "60s")
    void packageSearch(byte[] data) {
        ObjectNode p = params(data);
        if (p == null) {
            return;
        }
        try {
            Map<String, Object> result = CKAN.packageSearch(p, null, "http://localhost");
            assertThat(result).containsEntry("count", 0L);
        } catch (InvalidInputException | CkanError refused) {
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
            DRAFTS.draft(p);
        } catch (InvalidInputException | CkanError refused) {
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
