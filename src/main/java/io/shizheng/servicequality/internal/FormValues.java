package io.shizheng.servicequality.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import io.shizheng.platform.InvalidInputException;

/** Form fields read as numbers, dates and codes, with the message a person can act on when they are not. */
final class FormValues {

    private FormValues() {
    }

    static Integer integer(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "須為整數：" + s + " / must be a whole number");
        }
    }

    static BigDecimal decimal(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "須為數字：" + s + " / must be a number");
        }
    }

    static LocalDate date(String field, String s) {
        try {
            return s == null || s.isBlank() ? null : LocalDate.parse(s.trim());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException(field, "日期格式須為 yyyy-MM-dd / date must be yyyy-MM-dd");
        }
    }

    static String trim(String s) {
        return s == null ? null : s.trim().toUpperCase();
    }
}
