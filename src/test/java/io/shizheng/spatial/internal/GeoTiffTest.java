package io.shizheng.spatial.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shizheng.platform.InvalidInputException;
import mil.nga.tiff.FieldType;
import mil.nga.tiff.FileDirectory;
import mil.nga.tiff.Rasters;
import mil.nga.tiff.TIFFImage;
import mil.nga.tiff.TiffWriter;
import org.junit.jupiter.api.Test;

class GeoTiffTest {

    @Test
    void whatWeWriteWeReadBack() {
        float[] cells = {1.5f, 2, 3, -9999, 5, 6};
        Dem dem = new Dem(3, 2, 3826, 210_000, 2_670_000, 20, -20, -9999.0, "float32", cells);
        Dem back = GeoTiff.read(GeoTiff.writeFloat32(dem));
        assertThat(back.cells()).containsExactly(cells);
        assertThat(back.crs()).isEqualTo(3826);
        assertThat(back.originX()).isEqualTo(210_000);
        assertThat(back.originY()).isEqualTo(2_670_000);
        assertThat(back.pixelX()).isEqualTo(20);
        assertThat(back.pixelY()).isEqualTo(-20);
        assertThat(back.nodata()).isEqualTo(-9999.0);
        assertThat(back.isNoData(back.at(0, 1))).isTrue();
        Dem geographic = GeoTiff.read(GeoTiff.writeFloat32(new Dem(3, 2, 4326, 120.5, 24.5, 0.001, -0.001, null,
                "float32", cells)));
        assertThat(geographic.crs()).isEqualTo(4326);
        assertThat(geographic.nodata()).isNull();
    }

    @Test
    void somethingThatIsNotATiffIsRefused() {
        assertThatThrownBy(() -> GeoTiff.read("name,value\na,1\n".getBytes())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not a TIFF");
        assertThatThrownBy(() -> GeoTiff.read(new byte[] {'I', 'I', 42, 0, 8, 0, 0, 0, 1}))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aTiffWithoutGeoreferenceIsRefused() throws Exception {
        assertThatThrownBy(() -> GeoTiff.read(plainTiff())).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("no georeference");
    }

    /** A valid 3 × 3 Float32 TIFF with none of the GeoTIFF tags. */
    static byte[] plainTiff() throws Exception {
        Rasters r = new Rasters(3, 3, 1, FieldType.FLOAT);
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 3; x++) {
                r.setFirstPixelSample(x, y, (float) (x + y));
            }
        }
        FileDirectory d = new FileDirectory();
        d.setImageWidth(3);
        d.setImageHeight(3);
        d.setBitsPerSample(32);
        d.setCompression(1);
        d.setPhotometricInterpretation(1);
        d.setSamplesPerPixel(1);
        d.setRowsPerStrip(3);
        d.setPlanarConfiguration(1);
        d.setSampleFormat(3);
        d.setWriteRasters(r);
        return TiffWriter.writeTiffToBytes(new TIFFImage(d));
    }
}
