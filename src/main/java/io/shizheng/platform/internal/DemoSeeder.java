package io.shizheng.platform.internal;

import java.util.Comparator;
import java.util.List;

import io.shizheng.platform.DemoData;
import io.shizheng.platform.DemoMode;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

/**
 * Demo mode only: seeds every module's {@link DemoData} once, each in a transaction of its own under an advisory
 * lock, after the jurisdiction's reference data (agencies, plans, accounts: orders 5 to 15) and before the roll-ups.
 */
@Component
@Order(DemoData.FIRST)
class DemoSeeder implements ApplicationRunner {

    private final DemoMode demo;
    private final ObjectProvider<DemoData> data;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    DemoSeeder(DemoMode demo, ObjectProvider<DemoData> data, JdbcClient jdbc, TransactionTemplate tx) {
        this.demo = demo;
        this.data = data;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled()) {
            return;
        }
        for (DemoData d : ordered(data.stream().toList())) {
            seed(d);
        }
    }

    static List<DemoData> ordered(List<DemoData> all) {
        return all.stream().sorted(Comparator.comparingInt(DemoData::order).thenComparing(DemoData::name)).toList();
    }

    private void seed(DemoData d) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param(d.name() + ".demo").query().singleRow();
            d.ensure();
            if (d.seeded(jdbc)) {
                return;
            }
            long started = System.nanoTime();
            String what = d.seed();
            // logged under the module's class, so the log says who seeded (TwoInstancesTest reads it)
            LoggerFactory.getLogger(ClassUtils.getUserClass(d)).info("Seeded {} in {} ms", what,
                    (System.nanoTime() - started) / 1_000_000);
        });
        d.afterwards();
    }
}
