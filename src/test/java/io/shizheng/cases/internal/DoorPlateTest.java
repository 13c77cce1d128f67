package io.shizheng.cases.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Taiwanese addresses as people write them, taken apart into the parts a door plate is looked up by. */
class DoorPlateTest {

    private static DoorPlate parse(String address) {
        return DoorPlate.parse(address).orElseThrow(() -> new AssertionError("not read: " + address));
    }

    @Test
    void fullWidthDigitsTaiAndChineseSectionsReadAsOneDoorPlate() {
        DoorPlate a = parse("臺中市西屯區臺灣大道三段９９號");
        assertThat(a).isEqualTo(new DoorPlate("臺中市", "西屯區", null, "臺灣大道", 3, "", "", "99"));
        assertThat(parse("台中市西屯區台灣大道3段99號")).isEqualTo(a);
        assertThat(parse("４０７臺中市 西屯區 臺灣大道３段９９號１２樓之３")).isEqualTo(a);
        assertThat(a.written()).isEqualTo("西屯區臺灣大道3段99號");
    }

    @Test
    void lanesAlleysAndSubNumbers() {
        DoorPlate d = parse("西屯區福科路十二巷五弄12之3號");
        assertThat(d.lane()).isEqualTo("12");
        assertThat(d.alley()).isEqualTo("5");
        assertThat(d.number()).isEqualTo("12之3");
        assertThat(parse("西屯區福科路12巷5弄12-3號").number()).isEqualTo("12之3");
        assertThat(parse("西屯區福科路12巷5弄12號之3").number()).isEqualTo("12之3");
        assertThat(parse("西屯區福科路12巷5弄12號3樓之1").number()).isEqualTo("12");
        assertThat(parse("福科路一百零五號").number()).isEqualTo("105");
        assertThat(parse("福科路二十號").number()).isEqualTo("20");
    }

    @Test
    void cityDistrictAndVillageAreOptional() {
        DoorPlate bare = parse("市政路100號");
        assertThat(bare.city()).isNull();
        assertThat(bare.district()).isNull();
        assertThat(bare.road()).isEqualTo("市政路");
        DoorPlate withVillage = parse("臺中市北屯區北屯里5鄰北屯路100號");
        assertThat(withVillage.district()).isEqualTo("北屯區");
        assertThat(withVillage.village()).isEqualTo("北屯里");
        assertThat(withVillage.road()).isEqualTo("北屯路");
        assertThat(parse("臺中市大里區大里路10號").road()).isEqualTo("大里路");
        // a road whose name ends in 里 is read both ways; the second reading keeps it whole
        assertThat(DoorPlate.readings("大里區仁里路5號").stream().map(DoorPlate::road)).contains("仁里路");
    }

    @Test
    void anyTextReadsBackAsItselfAmongItsReadingsOrIsDeclined() {
        // the first found by fuzzing: a village reading and a village-less one of the same text
        for (String text : new String[] {"大里十仁里路一百零五號之二", "路路路1號", "1號", "之之之", "臺中市市市市路1號",
                "\u0000路1號", "九九九九九九九九九九九段1號", "99999999999段1號", "臺灣大道99999999999段", "大道1段1巷1弄1之1號之1", "x".repeat(400)}) {
            for (DoorPlate d : DoorPlate.readings(text)) {
                assertThat(DoorPlate.readings(d.written())).as(text).anyMatch(again -> again.road().equals(d.road())
                        && again.section() == d.section() && again.number().equals(d.number())
                        && again.lane().equals(d.lane()) && again.alley().equals(d.alley()));
            }
        }
    }

    @Test
    void whatHasNoRoadAndNumberIsNotRead() {
        assertThat(DoorPlate.parse("臺中市西屯區")).isEmpty();
        assertThat(DoorPlate.parse("")).isEmpty();
        assertThat(DoorPlate.parse(null)).isEmpty();
    }

    @Test
    void theNationalDataCellsAreNormalisedAlike() {
        assertThat(DoorPlate.road("台灣大道三段", null)).isEqualTo(new DoorPlate.RoadSection("臺灣大道", 3));
        assertThat(DoorPlate.road("臺灣大道", "３段")).isEqualTo(new DoorPlate.RoadSection("臺灣大道", 3));
        assertThat(DoorPlate.road("惠來路", "二")).isEqualTo(new DoorPlate.RoadSection("惠來路", 2));
        assertThat(DoorPlate.numberPart("十二巷", '巷')).isEqualTo("12");
        assertThat(DoorPlate.numberPart("０１２", '號')).isEqualTo("12");
        assertThat(DoorPlate.numberPart("12號之3", '號')).isEqualTo("12之3");
        assertThat(DoorPlate.numberPart("12-3", '號')).isEqualTo("12之3");
        assertThat(DoorPlate.numberPart("", '巷')).isEqualTo("");
        assertThat(DoorPlate.numberPart("A棟", '號')).isNull();
    }

    @Test
    void twd97GridAndDegreesGoBothWays() {
        double[] xy = Twd97.fromLonLat(121, 0);
        assertThat(xy[0]).isCloseTo(250_000, org.assertj.core.data.Offset.offset(0.001));
        assertThat(xy[1]).isCloseTo(0, org.assertj.core.data.Offset.offset(0.001));
        double[] cityHall = Twd97.fromLonLat(120.6469, 24.1617);
        // about 36 km west of the central meridian and 2,673 km north of the equator
        assertThat(cityHall[0]).isBetween(213_000.0, 215_000.0);
        assertThat(cityHall[1]).isBetween(2_672_000.0, 2_675_000.0);
        double[] back = Twd97.toLonLat(cityHall[0], cityHall[1]);
        assertThat(back[0]).isCloseTo(120.6469, org.assertj.core.data.Offset.offset(1e-8));
        assertThat(back[1]).isCloseTo(24.1617, org.assertj.core.data.Offset.offset(1e-8));
    }
}
