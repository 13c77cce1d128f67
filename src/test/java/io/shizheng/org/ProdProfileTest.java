package io.shizheng.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import io.shizheng.ShizhengApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The prod profile seeds no demo accounts, creates the first administrator from the environment, and
 * refuses to start on a database that holds demo accounts. Each case boots the app on its own embedded
 * PostgreSQL (a server URL from the environment is overridden here on purpose).
 */
class ProdProfileTest {

    private static ConfigurableApplicationContext boot(Path dir, String... args) {
        String[] all = new String[args.length + 5];
        all[0] = "--spring.datasource.url=";
        all[1] = "--shizheng.data-dir=" + dir;
        all[2] = "--server.port=0";
        all[3] = "--spring.main.banner-mode=off";
        all[4] = "--shizheng.demo.scale=0.02";
        System.arraycopy(args, 0, all, 5, args.length);
        return new SpringApplicationBuilder(ShizhengApplication.class).run(all);
    }

    @Test
    void prodCreatesTheFirstAdministratorAndNoDemoAccounts(@TempDir Path dir) {
        try (ConfigurableApplicationContext app = boot(dir, "--spring.profiles.active=prod",
                "--SHIZHENG_ADMIN_USERNAME=cityadmin", "--SHIZHENG_ADMIN_PASSWORD=a-long-secret-123")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from org_user where demo").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select roles from org_user where username = 'cityadmin'").query(String.class).single())
                    .isEqualTo("ADMIN");
            assertThat(jdbc.sql("select count(*) from plan_manual_value").query(Long.class).single()).isZero();
            // The FY107 plan is reference data, not demo data: it is there in production too.
            assertThat(jdbc.sql("select count(*) from plan_indicator").query(Long.class).single()).isEqualTo(15);
        }
    }

    @Test
    void prodRefusesADatabaseWithDemoAccounts(@TempDir Path dir) throws Exception {
        boot(dir).close();
        assertThat(Files.exists(dir.resolve("pg"))).isTrue();
        assertThatThrownBy(() -> boot(dir, "--spring.profiles.active=prod").close())
                .hasStackTraceContaining("Demo accounts exist");
    }

    @Test
    void aShortAdministratorPasswordIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> boot(dir, "--spring.profiles.active=prod", "--SHIZHENG_ADMIN_USERNAME=cityadmin",
                "--SHIZHENG_ADMIN_PASSWORD=short").close())
                .hasStackTraceContaining("at least 12 characters");
    }
}
