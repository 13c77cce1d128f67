package io.shizheng.callcenter.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The demo year tells a plausible story: FY107's 2.3 just under its 85% target, 2.4 near 88%. */
class DemoCallsTest {

    private record Totals(long calls, long counted, long inTarget, long surveys, long satisfied, long abandoned,
                          Set<String> languages, boolean ordered, boolean allIn2018) {
    }

    private static Totals run(int calls, int agents) {
        DemoCalls demo = new DemoCalls(2018, calls, agents);
        long n = 0, counted = 0, in = 0, surveys = 0, sat = 0, abandoned = 0;
        long last = Long.MIN_VALUE;
        boolean ordered = true;
        boolean inYear = true;
        Set<String> languages = new HashSet<>();
        long slotStart = Long.MIN_VALUE;
        while (demo.hasNext()) {
            CallRecord r = demo.next();
            n++;
            languages.add(r.language());
            // Calls come in half-hour batches; within a batch order is free.
            long slot = r.offered() / 1800;
            ordered &= slot >= slotStart;
            slotStart = Math.max(slotStart, slot);
            inYear &= Instant.ofEpochSecond(r.offered()).atZone(ZoneId.of("Asia/Taipei")).getYear() == 2018;
            boolean shortAbandon = !r.isAnswered() && r.waitSeconds() < 5;
            if (!shortAbandon) {
                counted++;
                if (r.isAnswered() && r.waitSeconds() <= 20) {
                    in++;
                }
                if (!r.isAnswered()) {
                    abandoned++;
                }
            }
            if (r.survey() > 0) {
                surveys++;
                if (r.survey() >= 4) {
                    sat++;
                }
            }
        }
        return new Totals(n, counted, in, surveys, sat, abandoned, languages, ordered, inYear);
    }

    @Test
    void fullVolumeYearIsNearTheTargetAndJustBelowIt() {
        Totals t = run(765_000, 90);
        assertThat(t.calls()).isBetween(750_000L, 780_000L);
        double rate = 100.0 * t.inTarget() / t.counted();
        System.out.println("demo 2.3 = " + rate + ", 2.4 = " + 100.0 * t.satisfied() / t.surveys()
                + ", abandonment = " + 100.0 * t.abandoned() / t.counted());
        assertThat(rate).isBetween(83.0, 85.0);
        assertThat(100.0 * t.satisfied() / t.surveys()).isBetween(87.0, 89.0);
        assertThat(t.languages()).containsExactlyInAnyOrder("國語", "台語", "英語", "客語", "日語");
        assertThat(t.ordered()).isTrue();
        assertThat(t.allIn2018()).isTrue();
    }

    @Test
    void testScaleTellsTheSameStory() {
        Totals t = run(15_300, 6);
        double rate = 100.0 * t.inTarget() / t.counted();
        assertThat(rate).isBetween(82.5, 85.0);
        assertThat(100.0 * t.satisfied() / t.surveys()).isBetween(85.5, 90.5);
    }
}
