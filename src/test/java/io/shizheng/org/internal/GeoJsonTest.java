package io.shizheng.org.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.json.JsonMapper;

class GeoJsonTest {

    private static String number(double v) {
        StringBuilder out = new StringBuilder();
        GeoJson.number(v, out);
        return out.toString();
    }

    @Test
    void numbersHaveSixDecimalsAtMostAndNoTrailingZeros() {
        assertThat(number(120.6469)).isEqualTo("120.6469");
        assertThat(number(24.0)).isEqualTo("24");
        assertThat(number(-0.0000004)).isEqualTo("0");
        assertThat(number(-71.0000501)).isEqualTo("-71.00005");
        assertThat(number(121.1234567)).isEqualTo("121.123457");
        assertThat(number(0.000001)).isEqualTo("0.000001");
    }

    @Test
    void aPolygonWithAHoleSurvivesTheRoundTrip() {
        String text = "{\"type\":\"Polygon\",\"coordinates\":[[[120,24],[121,24],[121,25],[120,25],[120,24]],"
                + "[[120.2,24.2],[120.2,24.4],[120.4,24.4],[120.4,24.2],[120.2,24.2]]]}";
        Geometry g = GeoJson.read(JsonMapper.builder().build().readTree(text));
        assertThat(g.getArea()).isCloseTo(1 - 0.04, org.assertj.core.data.Offset.offset(1e-9));
        StringBuilder out = new StringBuilder();
        GeoJson.write(g, out);
        assertThat(out).hasToString(text);
    }
}
