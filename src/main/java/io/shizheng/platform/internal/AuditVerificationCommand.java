package io.shizheng.platform.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar shizheng.jar --verify-audit}: an auditor's check of the audit log's hash chain. It prints the
 * report and exits with 0 when the chain is intact, 2 at the first broken link. The application then starts
 * without web server, scheduled jobs, migrations or demo data (profile verify-audit), and runs before any seeder.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AuditVerificationCommand implements ApplicationRunner {

    static final String OPTION = "verify-audit";

    private final AuditChain chain;
    private final ConfigurableApplicationContext context;

    AuditVerificationCommand(AuditChain chain, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        AuditChain.Verification verification = chain.verify();
        System.out.println(verification.report());
        int status = verification.intact() ? 0 : 2;
        System.exit(SpringApplication.exit(context, () -> status));
    }
}
