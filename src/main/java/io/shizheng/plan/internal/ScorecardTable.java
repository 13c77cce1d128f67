package io.shizheng.plan.internal;

import java.util.ArrayList;
import java.util.List;

import io.shizheng.plan.Scorecard;
import io.shizheng.platform.Table;

/** The scorecard as a flat table for ODS / XLSX / CSV: one row per goal, then its indicators. */
final class ScorecardTable {

    private ScorecardTable() {
    }

    static Table of(Scorecard s) {
        List<List<Object>> rows = new ArrayList<>();
        for (Scorecard.GoalScore g : s.goals()) {
            rows.add(row("目標 " + g.code(), g.name(), null, null, g.weight(), null, null, null, g.score(), null, null, null));
            for (Scorecard.IndicatorScore i : g.indicators()) {
                rows.add(row(i.code(), i.name(), i.measure(), i.unit(), i.weight(), i.target(), i.actual(),
                        i.achievement(), null, i.status().name(), i.projection(), i.source()));
            }
        }
        rows.add(row("合計 Total", s.title(), null, null, s.weight(), null, null, null, s.score(), null, null, null));
        String period = s.month() == null ? "全年" : s.month() + "月";
        return new Table("民國" + s.rocYear() + "年 績效 " + period,
                List.of("代碼 Code", "名稱 Name", "衡量標準 Measure", "單位 Unit", "權重 Weight", "目標值 Target",
                        "實際值 Actual", "達成率% Achievement", "得分% Score", "燈號 Status", "年底推估 Projection",
                        "資料來源 Source"),
                rows);
    }

    private static List<Object> row(Object... cells) {
        List<Object> list = new ArrayList<>(cells.length);
        for (Object c : cells) {
            list.add(c);
        }
        return list;
    }
}
