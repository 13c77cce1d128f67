package io.shizheng.projects.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.shizheng.projects.Light;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The early-warning rules (see docs/projects.md). A project is RED at a progress lag of {@code redLag} points
 * or more, or when a milestone is missed for more than {@code redMilestoneMonths} months; YELLOW at a lag of
 * {@code yellowLag} points or more, budget execution under {@code yellowExecution} %, any missed milestone, or a
 * steep planned curve ahead ({@code steepPoints} or more in the next three months) while already {@code steepMinLag}
 * points or more behind plan;
 * GREEN otherwise. The thresholds are settings under {@code shizheng.projects.*}; a bad one stops the start.
 */
@ConfigurationProperties("shizheng.projects")
@Validated
record WarningRules(
        @DefaultValue("5") @NotNull @DecimalMin("0") BigDecimal yellowLag,
        @DefaultValue("10") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal redLag,
        @DefaultValue("80") @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal yellowExecution,
        @DefaultValue("2") @Min(1) @Max(24) int redMilestoneMonths,
        @DefaultValue("20") @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal steepPoints,
        @DefaultValue("2") @NotNull @DecimalMin("0") BigDecimal steepMinLag) {

    static WarningRules defaults() {
        return new WarningRules(BigDecimal.valueOf(5), BigDecimal.TEN, BigDecimal.valueOf(80), 2, BigDecimal.valueOf(20),
                BigDecimal.valueOf(2));
    }

    /** A lag that turns a project RED must be larger than the one that turns it YELLOW. */
    @AssertTrue(message = "red-lag 須大於 yellow-lag / red-lag must be larger than yellow-lag")
    boolean isRedLagAboveYellowLag() {
        return redLag == null || yellowLag == null || redLag.compareTo(yellowLag) > 0;
    }

    record Milestone(String name, LocalDate planned, LocalDate reached) {
    }

    /** What the rules see at the end of a reported month. */
    record Facts(BigDecimal planned, BigDecimal actual, BigDecimal spending, BigDecimal allocation,
                 List<Milestone> milestones, LocalDate asOf, BigDecimal plannedInThreeMonths) {
    }

    record Assessment(Light light, BigDecimal lag, BigDecimal executionRate, List<String> reasons) {
    }

    Assessment assess(Facts f) {
        List<String> red = new ArrayList<>();
        List<String> yellow = new ArrayList<>();
        BigDecimal lag = f.planned().subtract(f.actual());
        BigDecimal execution = executionRate(f.spending(), f.allocation());
        if (lag.compareTo(redLag) >= 0) {
            red.add("進度落後 " + plain(lag) + " 個百分點（≥ " + plain(redLag) + "）/ behind plan by " + plain(lag) + " points");
        } else if (lag.compareTo(yellowLag) >= 0) {
            yellow.add("進度落後 " + plain(lag) + " 個百分點（≥ " + plain(yellowLag) + "）/ behind plan by " + plain(lag) + " points");
        }
        if (execution != null && execution.compareTo(yellowExecution) < 0) {
            yellow.add("經費執行率 " + plain(execution) + "%（< " + plain(yellowExecution) + "%）/ budget execution " + plain(execution) + "%");
        }
        LocalDate redBefore = f.asOf().minusMonths(redMilestoneMonths);
        for (Milestone m : f.milestones()) {
            boolean missed = m.planned().isBefore(f.asOf()) && (m.reached() == null || m.reached().isAfter(f.asOf()));
            if (!missed) {
                continue;
            }
            if (m.planned().isBefore(redBefore)) {
                red.add("里程碑「" + m.name() + "」逾期超過 " + redMilestoneMonths + " 個月（預定 " + m.planned() + "）/ milestone missed over "
                        + redMilestoneMonths + " months");
            } else {
                yellow.add("里程碑「" + m.name() + "」逾期（預定 " + m.planned() + "）/ milestone missed");
            }
        }
        if (f.plannedInThreeMonths() != null && lag.compareTo(steepMinLag) >= 0
                && f.plannedInThreeMonths().subtract(f.planned()).compareTo(steepPoints) >= 0) {
            yellow.add("未來三個月預定進度陡升 " + plain(f.plannedInThreeMonths().subtract(f.planned()))
                    + " 個百分點且已落後 / steep planned curve ahead while behind");
        }
        List<String> reasons = new ArrayList<>(red);
        reasons.addAll(yellow);
        Light light = !red.isEmpty() ? Light.RED : !yellow.isEmpty() ? Light.YELLOW : Light.GREEN;
        return new Assessment(light, lag, execution, reasons);
    }

    static BigDecimal executionRate(BigDecimal spending, BigDecimal allocation) {
        if (spending == null || allocation == null || allocation.signum() <= 0) {
            return null;
        }
        return spending.multiply(BigDecimal.valueOf(100)).divide(allocation, 1, RoundingMode.HALF_UP);
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
