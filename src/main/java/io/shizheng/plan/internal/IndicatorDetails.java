package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The drill-down behind one indicator: its series by month or quarter, and the evidence behind a value. */
@Service
class IndicatorDetails {

    private final PlanService plans;
    private final ManualValueStore values;
    private final MetricRegistry metrics;
    private final ScorecardService scorecards;

    IndicatorDetails(PlanService plans, ManualValueStore values, MetricRegistry metrics, ScorecardService scorecards) {
        this.plans = plans;
        this.values = values;
        this.metrics = metrics;
        this.scorecards = scorecards;
    }

    enum Granularity { MONTH, QUARTER }

    record Point(String period, LocalDate from, LocalDate to, BigDecimal value, BigDecimal numerator,
                 BigDecimal denominator, String evidenceUrl) {
    }

    record Series(int year, String code, String name, String unit, Aggregation aggregation, BigDecimal target,
                  String source, Long agencyId, Granularity granularity, List<Point> points, BigDecimal yearToDate) {
    }

    PlanDocument.Indicator indicator(int year, String code) {
        return plans.get(year).indicator(code).orElseThrow(() -> new NotFoundException(
                "沒有指標 " + code + " / no indicator " + code + " in " + year));
    }

    @Transactional(readOnly = true)
    Series series(int year, String code, Granularity granularity, Long agencyId) {
        PlanDocument.Indicator indicator = indicator(year, code);
        int through = scorecards.monthsCovered(year, null);
        List<Point> points = new ArrayList<>();
        int step = granularity == Granularity.QUARTER ? 3 : 1;
        MetricSource metric = indicator.metricName() == null ? null : metrics.find(indicator.metricName()).orElse(null);
        if (indicator.metricName() == null && agencyId != null) {
            throw new InvalidInputException("agency", "人工填報指標沒有機關別數值 / manual indicators have no per-agency values");
        }
        Map<Integer, BigDecimal> manual = indicator.manual()
                ? values.approved(year).getOrDefault(code, Map.of()) : Map.of();
        for (int start = 1; start <= through; start += step) {
            int end = Math.min(start + step - 1, through);
            LocalDate from = indicator.aggregation() == Aggregation.LEVEL ? LocalDate.of(year, 1, 1) : LocalDate.of(year, start, 1);
            LocalDate to = ScorecardService.endOf(year, end);
            String label = granularity == Granularity.QUARTER ? "Q" + ((start - 1) / 3 + 1) : "%d-%02d".formatted(year, start);
            if (metric != null) {
                MetricValue v = metric.compute(new MetricQuery(from, to, agencyId));
                points.add(new Point(label, from, to, v == null ? null : v.value(), v == null ? null : v.numerator(),
                        v == null ? null : v.denominator(), v == null ? null : v.evidenceUrl()));
            } else {
                List<BigDecimal> months = new ArrayList<>();
                for (int m = start; m <= end; m++) {
                    months.add(manual.get(m));
                }
                points.add(new Point(label, LocalDate.of(year, start, 1), to,
                        ScorecardService.manualActual(indicator.aggregation(), months), null, null, null));
            }
        }
        BigDecimal ytd = null;
        if (through > 0) {
            if (metric != null) {
                MetricValue v = metric.compute(new MetricQuery(LocalDate.of(year, 1, 1), ScorecardService.endOf(year, through), agencyId));
                ytd = v == null ? null : v.value();
            } else if (indicator.manual()) {
                List<BigDecimal> months = new ArrayList<>();
                for (int m = 1; m <= through; m++) {
                    months.add(manual.get(m));
                }
                ytd = ScorecardService.manualActual(indicator.aggregation(), months);
            }
        }
        return new Series(year, code, indicator.name(), indicator.unit(), indicator.aggregation(), indicator.target(),
                indicator.source(), agencyId, granularity, points, ytd);
    }

    /** The rows behind the value for the year to the month (or the whole covered year). */
    @Transactional(readOnly = true)
    Evidence evidence(int year, String code, Integer month, Long agencyId) {
        PlanDocument.Indicator indicator = indicator(year, code);
        int through = scorecards.monthsCovered(year, month);
        if (through == 0) {
            return new Evidence("尚無資料 / no data yet", List.of(), List.of(), 0);
        }
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = ScorecardService.endOf(year, through);
        if (indicator.metricName() != null) {
            MetricSource metric = metrics.find(indicator.metricName()).orElseThrow(() -> new NotFoundException(
                    "系統指標 " + indicator.metricName() + " 尚未安裝 / metric not installed"));
            return metric.evidence(new MetricQuery(from, to, agencyId));
        }
        List<Evidence.Row> rows = new ArrayList<>();
        for (ManualValueStore.ManualValue v : values.forIndicator(year, code)) {
            if (v.status() == ManualValueStore.ValueStatus.APPROVED && v.month().getMonthValue() <= through) {
                rows.add(new Evidence.Row(List.of("%d-%02d".formatted(year, v.month().getMonthValue()),
                        ScorecardMath.round(v.value()), v.evidenceNote() == null ? "" : v.evidenceNote(),
                        v.attachmentName() == null ? "" : v.attachmentName(), v.demo() ? "示範 demo" : ""),
                        v.attachmentName() == null ? null : "/plan/values/" + v.id() + "/attachment"));
            }
        }
        return new Evidence("核定之填報值 / Approved manual values",
                List.of("月份 Month", "數值 Value", "佐證說明 Evidence", "附件 Attachment", "註記 Note"), rows, rows.size());
    }
}
