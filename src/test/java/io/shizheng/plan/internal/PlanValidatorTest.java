package io.shizheng.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import io.shizheng.plan.Aggregation;
import io.shizheng.plan.Direction;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import org.junit.jupiter.api.Test;

class PlanValidatorTest {

    private static PlanDocument.Indicator indicator(String code, String weight, String target, String source) {
        return new PlanDocument.Indicator(code, "名稱" + code, null, "衡量", "%", Direction.HIGHER, Aggregation.RATIO,
                new BigDecimal(weight), new BigDecimal(target), null, source);
    }

    private static PlanDocument plan(String goalWeight, PlanDocument.Indicator... indicators) {
        return new PlanDocument(2018, "計畫", null, List.of(),
                List.of(new PlanDocument.Goal("1", "目標", null, new BigDecimal(goalWeight), List.of(indicators))),
                List.of(new PlanDocument.Program(1, "計畫一", new BigDecimal("174"), null, List.of())));
    }

    private static List<String> fields(PlanDocument p) {
        return PlanValidator.validate(p, name -> name.equals("system-usage"), id -> true).stream()
                .map(FieldProblem::field).toList();
    }

    @Test
    void consistentPlanPasses() {
        assertThat(fields(plan("8", indicator("1.1", "5", "80", "MANUAL"), indicator("1.2", "3", "100", "METRIC:system-usage"))))
                .isEmpty();
    }

    @Test
    void goalWeightMustEqualItsIndicators() {
        assertThat(fields(plan("18", indicator("1.1", "5", "80", "MANUAL")))).containsExactly("goals[0].weight");
    }

    @Test
    void negativeTargetsAndDuplicateCodesAreNamed() {
        assertThat(fields(plan("10", indicator("1.1", "5", "-1", "MANUAL"), indicator("1.1", "5", "80", "MANUAL"))))
                .containsExactlyInAnyOrder("goals[0].indicators[0].target", "goals[0].indicators[1].code");
    }

    @Test
    void unknownMetricIsRefused() {
        assertThat(fields(plan("5", indicator("1.1", "5", "80", "METRIC:nonexistent"))))
                .containsExactly("goals[0].indicators[0].source");
    }
}
