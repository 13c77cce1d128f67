package io.shizheng.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.shizheng.platform.DemoData;
import org.junit.jupiter.api.Test;

/** The seeding order: what others build on first, then by name, whatever order the beans come in. */
class DemoSeederTest {

    private static DemoData data(String name, int order) {
        return new DemoData() {
            @Override public String name() { return name; }

            @Override public int order() { return order; }

            @Override public String seededTable() { return name + "_demo"; }

            @Override public String seed() { return name; }
        };
    }

    @Test
    void firstThenByName() {
        List<DemoData> all = List.of(data("servicequality", DemoData.OPERATIONAL), data("callcenter", DemoData.OPERATIONAL),
                data("plan", DemoData.FIRST), data("cases", DemoData.OPERATIONAL));
        assertThat(DemoSeeder.ordered(all).stream().map(DemoData::name)).containsExactly("plan", "callcenter", "cases",
                "servicequality");
    }

    @Test
    void demoTablesAreReadByHeaderName() {
        String[] streets = DemoData.column("projects-streets.csv", "street");
        assertThat(streets).hasSize(20).startsWith("中山", "中正");
        assertThat(DemoData.table("servicequality-award-candidates.csv").get(2).get("result")).isEmpty();
    }
}
