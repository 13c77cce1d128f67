package io.shizheng.plan.internal;

import java.math.BigDecimal;
import java.util.List;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Direction;

/**
 * A whole annual plan as one document: what the editor shows, what a plan edit replaces, and what
 * the audit log stores before and after. Validated as a whole, so weights always add up.
 */
record PlanDocument(int year, String title, String vision, List<String> aims, List<Goal> goals,
                    List<Program> programs) {

    record Goal(String code, String name, String nameEn, BigDecimal weight, List<Indicator> indicators) {
    }

    record Indicator(String code, String name, String nameEn, String measure, String unit, Direction direction,
                     Aggregation aggregation, BigDecimal weight, BigDecimal target, Long ownerAgencyId,
                     String source) {

        boolean manual() { return "MANUAL".equals(source); }

        /** The metric name when bound to one, else null. */
        String metricName() { return source != null && source.startsWith("METRIC:") ? source.substring(7) : null; }
    }

    record Program(int seq, String name, BigDecimal budgetThousand, String note, List<String> items) {

        /** The content items one per line, as the editor shows them. */
        public String itemsText() { return String.join("\n", items); }
    }

    public String aimsText() { return String.join("\n", aims); }

    int rocYear() { return year - 1911; }

    BigDecimal totalWeight() {
        return goals.stream().map(Goal::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal totalBudget() {
        return programs.stream().map(Program::budgetThousand).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    java.util.Optional<Indicator> indicator(String code) {
        return goals.stream().flatMap(g -> g.indicators().stream()).filter(i -> i.code().equals(code)).findFirst();
    }

    List<Indicator> indicators() {
        return goals.stream().flatMap(g -> g.indicators().stream()).toList();
    }
}
