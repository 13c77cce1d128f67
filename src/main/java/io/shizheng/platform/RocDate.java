package io.shizheng.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Republic of China (民國) years beside ISO dates, in Asia/Taipei. Registered as the bean {@code roc}
 * so that templates write {@code ${@roc.date(d)}}.
 */
public final class RocDate {

    public static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final int OFFSET = 1911;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    public static int rocYear(int isoYear) { return isoYear - OFFSET; }

    public static int isoYear(int rocYear) { return rocYear + OFFSET; }

    /** "民國107年" */
    public String year(int isoYear) { return "民國" + rocYear(isoYear) + "年"; }

    /** "107年 (2018)" */
    public String yearBoth(int isoYear) { return rocYear(isoYear) + "年 (" + isoYear + ")"; }

    /** "107/03/05 (2018-03-05)" */
    public String date(LocalDate d) {
        if (d == null) {
            return "";
        }
        return "%d/%02d/%02d (%s)".formatted(rocYear(d.getYear()), d.getMonthValue(), d.getDayOfMonth(), d);
    }

    /** "107/03/05 14:30 (2018-03-05)" in Taipei time */
    public String dateTime(Instant t) {
        if (t == null) {
            return "";
        }
        LocalDateTime local = LocalDateTime.ofInstant(t, TAIPEI);
        return "%d/%02d/%02d %s (%s)".formatted(rocYear(local.getYear()), local.getMonthValue(),
                local.getDayOfMonth(), TIME.format(local), local.toLocalDate());
    }

    /** "107年3月 (2018-03)" */
    public String month(int isoYear, int month) {
        return "%d年%d月 (%d-%02d)".formatted(rocYear(isoYear), month, isoYear, month);
    }
}
