package io.shizheng.plan.internal;

import java.util.List;
import java.util.Map;

import io.shizheng.plan.MetricSource;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * When a module that measures an indicator is installed, its metric takes over that indicator in every
 * plan where the indicator is still entered by hand, once; what RDEC staff choose afterwards is kept.
 */
@Component
@Order(15)
class MetricBinder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MetricBinder.class);

    private final MetricRegistry metrics;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditLog audit;

    MetricBinder(MetricRegistry metrics, JdbcClient jdbc, TransactionTemplate tx, AuditLog audit) {
        this.metrics = metrics;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    @Override
    public void run(ApplicationArguments args) {
        tx.executeWithoutResult(s -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext('plan.metric-binding'))").query().singleRow();
            for (MetricSource metric : metrics.all()) {
                for (String code : metric.measuresIndicators()) {
                    bind(metric.name(), code);
                }
            }
        });
    }

    private void bind(String metric, String code) {
        int fresh = jdbc.sql("""
                insert into plan_metric_binding(metric_name, indicator_code) values (?, ?) on conflict do nothing""")
                .params(metric, code).update();
        if (fresh == 0) {
            return;
        }
        List<Integer> years = jdbc.sql("""
                update plan_indicator i set source = ? from plan_plan p
                where p.id = i.plan_id and i.code = ? and i.source = 'MANUAL' returning p.year""")
                .params("METRIC:" + metric, code).query(Integer.class).list();
        for (Integer year : years) {
            audit.record("plan.indicator-source", year + "/" + code, AuditAction.UPDATE, Map.of("source", "MANUAL"),
                    Map.of("source", "METRIC:" + metric));
        }
        log.info("Indicator {} now computed by METRIC:{} in plan years {}", code, metric, years);
    }
}
