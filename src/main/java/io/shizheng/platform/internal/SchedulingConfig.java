package io.shizheng.platform.internal;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduled jobs run once across all instances: ShedLock on the shedlock table, by database time. A run holds its
 * lock for at least 5 minutes (shizheng.scheduling.lock-at-least-for), so that an instance whose clock is a little
 * behind finds the lock still taken when its own cron fires, instead of running the job a second time; work-queue
 * jobs that may run back to back (outbox, audit seal) set lockAtLeastFor = "PT0S".
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M",
        defaultLockAtLeastFor = "${shizheng.scheduling.lock-at-least-for:PT5M}")
class SchedulingConfig {

    /** Off only for one-shot commands (shizheng.scheduling.enabled=false, e.g. --verify-audit). */
    @Configuration(proxyBeanMethods = false)
    @EnableScheduling
    @ConditionalOnBooleanProperty(name = "shizheng.scheduling.enabled", matchIfMissing = true)
    static class Jobs {
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
