package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.Aggregation;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import io.shizheng.plan.Scorecard;
import io.shizheng.plan.Scorecard.GoalScore;
import io.shizheng.plan.Scorecard.IndicatorScore;
import io.shizheng.plan.Scorecard.MonthValue;
import io.shizheng.plan.Status;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Computes the scorecard live: metrics from their modules' data, manual indicators from approved values. */
@Service
public class ScorecardService {

    private final PlanStore plans;
    private final ManualValueStore values;
    private final MetricRegistry metrics;
    private final AgencyDirectory agencies;
    private final Clock clock;

    ScorecardService(PlanStore plans, ManualValueStore values, MetricRegistry metrics, AgencyDirectory agencies,
                     Clock clock) {
        this.plans = plans;
        this.values = values;
        this.metrics = metrics;
        this.agencies = agencies;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Scorecard compute(int year, Integer month) {
        PlanDocument plan = plans.load(year).orElseThrow(() -> new NotFoundException(
                "沒有 " + year + " 年度（民國 " + (year - 1911) + " 年）的施政計畫 / no plan for year " + year));
        int through = monthsCovered(year, month);
        Map<String, Map<Integer, BigDecimal>> manual = values.approved(year);
        Map<Long, String> agencyNames = agencies.names();

        List<GoalScore> goals = new ArrayList<>();
        BigDecimal totalPoints = BigDecimal.ZERO;
        BigDecimal totalWeight = BigDecimal.ZERO;
        BigDecimal weightWithData = BigDecimal.ZERO;
        for (PlanDocument.Goal goal : plan.goals()) {
            List<IndicatorScore> scores = new ArrayList<>();
            BigDecimal goalPoints = BigDecimal.ZERO;
            for (PlanDocument.Indicator indicator : goal.indicators()) {
                IndicatorScore s = score(year, through, indicator, manual.getOrDefault(indicator.code(), Map.of()),
                        agencyNames);
                scores.add(s);
                goalPoints = goalPoints.add(ScorecardMath.points(indicator.weight(), s.achievement()));
                if (s.status() != Status.NO_DATA) {
                    weightWithData = weightWithData.add(indicator.weight());
                }
            }
            goals.add(new GoalScore(goal.code(), goal.name(), goal.nameEn(), goal.weight(),
                    ScorecardMath.score(goalPoints, goal.weight()), ScorecardMath.round(goalPoints), scores));
            totalPoints = totalPoints.add(goalPoints);
            totalWeight = totalWeight.add(goal.weight());
        }
        return new Scorecard(year, year - 1911, month, through, plan.title(), ScorecardMath.score(totalPoints, totalWeight),
                ScorecardMath.round(totalPoints), totalWeight, ScorecardMath.score(weightWithData, totalWeight), goals,
                clock.instant());
    }

    /** Months of the year the scorecard covers: the month asked for, else all past months of the year. */
    int monthsCovered(int year, Integer month) {
        if (month != null) {
            if (month < 1 || month > 12) {
                throw new InvalidInputException("month", "月份須為 1 至 12 / month must be 1 to 12");
            }
            return month;
        }
        YearMonth now = YearMonth.now(clock);
        if (year < now.getYear()) {
            return 12;
        }
        return year == now.getYear() ? now.getMonthValue() : 0;
    }

    private IndicatorScore score(int year, int through, PlanDocument.Indicator indicator, Map<Integer, BigDecimal> manual,
                                 Map<Long, String> agencyNames) {
        List<BigDecimal> monthly = new ArrayList<>();
        BigDecimal actual;
        String evidenceUrl = "/plan/" + year + "/indicators/" + indicator.code();
        String metricName = indicator.metricName();
        if (metricName != null) {
            MetricSource metric = metrics.find(metricName).orElse(null);
            actual = null;
            if (metric != null && through > 0) {
                for (int m = 1; m <= through; m++) {
                    monthly.add(value(metric.compute(monthQuery(year, m, indicator.aggregation(), null))));
                }
                MetricValue ytd = metric.compute(new MetricQuery(LocalDate.of(year, 1, 1), endOf(year, through), null));
                actual = value(ytd);
            }
        } else {
            for (int m = 1; m <= through; m++) {
                monthly.add(manual.get(m));
            }
            actual = manualActual(indicator.aggregation(), monthly);
        }
        BigDecimal achievement = ScorecardMath.achievement(actual, indicator.target(), indicator.direction());
        BigDecimal projection = ScorecardMath.projection(indicator.aggregation(), actual, monthly, through);
        Status projected = ScorecardMath.status(ScorecardMath.achievement(projection, indicator.target(), indicator.direction()));
        List<MonthValue> trend = new ArrayList<>();
        for (int m = 0; m < monthly.size(); m++) {
            trend.add(new MonthValue(m + 1, ScorecardMath.round(monthly.get(m))));
        }
        return new IndicatorScore(indicator.code(), indicator.name(), indicator.nameEn(), indicator.measure(),
                indicator.unit(), indicator.direction(), indicator.aggregation(), indicator.weight(), indicator.target(),
                ScorecardMath.round(actual), achievement, ScorecardMath.status(achievement), projection, projected,
                indicator.source(), indicator.ownerAgencyId(),
                indicator.ownerAgencyId() == null ? null : agencyNames.get(indicator.ownerAgencyId()), trend, evidenceUrl);
    }

    /** SUM adds the months; RATIO and LEVEL are reported to date, so the latest month stands. */
    static BigDecimal manualActual(Aggregation aggregation, List<BigDecimal> monthly) {
        if (aggregation == Aggregation.SUM) {
            return monthly.stream().filter(v -> v != null).reduce(BigDecimal::add).orElse(null);
        }
        for (int i = monthly.size() - 1; i >= 0; i--) {
            if (monthly.get(i) != null) {
                return monthly.get(i);
            }
        }
        return null;
    }

    /** In-month for SUM and RATIO; from January to the month's end for a cumulative LEVEL. */
    static MetricQuery monthQuery(int year, int month, Aggregation aggregation, Long agencyId) {
        LocalDate start = aggregation == Aggregation.LEVEL ? LocalDate.of(year, 1, 1) : LocalDate.of(year, month, 1);
        return new MetricQuery(start, endOf(year, month), agencyId);
    }

    static LocalDate endOf(int year, int month) {
        return YearMonth.of(year, month).atEndOfMonth();
    }

    private static BigDecimal value(MetricValue v) {
        return v == null ? null : v.value();
    }

}
