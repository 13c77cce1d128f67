package io.shizheng.spatial.internal;

import org.locationtech.proj4j.CRSFactory;
import org.locationtech.proj4j.CoordinateReferenceSystem;
import org.locationtech.proj4j.CoordinateTransform;
import org.locationtech.proj4j.CoordinateTransformFactory;
import org.locationtech.proj4j.ProjCoordinate;

/** CRS84 (longitude, latitude) to and from a DEM's CRS through PROJ4J (EPSG:3826 is TWD97 / TM2 zone 121). */
final class Crs {

    private static final CRSFactory CRS = new CRSFactory();
    private static final CoordinateReferenceSystem WGS84 = CRS.createFromName("EPSG:4326");
    private static final CoordinateReferenceSystem TWD97_TM2 = CRS.createFromName("EPSG:3826");
    private static final CoordinateTransformFactory TRANSFORMS = new CoordinateTransformFactory();

    private Crs() {
    }

    /** (lon, lat) to the CRS's (x, y); EPSG:4326 is returned as it is. */
    static double[] fromLonLat(int epsg, double lon, double lat) {
        if (epsg == 4326) {
            return new double[] {lon, lat};
        }
        return transform(TRANSFORMS.createTransform(WGS84, of(epsg)), lon, lat);
    }

    /** The CRS's (x, y) to (lon, lat). */
    static double[] toLonLat(int epsg, double x, double y) {
        if (epsg == 4326) {
            return new double[] {x, y};
        }
        return transform(TRANSFORMS.createTransform(of(epsg), WGS84), x, y);
    }

    private static CoordinateReferenceSystem of(int epsg) {
        if (epsg == 3826) {
            return TWD97_TM2;
        }
        throw new IllegalArgumentException("unsupported CRS EPSG:" + epsg);
    }

    private static double[] transform(CoordinateTransform t, double x, double y) {
        ProjCoordinate out = new ProjCoordinate();
        t.transform(new ProjCoordinate(x, y), out);
        return new double[] {out.x, out.y};
    }
}
