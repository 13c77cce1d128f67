package io.shizheng.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers as people in Taiwan read them: thousands separated, at most two decimals. Bean {@code num}. */
public final class Numbers {

    public String format(Number n) {
        if (n == null) {
            return "—";
        }
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue()));
    }

    /** "85%" for percent units, "34,200,000 次" otherwise. */
    public String withUnit(Number n, String unit) {
        if (n == null) {
            return "—";
        }
        return "%".equals(unit) ? format(n) + "%" : format(n) + " " + unit;
    }
}
