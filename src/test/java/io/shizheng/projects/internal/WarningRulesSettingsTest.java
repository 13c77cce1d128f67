package io.shizheng.projects.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.shizheng.support.Settings;
import org.junit.jupiter.api.Test;

class WarningRulesSettingsTest {

    @Test
    void withoutSettingsTheRulesAreTheDefaults() {
        assertThat(Settings.bind(WarningRules.class)).isEqualTo(WarningRules.defaults());
    }

    @Test
    void aCitySetsItsOwnThresholds() {
        WarningRules rules = Settings.bind(WarningRules.class, "shizheng.projects.red-lag=15", "shizheng.projects.yellow-lag=7");
        assertThat(rules.redLag()).isEqualByComparingTo(new BigDecimal("15"));
        assertThat(rules.yellowLag()).isEqualByComparingTo(new BigDecimal("7"));
        assertThat(rules.yellowExecution()).isEqualByComparingTo(new BigDecimal("80"));
    }

    @Test
    void aBadThresholdStopsTheStartNamingTheProperty() {
        assertThat(Settings.failure(WarningRules.class, "shizheng.projects.yellow-execution=120"))
                .contains("yellowExecution").contains("120");
        assertThat(Settings.failure(WarningRules.class, "shizheng.projects.red-lag=3"))
                .contains("red-lag must be larger than yellow-lag");
        assertThat(Settings.failure(WarningRules.class, "shizheng.projects.red-milestone-months=zwei"))
                .contains("shizheng.projects.red-milestone-months");
    }
}
