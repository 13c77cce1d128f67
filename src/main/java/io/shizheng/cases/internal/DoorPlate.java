package io.shizheng.cases.internal;

import java.text.Normalizer;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A Taiwanese door-plate address taken apart: optional city (市/縣) and district (區/鄉/鎮/市), optional village (里/村)
 * and neighbourhood (鄰), then road or street with its section (段), lane (巷), alley (弄) and number (號, with its
 * 之 sub-number). Written forms are normalised first: full-width digits and letters to half-width (NFKC), 台 to 臺,
 * Chinese numerals before 段/巷/弄/號/樓/鄰 to digits (三段 → 3段), a hyphen between digits to 之 (12-3號 → 12之3號);
 * what follows the number (floor 樓, room 室) is dropped. Section 0 means none; lane and alley are "" when absent.
 */
record DoorPlate(@Nullable String city, @Nullable String district, @Nullable String village, String road, int section,
                 String lane, String alley, String number) {

    private static final String NUMERALS = "〇零一二三四五六七八九十百千兩";
    private static final Pattern CHINESE_NUMBER = Pattern.compile("([" + NUMERALS + "]+)(?=[段巷弄號樓鄰之衖])");
    private static final Pattern SUB_NUMBER_AFTER = Pattern.compile("之([" + NUMERALS + "]+)");
    private static final Pattern DASH = Pattern.compile("(?<=\\d)\\s*[-‐‑‒–—―~～]\\s*(?=\\d)");
    private static final String VILLAGE = "(?<village>[^\\d]{1,3}[里村])?";
    private static final String ADDRESS_FORM =
            "^(?:\\d{3,6})?"                                  // a postal code written in front
            + "(?<city>[^\\d]{1,3}?[市縣])?"
            + "(?<district>[^\\d]{1,3}?[區鄉鎮市])?"
            + VILLAGE
            + "(?:\\d+鄰)?"
            + "(?<road>[^\\d]+?(?:大道|路|街))"
            + "(?:(?<section>\\d{1,4})段)?"
            + "(?:(?<lane>\\d+(?:之\\d+)?)巷)?"
            + "(?:(?<alley>\\d+(?:之\\d+)?)[弄衖])?"
            + "(?<number>\\d+(?:之\\d+)?)(?:號(?:之(?<sub>\\d+)(?![\\d樓F]))?|$)";
    private static final Pattern ADDRESS = Pattern.compile(ADDRESS_FORM);
    /** The same without a village: for a road whose name ends in 里 or 村 taken for one. */
    private static final Pattern ADDRESS_WITHOUT_VILLAGE = Pattern.compile(ADDRESS_FORM.replace(VILLAGE, "(?<village>(?!))?"));
    private static final Pattern ROAD_SECTION = Pattern.compile("^(?<road>.+?)(?:(?<section>\\d{1,4})段)?$");
    private static final Pattern NUMBER = Pattern.compile("^\\d+(?:之\\d+)?$");

    /** The written form made comparable: half-width, no spaces, 臺, digits for numerals before 段/巷/弄/號, 之 for a hyphen. */
    static String normalise(@Nullable String s) {
        if (s == null) {
            return "";
        }
        String t = Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("[\\s\\u3000]+", "").replace('台', '臺');
        t = replaceNumerals(CHINESE_NUMBER, t);
        t = replaceSubNumerals(t);
        t = DASH.matcher(t).replaceAll("之");
        return t.replace("号", "號").replace("巿", "市");
    }

    /** Takes a written address apart; empty when it has no road and number to look up. */
    static Optional<DoorPlate> parse(@Nullable String address) {
        return parse(address, true);
    }

    /** The readings of an address to try in turn: with a village, then (if it read one) without. */
    static java.util.List<DoorPlate> readings(@Nullable String address) {
        java.util.List<DoorPlate> out = new java.util.ArrayList<>();
        parse(address, true).ifPresent(out::add);
        if (!out.isEmpty() && out.get(0).village() != null) {
            parse(address, false).filter(d -> !d.equals(out.get(0))).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<DoorPlate> parse(@Nullable String address, boolean village) {
        String t = normalise(address);
        if (t.isEmpty() || t.length() > 300) {
            return Optional.empty();
        }
        Matcher m = (village ? ADDRESS : ADDRESS_WITHOUT_VILLAGE).matcher(t);
        if (!m.find()) {
            return Optional.empty();
        }
        String number = m.group("number");
        if (m.group("sub") != null && !number.contains("之")) {
            number = number + "之" + m.group("sub");
        }
        return Optional.of(new DoorPlate(m.group("city"), m.group("district"), m.group("village"), m.group("road"),
                m.group("section") == null ? 0 : Integer.parseInt(m.group("section")), part(m.group("lane")),
                part(m.group("alley")), part(number)));
    }

    /** A road column as the national data writes it ("臺灣大道三段"): the road and its section apart. */
    static RoadSection road(@Nullable String road, @Nullable String section) {
        String t = normalise(road);
        Matcher m = ROAD_SECTION.matcher(t);
        String name = t;
        int sec = 0;
        if (m.matches() && m.group("section") != null) {
            name = m.group("road");
            sec = Integer.parseInt(m.group("section"));
        }
        // the unit behind it lets a Chinese numeral be read as one (三 → 3)
        String s = section == null || section.isBlank() ? "" : normalise(section.strip().replace("段", "") + "段").replace("段", "");
        if (!s.isEmpty()) {
            sec = Integer.parseInt(s);
        }
        return new RoadSection(name, sec);
    }

    record RoadSection(String road, int section) {
    }

    /** A lane, alley or number cell ("１２", "12巷", "12-3", "十二之三") as it is stored; null when it is not a number. */
    static @Nullable String numberPart(@Nullable String cell, char unit) {
        if (cell == null || cell.isBlank()) {
            return "";
        }
        String raw = cell.strip();
        while (!raw.isEmpty() && (raw.charAt(raw.length() - 1) == unit || (unit == '弄' && raw.endsWith("衖")))) {
            raw = raw.substring(0, raw.length() - 1);
        }
        // the unit behind it lets a Chinese numeral be read as one (十二巷)
        String t = normalise(raw + unit);
        t = t.substring(0, t.length() - 1).replace("號之", "之");
        t = part(t);
        return NUMBER.matcher(t).matches() ? t : null;
    }

    /** How the address reads once normalised, for notes and the try-out page. */
    String written() {
        StringBuilder b = new StringBuilder();
        if (district != null) {
            b.append(district);
        }
        b.append(road);
        if (section > 0) {
            b.append(section).append('段');
        }
        if (!lane.isEmpty()) {
            b.append(lane).append('巷');
        }
        if (!alley.isEmpty()) {
            b.append(alley).append('弄');
        }
        return b.append(number).append('號').toString();
    }

    private static String part(@Nullable String s) {
        return s == null ? "" : s.replaceFirst("^0+(?=\\d)", "").replaceFirst("之0+(?=\\d)", "之");
    }

    private static String replaceNumerals(Pattern p, String t) {
        Matcher m = p.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = chineseNumber(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group(1) : String.valueOf(n));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** 之 followed by a Chinese numeral (十二之三號, 5號之一) takes digits too. */
    private static String replaceSubNumerals(String t) {
        Matcher m = SUB_NUMBER_AFTER.matcher(t);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = chineseNumber(m.group(1));
            m.appendReplacement(out, n < 0 ? m.group() : "之" + n);
        }
        m.appendTail(out);
        return out.toString();
    }

    /** 三 → 3, 十二 → 12, 二十 → 20, 一百零五 → 105, 一二三 → 123 (digit by digit); -1 when it is no number. */
    static int chineseNumber(String s) {
        if (s.isEmpty() || s.length() > 6) {
            return -1;
        }
        boolean units = s.chars().anyMatch(c -> c == '十' || c == '百' || c == '千');
        if (!units) {
            int n = 0;
            for (char c : s.toCharArray()) {
                int d = digit(c);
                if (d < 0) {
                    return -1;
                }
                n = n * 10 + d;
            }
            return n;
        }
        int total = 0;
        int current = -1;
        for (char c : s.toCharArray()) {
            int d = digit(c);
            if (d >= 0) {
                current = d;
                continue;
            }
            int unit = c == '十' ? 10 : c == '百' ? 100 : c == '千' ? 1000 : -1;
            if (unit < 0) {
                return -1;
            }
            total += (current < 0 ? 1 : current) * unit;
            current = -1;
        }
        return total + Math.max(current, 0);
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '零' -> 0;
            case '一' -> 1;
            case '二', '兩' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> -1;
        };
    }
}
