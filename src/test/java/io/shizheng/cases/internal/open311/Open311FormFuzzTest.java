package io.shizheng.cases.internal.open311;

import io.shizheng.cases.internal.IntakeForm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The Open311 POST requests.json form (as the container decodes it) through everything below HTTP that reads it:
 * the refusal of unstorable characters, the service code, lat/long, address and attribute[...] fields, and the date
 * and paging parameters of the list. The only way they may refuse is an {@link Open311Error} (the
 * specification's error array, 400); anything else would be a 500 to a citizen's app. Every build runs the corpus in
 * src/test/resources/…/Open311FormFuzzTestInputs; {@code JAZZER_FUZZ=1} fuzzes (bench/fuzz.sh).
 */
class Open311FormFuzzTest {

    private static final Set<String> SERVICES = Set.of("STREETLIGHT", "POTHOLE");

    @FuzzTest(maxDuration = "60s")
    void requestForm(byte[] data) {
        MultiValueMap<String, String> form = decode(new String(data, StandardCharsets.UTF_8));
        if (form == null) {
            return;
        }
        try {
            Open311Params.refuseUnstorable(form);
            IntakeForm intake = Open311Params.form(form, SERVICES::contains);
            assertThat(SERVICES).contains(intake.category());
            assertThat(intake.lat() == null || Math.abs(intake.lat()) <= 90).isTrue();
            assertThat(intake.lon() == null || Math.abs(intake.lon()) <= 180).isTrue();
        } catch (Open311Error refused) {
            assertThat(refused.descriptions).isNotEmpty();
        }
        try {
            Open311Params.time(form.getFirst("start_date"), "start_date");
            Open311Params.time(form.getFirst("end_date"), "end_date");
            int size = Open311Params.intParam(form.getFirst("page_size"), "page_size", 100, 1, Open311Api.MAX_RESULTS);
            assertThat(size).isBetween(1, Open311Api.MAX_RESULTS);
        } catch (Open311Error refused) {
            assertThat(refused.descriptions).isNotEmpty();
        }
    }

    /** application/x-www-form-urlencoded as the container reads it; null where it would refuse the body itself. */
    private static MultiValueMap<String, String> decode(String body) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        try {
            for (String pair : body.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.add(name, value);
            }
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        return form;
    }
}
