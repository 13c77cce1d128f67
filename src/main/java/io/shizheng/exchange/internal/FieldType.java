package io.shizheng.exchange.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The types a data standard can declare, each with the rule that turns an incoming value into a stored one. */
enum FieldType {
    STRING, INTEGER, DECIMAL, DATE, BOOLEAN, CODE;

    static final int MAX_TEXT = 2000;
    private static final Pattern ROC_DATE = Pattern.compile("^(\\d{2,3})[/.-](\\d{1,2})[/.-](\\d{1,2})$");

    /** The value as it is stored and served (String, Long, BigDecimal, Boolean), or an error message. */
    Object normalise(String raw, List<String> codeList) {
        String v = raw.trim();
        return switch (this) {
            case STRING -> {
                if (raw.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("文字超過 " + MAX_TEXT + " 字 / text longer than " + MAX_TEXT);
                }
                yield raw;
            }
            case INTEGER -> {
                try {
                    yield Long.valueOf(v.replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("須為整數 / must be a whole number: " + v);
                }
            }
            case DECIMAL -> {
                try {
                    yield new BigDecimal(v.replace(",", ""));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("須為數值 / must be a number: " + v);
                }
            }
            case DATE -> date(v).toString();
            case BOOLEAN -> switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "t", "y", "yes", "1", "是" -> Boolean.TRUE;
                case "false", "f", "n", "no", "0", "否" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("須為是/否 / must be true or false: " + v);
            };
            case CODE -> {
                if (codeList == null || !codeList.contains(v)) {
                    throw new IllegalArgumentException("不在代碼表內 / not in the code list: " + v);
                }
                yield v;
            }
        };
    }

    /** ISO dates (2018-03-05) and ROC dates (107/03/05, 107-3-5) alike. */
    static LocalDate date(String v) {
        Matcher roc = ROC_DATE.matcher(v);
        try {
            if (roc.matches() && roc.group(1).length() <= 3 && !v.startsWith("19") && !v.startsWith("20")) {
                return LocalDate.of(Integer.parseInt(roc.group(1)) + 1911, Integer.parseInt(roc.group(2)),
                        Integer.parseInt(roc.group(3)));
            }
            return LocalDate.parse(v);
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("日期須為 YYYY-MM-DD 或民國 YYY/MM/DD / date must be ISO or ROC: " + v);
        }
    }
}
