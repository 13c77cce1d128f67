package io.shizheng.org.internal;

import java.util.EnumSet;
import java.util.Set;

import io.shizheng.org.Agency;
import io.shizheng.org.AgencyDirectory;
import io.shizheng.platform.DemoMode;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up: in demo mode, the demo accounts (one per role, listed in the README); in production,
 * a refusal to run while demo accounts exist, and the first administrator from
 * SHIZHENG_ADMIN_USERNAME / SHIZHENG_ADMIN_PASSWORD when there is none yet.
 */
@Component
@Order(10)
class AccountBootstrap implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo1234";
    private static final Logger log = LoggerFactory.getLogger(AccountBootstrap.class);

    private final Accounts accounts;
    private final AgencyDirectory agencies;
    private final DemoMode demo;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Jurisdiction jurisdiction;
    private final String adminUsername;
    private final String adminPassword;

    AccountBootstrap(Accounts accounts, AgencyDirectory agencies, DemoMode demo, JdbcClient jdbc, TransactionTemplate tx,
                     Jurisdiction jurisdiction,
                     @Value("${SHIZHENG_ADMIN_USERNAME:}") String adminUsername,
                     @Value("${SHIZHENG_ADMIN_PASSWORD:}") String adminPassword) {
        this.accounts = accounts;
        this.agencies = agencies;
        this.demo = demo;
        this.jdbc = jdbc;
        this.tx = tx;
        this.jurisdiction = jurisdiction;
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demo.enabled() && accounts.count(true) > 0) {
            throw new IllegalStateException("""
                    Demo accounts exist in this database, and the prod profile will not run with them.
                    Remove them first (delete from org_user where demo), or run without the prod profile.""");
        }
        tx.executeWithoutResult(s -> {
            // One instance seeds at a time; the others wait and then find the work done.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('org.accounts'))").query().singleRow();
            if (!adminUsername.isBlank() && !accounts.anyAdmin()) {
                if (adminPassword.length() < 12) {
                    throw new IllegalStateException("SHIZHENG_ADMIN_PASSWORD must have at least 12 characters");
                }
                Long rdec = agencies.findByCode("RDEC").map(Agency::id).orElse(null);
                accounts.create(adminUsername, "系統管理者", null, adminPassword, rdec, EnumSet.of(Role.ADMIN), false);
                log.info("Created the first administrator '{}'", adminUsername);
            }
            if (demo.enabled() && accounts.find("rdec").isEmpty()) {
                seedDemoAccounts();
            }
        });
    }

    private void seedDemoAccounts() {
        demoUser("admin", "系統管理者（示範）", "RDEC", Role.ADMIN);
        demoUser("rdec", "研考會承辦 王小明（示範）", "RDEC", Role.RDEC_STAFF);
        demoUser("officer", "建設局承辦 林美華（示範）", "CONST", Role.AGENCY_OFFICER);
        demoUser("reviewer", "外聘審查委員 陳教授（示範）", null, Role.REVIEWER);
        demoUser("agent", "1999話務人員 張雅婷（示範）", "RDEC", Role.CALL_AGENT);
        demoUser("chief", "西屯區何厝里長（示範）", "D66000060", Role.VILLAGE_CHIEF);
        // An officer in every other first-level agency, so that agency scopes can be tried side by side.
        for (Agency a : agencies.firstLevel()) {
            if (!a.code().equals("CONST") && !a.code().equals("RDEC")) {
                demoUser("officer." + a.code().toLowerCase(), a.name().replace(jurisdiction.government(), "") + "承辦（示範）",
                        a.code(), Role.AGENCY_OFFICER);
            }
        }
        log.info("Seeded demo accounts (password {})", DEMO_PASSWORD);
    }

    private void demoUser(String username, String name, String agencyCode, Role... roles) {
        Long agencyId = agencyCode == null ? null : agencies.findByCode(agencyCode).map(Agency::id).orElseThrow();
        Set<Role> set = EnumSet.noneOf(Role.class);
        set.addAll(java.util.List.of(roles));
        accounts.create(username, name, username + "@demo.shizheng.invalid", DEMO_PASSWORD, agencyId, set, true);
    }
}
