package io.shizheng.callcenter.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.org.AgencyScope;
import io.shizheng.callcenter.ServiceLevel;
import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.plan.Evidence;
import io.shizheng.plan.MetricQuery;
import io.shizheng.plan.MetricSource;
import io.shizheng.plan.MetricValue;
import org.springframework.stereotype.Component;

/**
 * Indicators 2.3 and 2.4 from the call records. The 1999 centre belongs to RDEC, so a query scoped to an agency
 * that is not RDEC or above it has nothing to measure. Evidence is by day (up to two months) or by month, with
 * no personal data, since the scorecard's evidence is public.
 */
final class CallMetrics {

    private CallMetrics() {
    }

    static boolean inScope(MetricQuery q, AgencyDirectory agencies) {
        AgencyScope scope = agencies.subtreeScope(q.agencyId());
        return scope.cityWide() || agencies.findByCode("RDEC").map(Agency::id).map(scope::covers).orElse(false);
    }

    static String url(String name, MetricQuery q) {
        return "/plan/metrics/" + name + "?from=" + q.from() + "&to=" + q.to()
                + (q.agencyId() == null ? "" : "&agency=" + q.agencyId());
    }

    static CallStatistics.Grouping evidenceGrouping(MetricQuery q) {
        return ChronoUnit.DAYS.between(q.from(), q.to()) <= 62 ? CallStatistics.Grouping.DAY : CallStatistics.Grouping.MONTH;
    }

    static String dashboardLink(String key, CallStatistics.Grouping g) {
        if (g == CallStatistics.Grouping.DAY) {
            return "/callcenter?from=" + key + "&to=" + key;
        }
        LocalDate first = LocalDate.parse(key + "-01");
        return "/callcenter?from=" + first + "&to=" + first.plusMonths(1).minusDays(1);
    }

    /** 2.3: calls answered within the threshold over calls offered, short abandonments excluded. */
    @Component
    static class AnswerRate implements MetricSource {

        static final String NAME = "call-answer-20s";

        private final CallStatistics stats;
        private final CallCenterRules rules;
        private final AgencyDirectory agencies;

        AnswerRate(CallStatistics stats, CallCenterRules rules, AgencyDirectory agencies) {
            this.stats = stats;
            this.rules = rules;
            this.agencies = agencies;
        }

        @Override public String name() { return NAME; }

        @Override
        public String description() {
            return "1999 專線進線中於 " + rules.answerSeconds() + " 秒內接聽的比率（進線未滿 " + rules.shortAbandonSeconds()
                    + " 秒即掛斷者不計），依話務系統通話明細計算";
        }

        @Override public String unit() { return "%"; }

        @Override public List<String> measuresIndicators() { return List.of("2.3"); }

        @Override
        public MetricValue compute(MetricQuery q) {
            if (!inScope(q, agencies)) {
                return null;
            }
            long[] r = stats.answerRate(q.from(), q.to());
            return MetricValue.ratioPercent(r[0], r[1], url(NAME, q));
        }

        @Override
        public Evidence evidence(MetricQuery q) {
            List<Evidence.Row> rows = new ArrayList<>();
            if (inScope(q, agencies)) {
                CallStatistics.Grouping g = evidenceGrouping(q);
                for (ServiceLevel s : stats.by(g, q.from(), q.to(), null, null)) {
                    rows.add(new Evidence.Row(List.of(s.key(), s.offered(), s.shortAbandoned(), s.counted(),
                            s.answeredInTarget(), s.serviceLevelPercent() == null ? "—" : s.serviceLevelPercent() + "%"),
                            dashboardLink(s.key(), g)));
                }
            }
            return new Evidence("1999 專線 " + rules.answerSeconds() + " 秒內接聽 / 1999 calls answered within "
                    + rules.answerSeconds() + " s", List.of("期間 Period", "進線 Offered",
                    "未滿 " + rules.shortAbandonSeconds() + " 秒掛斷 Abandoned < " + rules.shortAbandonSeconds() + " s",
                    "計入 Counted", rules.answerSeconds() + " 秒內接聽 Answered ≤ " + rules.answerSeconds() + " s",
                    "接聽率 Rate"), rows, rows.size());
        }
    }

    /** 2.4: survey answers at or above the satisfied score over all survey answers. */
    @Component
    static class Satisfaction implements MetricSource {

        static final String NAME = "call-satisfaction";

        private final CallStatistics stats;
        private final CallCenterRules rules;
        private final AgencyDirectory agencies;

        Satisfaction(CallStatistics stats, CallCenterRules rules, AgencyDirectory agencies) {
            this.stats = stats;
            this.rules = rules;
            this.agencies = agencies;
        }

        @Override public String name() { return NAME; }

        @Override
        public String description() {
            return "1999 通話後滿意度調查中，回答 " + rules.satisfiedMinScore() + " 分以上（滿分 5 分）者占全部回答的比率";
        }

        @Override public String unit() { return "%"; }

        @Override public List<String> measuresIndicators() { return List.of("2.4"); }

        @Override
        public MetricValue compute(MetricQuery q) {
            if (!inScope(q, agencies)) {
                return null;
            }
            long[] r = stats.satisfaction(q.from(), q.to());
            return MetricValue.ratioPercent(r[0], r[1], url(NAME, q));
        }

        @Override
        public Evidence evidence(MetricQuery q) {
            List<Evidence.Row> rows = new ArrayList<>();
            if (inScope(q, agencies)) {
                CallStatistics.Grouping g = evidenceGrouping(q);
                for (ServiceLevel s : stats.by(g, q.from(), q.to(), null, null)) {
                    rows.add(new Evidence.Row(List.of(s.key(), s.answered(), s.surveyAnswers(), s.surveySatisfied(),
                            s.satisfactionPercent() == null ? "—" : s.satisfactionPercent() + "%"), dashboardLink(s.key(), g)));
                }
            }
            return new Evidence("1999 通話後滿意度調查 / 1999 post-call survey", List.of("期間 Period", "接聽 Answered",
                    "調查回答 Survey answers", rules.satisfiedMinScore() + " 分以上 Score ≥ " + rules.satisfiedMinScore(),
                    "滿意度 Satisfaction"), rows, rows.size());
        }
    }
}
