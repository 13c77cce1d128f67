package io.shizheng.spatial.internal;

import java.time.ZonedDateTime;

import net.e175.klaus.solarpositioning.DeltaT;
import net.e175.klaus.solarpositioning.SPA;
import net.e175.klaus.solarpositioning.SolarPosition;
import org.jspecify.annotations.Nullable;

/** The sun's position by NREL's Solar Position Algorithm (Reda and Andreas 2008), through solarpositioning. */
final class Sun {

    /** Topocentric zenith and azimuth (degrees, azimuth clockwise from north) and the elevation angle (90 − zenith). */
    record Position(double zenith, double azimuth, double elevationAngle, double deltaT) {
    }

    private Sun() {
    }

    /**
     * @param elevation   metres above sea level
     * @param pressure    hPa (millibar), for refraction
     * @param temperature °C, for refraction
     * @param deltaT      TT − UT in seconds; null estimates it for the date (Espenak and Meeus)
     */
    static Position at(ZonedDateTime time, double lat, double lon, double elevation, double pressure,
                       double temperature, @Nullable Double deltaT) {
        if (!(lat >= -90 && lat <= 90)) {
            throw new IllegalArgumentException("lat 須介於 -90 與 90 / lat must be within [-90, 90]");
        }
        if (!(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("lon 須介於 -180 與 180 / lon must be within [-180, 180]");
        }
        if (!(elevation >= -500 && elevation <= 10_000)) {
            throw new IllegalArgumentException("elevation 須介於 -500 與 10000 公尺 / elevation must be within [-500, 10000] m");
        }
        if (!(pressure >= 100 && pressure <= 1200)) {
            throw new IllegalArgumentException("pressure 須介於 100 與 1200 hPa / pressure must be within [100, 1200] hPa");
        }
        if (!(temperature >= -90 && temperature <= 60)) {
            throw new IllegalArgumentException("temperature 須介於 -90 與 60 °C / temperature must be within [-90, 60] °C");
        }
        if (time.getYear() < -2000 || time.getYear() > 6000) {
            throw new IllegalArgumentException("at 的年份須介於 -2000 與 6000 / the year of at must be within [-2000, 6000]");
        }
        double dt = deltaT != null ? deltaT : DeltaT.estimate(time.toLocalDate());
        if (!(Math.abs(dt) <= 10_000)) {
            throw new IllegalArgumentException("deltaT 須介於 -10000 與 10000 秒 / deltaT must be within ±10000 s");
        }
        SolarPosition p = SPA.calculateSolarPosition(time, lat, lon, elevation, dt, pressure, temperature);
        return new Position(p.zenithAngle(), p.azimuth(), 90 - p.zenithAngle(), dt);
    }
}
