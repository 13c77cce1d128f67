package io.shizheng.servicequality.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.org.AgencyKind;
import org.junit.jupiter.api.Test;

/** The telephone system's export as spreadsheets write it: quoted cells, commas inside quotes. */
class PhoneStatisticsTest {

    private static AgencyDirectory agencies() {
        AgencyDirectory agencies = mock(AgencyDirectory.class);
        when(agencies.findByCode(anyString())).thenAnswer(i -> Optional.of(new Agency(7, i.getArgument(0), "環保局", null,
                AgencyKind.FIRST_LEVEL, null, null, null, true, 1)));
        return agencies;
    }

    @Test
    void aQuotedCellWithACommaIsOneCell() {
        String csv = "\uFEFF備註,year,month,agency_code,incoming,answered,busy,unanswered\r\n"
                + "\"忙線多, 已請增派人力\",2024,7,EPB,1000,900,50,50\r\n"
                + "\"\",\"2024\",\"8\",\"EPB\",\"1000\",\"950\",\"30\",\"20\"\r\n";
        List<PhoneStatistics.Row> rows = PhoneStatistics.parse(csv, agencies());
        assertThat(rows).containsExactly(new PhoneStatistics.Row(2024, 7, 7, 1000, 900, 50, 50),
                new PhoneStatistics.Row(2024, 8, 7, 1000, 950, 30, 20));
    }
}
