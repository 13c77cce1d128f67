package io.shizheng.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What a citizen types into a public free text: ID numbers, phones, e-mails and door numbers masked; the rest kept. */
class PersonalDataTest {

    private static String masked(String text) {
        return PersonalData.mask(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123456789", "a123456789", "F222333444", "H112233446", "Q209876542", "Ａ１２３４５６７８９",
            "A800000014", "C912345675", "AB12345677"})
    void taiwaneseIdAndResidentCertificateNumbersWithAValidChecksumAreMasked(String id) {
        String out = masked("我的身分證字號是" + id + "，請查明");
        assertThat(out).doesNotContain(id).startsWith("我的身分證字號是").endsWith("，請查明");
        assertThat(out.replaceAll("[^0-9０-９]", "")).as(out).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"A123456788", "B223456789", "訂單A223456789號"})
    void idLikeCodesWithAWrongChecksumStay(String text) {
        assertThat(masked(text)).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0912345678", "0912-345-678", "0912 345 678", "0912.345.678", "09-1234-5678", "+886912345678",
            "+886 912 345 678", "+886-9-1234-5678", "(+886)912-345-678", "０９１２３４５６７８", "0912-345678",
            "04-2228-9111", "(04)2228-9111", "(04) 22289111", "0422289111", "02-2720-8889", "+886 4 2228 9111",
            "07-336-8333", "049-222-2106", "037-559-999", "0826-62345", "0836-25678", "089-320-123", "(082)325-123"})
    void phoneNumbersInTheirCommonSpellingsAreMasked(String phone) {
        String out = masked("請回電" + phone + "謝謝");
        assertThat(out).startsWith("請回電").endsWith("謝謝");
        assertThat(out.replaceAll("[^0-9０-９]", "")).as(out).isIn("", "886");
    }

    @ParameterizedTest
    @ValueSource(strings = {"04-2228-9111 轉 123", "04-2228-9111#123", "(04)2228-9111分機123", "04-22289111 ext. 123",
            "04-2228-9111 x123"})
    void landlinesWithAnExtensionAreMaskedWithTheExtension(String phone) {
        String out = masked("電話 " + phone + " 找陳小姐");
        assertThat(out).endsWith(" 找陳小姐").doesNotContain("123").doesNotContain("9111");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wang.xiaoming@example.com", "Lin_Mei-Ling+1999@mail.example.org.tw", "abc@gmail.com",
            "ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｏｍ"})
    void emailAddressesAreMasked(String email) {
        String out = masked("來信請寄" + email + "。");
        assertThat(out).startsWith("來信請寄").endsWith("。").doesNotContain(email);
        assertThat(out).doesNotContainIgnoringCase("wang").doesNotContainIgnoringCase("lin_mei").doesNotContain("abc");
    }

    @Test
    void theDoorNumberOfAStreetAddressIsMaskedAndTheRoadKept() {
        assertThat(masked("我家在臺中市西屯區臺灣大道三段99號門口")).isEqualTo("我家在臺中市西屯區臺灣大道三段**號門口");
        assertThat(masked("住址：北屯區崇德路二段128巷5弄12號3樓之2")).isEqualTo("住址：北屯區崇德路二段***巷*弄**號*樓之*");
        assertThat(masked("市政路100之1號前")).isEqualTo("市政路***之*號前");
        assertThat(masked("中華街23號")).isEqualTo("中華街**號");
        assertThat(masked("文心路四段一百二十號")).isEqualTo("文心路四段****號");
        assertThat(masked("公益路１２３號")).isEqualTo("公益路***號");
        assertThat(masked("英才路 45 號 7 樓")).isEqualTo("英才路 ** 號 * 樓");
    }

    @ParameterizedTest
    @ValueSource(strings = {"案號 10712030001234 已併案", "107年3月1日至2018-03-31", "新臺幣1,234,567元", "NT$25,000",
            "補助 3000 元，共 12 戶", "市政路口路燈不亮", "臺灣大道三段與文心路口", "文心路四段", "請撥 1999 市民專線",
            "報案電話 110、119", "第 3 次反映", "2018/03/01 08:30", "14:30 左右", "路燈編號 12345", "A1 停車場",
            "https://example.org/photo/123456789.jpg", "10號公園", "3樓會議室", "中港路一帶", "12 號公車"})
    void textWithoutPersonalDataStaysAsItIs(String text) {
        assertThat(masked(text)).isEqualTo(text);
    }

    @Test
    void aKnownNameOfTheCitizenIsMaskedWhereverTheTextQuotesIt() {
        assertThat(PersonalData.mask("王小明先生您好，已派員處理。", List.of("王小明"))).isEqualTo("王○○先生您好，已派員處理。");
        assertThat(PersonalData.mask("已派員處理。", List.of("王小明"))).isEqualTo("已派員處理。");
        assertThat(PersonalData.mask("王先生您好", List.of("王"))).as("one character is not a name to hunt for").isEqualTo("王先生您好");
    }

    @Test
    void everythingInOneText() {
        String text = "王先生（A123456789）住永春東路12巷3號，手機0912-345-678，家裡(04)2228-9111，信箱wang@example.com。";
        String out = masked(text);
        assertThat(out).doesNotContain("A123456789").doesNotContain("345").doesNotContain("9111").doesNotContain("wang@")
                .contains("永春東路").contains("王先生");
        assertThat(masked(null)).isNull();
        assertThat(masked("")).isEmpty();
    }
}
