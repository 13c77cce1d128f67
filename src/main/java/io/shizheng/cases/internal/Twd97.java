package io.shizheng.cases.internal;

/**
 * TWD97 TM2 (EPSG:3826: transverse Mercator on GRS80, central meridian 121°E, scale 0.9999, false easting 250 000 m),
 * the grid the national door-plate data gives its x/y in, to and from WGS84 longitude and latitude (TWD97 and WGS84
 * differ by centimetres). Snyder's series, good to millimetres across Taiwan's main island.
 */
final class Twd97 {

    private static final double A = 6378137.0;
    private static final double F = 1 / 298.257222101;
    private static final double E2 = F * (2 - F);
    private static final double EP2 = E2 / (1 - E2);
    private static final double K0 = 0.9999;
    private static final double LON0 = Math.toRadians(121);
    private static final double FALSE_EASTING = 250_000;

    private Twd97() {
    }

    /** {lon, lat} in degrees of a TM2 point (metres). */
    static double[] toLonLat(double x, double y) {
        double e1 = (1 - Math.sqrt(1 - E2)) / (1 + Math.sqrt(1 - E2));
        double m = y / K0;
        double mu = m / (A * (1 - E2 / 4 - 3 * E2 * E2 / 64 - 5 * E2 * E2 * E2 / 256));
        double phi1 = mu + (3 * e1 / 2 - 27 * Math.pow(e1, 3) / 32) * Math.sin(2 * mu)
                + (21 * e1 * e1 / 16 - 55 * Math.pow(e1, 4) / 32) * Math.sin(4 * mu)
                + (151 * Math.pow(e1, 3) / 96) * Math.sin(6 * mu)
                + (1097 * Math.pow(e1, 4) / 512) * Math.sin(8 * mu);
        double sin = Math.sin(phi1);
        double cos = Math.cos(phi1);
        double tan = Math.tan(phi1);
        double c1 = EP2 * cos * cos;
        double t1 = tan * tan;
        double n1 = A / Math.sqrt(1 - E2 * sin * sin);
        double r1 = A * (1 - E2) / Math.pow(1 - E2 * sin * sin, 1.5);
        double d = (x - FALSE_EASTING) / (n1 * K0);
        double lat = phi1 - (n1 * tan / r1) * (d * d / 2
                - (5 + 3 * t1 + 10 * c1 - 4 * c1 * c1 - 9 * EP2) * Math.pow(d, 4) / 24
                + (61 + 90 * t1 + 298 * c1 + 45 * t1 * t1 - 252 * EP2 - 3 * c1 * c1) * Math.pow(d, 6) / 720);
        double lon = LON0 + (d - (1 + 2 * t1 + c1) * Math.pow(d, 3) / 6
                + (5 - 2 * c1 + 28 * t1 - 3 * c1 * c1 + 8 * EP2 + 24 * t1 * t1) * Math.pow(d, 5) / 120) / cos;
        return new double[] {Math.toDegrees(lon), Math.toDegrees(lat)};
    }

    /** {x, y} in metres of a point given in degrees. */
    static double[] fromLonLat(double lonDeg, double latDeg) {
        double phi = Math.toRadians(latDeg);
        double sin = Math.sin(phi);
        double cos = Math.cos(phi);
        double tan = Math.tan(phi);
        double n = A / Math.sqrt(1 - E2 * sin * sin);
        double t = tan * tan;
        double c = EP2 * cos * cos;
        double a = (Math.toRadians(lonDeg) - LON0) * cos;
        double m = A * ((1 - E2 / 4 - 3 * E2 * E2 / 64 - 5 * Math.pow(E2, 3) / 256) * phi
                - (3 * E2 / 8 + 3 * E2 * E2 / 32 + 45 * Math.pow(E2, 3) / 1024) * Math.sin(2 * phi)
                + (15 * E2 * E2 / 256 + 45 * Math.pow(E2, 3) / 1024) * Math.sin(4 * phi)
                - (35 * Math.pow(E2, 3) / 3072) * Math.sin(6 * phi));
        double x = FALSE_EASTING + K0 * n * (a + (1 - t + c) * Math.pow(a, 3) / 6
                + (5 - 18 * t + t * t + 72 * c - 58 * EP2) * Math.pow(a, 5) / 120);
        double y = K0 * (m + n * tan * (a * a / 2 + (5 - t + 9 * c + 4 * c * c) * Math.pow(a, 4) / 24
                + (61 - 58 * t + t * t + 600 * c - 330 * EP2) * Math.pow(a, 6) / 720));
        return new double[] {x, y};
    }
}
