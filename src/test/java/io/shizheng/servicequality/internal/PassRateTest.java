package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.shizheng.platform.InvalidInputException;
import org.junit.jupiter.api.Test;

/** The arithmetic of pass rates and the rules of a rubric, without a database. */
class PassRateTest {

    private static final Rubrics.Rubric RUBRIC = new Rubrics.Rubric(1, 2018, 100, 80, List.of(
            new Rubrics.Item(1L, "SPEED", "接聽速度", null, 15), new Rubrics.Item(2L, "GREETING", "問候", null, 15),
            new Rubrics.Item(3L, "ATTITUDE", "態度", null, 25), new Rubrics.Item(4L, "CORRECTNESS", "正確", null, 25),
            new Rubrics.Item(5L, "TRANSFER", "轉接", null, 10), new Rubrics.Item(6L, "CLOSING", "結束", null, 10)));

    @Test
    void passRateIsPassedOverTestedInPercentRoundedToOneDecimal() {
        assertThat(new PassRate(8, 7).percent()).isEqualByComparingTo(new BigDecimal("87.5"));
        assertThat(new PassRate(3, 2).percent()).isEqualByComparingTo(new BigDecimal("66.7"));
        assertThat(new PassRate(0, 0).percent()).as("nothing tested is no rate, not 0%").isNull();
        assertThat(new PassRate(30, 26).plus(new PassRate(36, 31)).percent())
                .as("months add up by counts, not by averaging rates").isEqualByComparingTo(new BigDecimal("86.4"));
        assertThatThrownBy(() -> new PassRate(3, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRubricWhoseItemsDoNotAddUpToItsTotalIsRefused() {
        var items = List.of(new Rubrics.Item(null, "A", "甲", null, 40), new Rubrics.Item(null, "B", "乙", null, 50));
        var problems = Rubrics.problems(new Rubrics.Input(100, 80, items));
        assertThat(problems).extracting(InvalidInputException.FieldProblem::field).containsExactly("items");
        assertThat(problems.get(0).message()).contains("90").contains("100");
        assertThat(Rubrics.problems(new Rubrics.Input(90, 80, items))).isEmpty();
        assertThat(Rubrics.problems(new Rubrics.Input(90, 95, items))).extracting(InvalidInputException.FieldProblem::field)
                .containsExactly("passMark");
    }

    @Test
    void eachItemMustBeScoredWithinItsRange() {
        Map<String, Integer> good = Map.of("SPEED", 15, "GREETING", 12, "ATTITUDE", 20, "CORRECTNESS", 25, "TRANSFER", 8,
                "CLOSING", 0);
        assertThat(Rubrics.total(RUBRIC, good)).isEqualTo(80);
        var over = new java.util.HashMap<>(good);
        over.put("SPEED", 16);
        assertThatThrownBy(() -> Rubrics.total(RUBRIC, over)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(InvalidInputException.FieldProblem::field).containsExactly("points.SPEED"));
        var missing = new java.util.HashMap<>(good);
        missing.remove("CLOSING");
        missing.put("HUMOUR", 3);
        assertThatThrownBy(() -> Rubrics.total(RUBRIC, missing)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).problems())
                        .extracting(InvalidInputException.FieldProblem::field)
                        .containsExactlyInAnyOrder("points.CLOSING", "points.HUMOUR"));
    }

    @Test
    void demoScoresAddUpExactlyWithinEachItem() {
        var random = new java.util.Random(1);
        for (int target = 40; target <= 100; target++) {
            int[] points = DemoServiceQualityData.spread(RUBRIC, target, random);
            int sum = 0;
            for (int i = 0; i < points.length; i++) {
                assertThat(points[i]).isBetween(0, RUBRIC.items().get(i).maxPoints());
                sum += points[i];
            }
            assertThat(sum).isEqualTo(target);
        }
    }
}
