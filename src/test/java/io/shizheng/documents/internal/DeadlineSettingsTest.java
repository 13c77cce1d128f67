package io.shizheng.documents.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.shizheng.support.Settings;
import org.junit.jupiter.api.Test;

class DeadlineSettingsTest {

    @Test
    void theDefaultsAreTheHandbooksPeriods() {
        DeadlineSettings s = Settings.bind(DeadlineSettings.class);
        assertThat(s.days()).isEqualTo(new DeadlineSettings.Days(1, 3, 6));
        assertThat(s.extensions()).isEqualTo(new DeadlineSettings.Extensions(3, 30));
    }

    @Test
    void aBadPeriodStopsTheStartNamingTheProperty() {
        assertThat(Settings.failure(DeadlineSettings.class, "shizheng.documents.days.urgent=0"))
                .contains("days.urgent");
        assertThat(Settings.failure(DeadlineSettings.class, "shizheng.documents.days.most-urgent=8"))
                .contains("the periods must not shrink as urgency falls");
        assertThat(Settings.failure(DeadlineSettings.class, "shizheng.documents.extensions.max-days=-1"))
                .contains("extensions.maxDays");
    }
}
