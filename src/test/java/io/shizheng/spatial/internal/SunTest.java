package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

/** NREL's published example of the SPA (Reda and Andreas 2008, table A5.1). */
class SunTest {

    @Test
    void nrelsExampleGivesItsZenithAndAzimuth() {
        Sun.Position p = Sun.at(ZonedDateTime.parse("2003-10-17T12:30:30-07:00"), 39.742476, -105.1786, 1830.14,
                820, 11, 67.0);
        assertThat(p.zenith()).isCloseTo(50.11162, within(1e-4));
        assertThat(p.azimuth()).isCloseTo(194.34024, within(1e-4));
        assertThat(p.elevationAngle()).isCloseTo(90 - 50.11162, within(1e-4));
    }

    @Test
    void outOfRangeInputIsRefused() {
        ZonedDateTime t = ZonedDateTime.parse("2026-12-22T12:00:00+08:00");
        assertThatThrownBy(() -> Sun.at(t, 91, 120, 0, 1013, 15, null)).hasMessageContaining("lat");
        assertThatThrownBy(() -> Sun.at(t, 24, 181, 0, 1013, 15, null)).hasMessageContaining("lon");
        assertThatThrownBy(() -> Sun.at(t, Double.NaN, 120, 0, 1013, 15, null)).hasMessageContaining("lat");
        assertThatThrownBy(() -> Sun.at(t, 24, 120, 0, 0, 15, null)).hasMessageContaining("pressure");
    }

    @Test
    void atNoonOnTheWinterSolsticeInCentralTaiwanTheSunIsLowInTheSouth() {
        Sun.Position p = Sun.at(ZonedDateTime.parse("2026-12-22T12:00:00+08:00"), 24.15, 120.68, 0, 1013.25, 15, null);
        // noon altitude ≈ 90 − 24.15 − 23.44 ≈ 42.4°, a little east of south before the local solar noon
        assertThat(p.elevationAngle()).isCloseTo(42.4, within(0.5));
        assertThat(p.azimuth()).isBetween(170.0, 190.0);
    }
}
