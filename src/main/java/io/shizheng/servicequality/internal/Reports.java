package io.shizheng.servicequality.internal;

import java.util.ArrayList;
import java.util.List;

import io.shizheng.platform.Table;

/** Tables for export. */
final class Reports {

    private Reports() {
    }

    static Table passRates(PassRates.PassRateTable t) {
        List<String> headings = new ArrayList<>(List.of("機關 Agency"));
        for (int m = 1; m <= 12; m++) {
            headings.add(m + "月 %");
        }
        headings.addAll(List.of("受測 Tests", "合格 Passed", "全年 % Year"));
        List<List<Object>> rows = new ArrayList<>();
        for (PassRates.AgencyMonths a : t.agencies()) {
            List<Object> row = new ArrayList<>();
            row.add(a.agencyName());
            for (int m = 1; m <= 12; m++) {
                PassRate r = a.months().get(m);
                row.add(r == null ? null : r.percent());
            }
            row.add(a.year().tests());
            row.add(a.year().passed());
            row.add(a.year().percent());
            rows.add(row);
        }
        List<Object> city = new ArrayList<>();
        city.add("全市 City-wide");
        for (int m = 1; m <= 12; m++) {
            PassRate r = t.cityMonths().get(m);
            city.add(r == null ? null : r.percent());
        }
        city.add(t.cityYear().tests());
        city.add(t.cityYear().passed());
        city.add(t.cityYear().percent());
        rows.add(city);
        return new Table("電話禮貌測試合格率 " + (t.year() - 1911) + " 年 / Phone-test pass rates " + t.year(), headings, rows);
    }

    static Table ranking(int year, int month, java.math.BigDecimal line, List<PhoneStatistics.Ranked> ranked) {
        List<List<Object>> rows = new ArrayList<>();
        for (PhoneStatistics.Ranked r : ranked) {
            rows.add(java.util.Arrays.asList(r.rank(), r.agencyCode(), r.agencyName(), r.incoming(), r.answered(), r.busy(),
                    r.unanswered(), r.answerRate(), r.busyRate(), r.unansweredRate(), r.below() ? "低於標準 below" : ""));
        }
        return new Table("電話接聽率排名 " + (year - 1911) + " 年 " + month + " 月（標準 " + line + "%）/ Answer-rate ranking "
                + year + "-" + month, List.of("名次 Rank", "代碼 Code", "機關 Agency", "來話 Incoming", "接聽 Answered",
                "忙線 Busy", "未接 Unanswered", "接聽率 % Answer rate", "忙線率 % Busy rate", "未接率 % Unanswered rate",
                "標準 Line"), rows);
    }
}
