package io.shizheng.callcenter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shizheng.support.Settings;
import org.junit.jupiter.api.Test;

class CallCenterRulesTest {

    @Test
    void theDefaultsAreTheCitysDefinitions() {
        CallCenterRules rules = Settings.bind(CallCenterRules.class);
        assertThat(rules.answerSeconds()).isEqualTo(20);
        assertThat(rules.shortAbandonSeconds()).isEqualTo(5);
        assertThat(rules.satisfiedMinScore()).isEqualTo(4);
        assertThat(rules.targetPercent()).isEqualTo(85.0);
        assertThat(rules.maxErrorsListed()).isEqualTo(200);
    }

    @Test
    void settingsUnderTheirOwnNamesIncludingTheImportOnes() {
        CallCenterRules rules = Settings.bind(CallCenterRules.class, "shizheng.callcenter.answer-seconds=30",
                "shizheng.callcenter.import.max-errors-listed=50");
        assertThat(rules.answerSeconds()).isEqualTo(30);
        assertThat(rules.maxErrorsListed()).isEqualTo(50);
    }

    @Test
    void aValueOutOfRangeStopsTheStartNamingIt() {
        assertThat(Settings.failure(CallCenterRules.class, "shizheng.callcenter.satisfied-min-score=6"))
                .contains("satisfiedMinScore").contains("6");
        assertThat(Settings.failure(CallCenterRules.class, "shizheng.callcenter.target-percent=100"))
                .contains("targetPercent");
        assertThat(Settings.failure(CallCenterRules.class, "shizheng.callcenter.import.max-errors-listed=0"))
                .contains("maxErrorsListed");
    }
}
