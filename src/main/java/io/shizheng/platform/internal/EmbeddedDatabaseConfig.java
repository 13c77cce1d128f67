package io.shizheng.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With no SPRING_DATASOURCE_URL, start an embedded PostgreSQL 15 whose files live under
 * {@code <shizheng.data-dir>/pg} and survive restarts: one command runs everything on a fresh machine.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(@Value("${shizheng.data-dir}") String dataDir,
                                      @Value("${shizheng.embedded-db.clean:false}") boolean clean) throws IOException {
        Path dir = Path.of(dataDir, "pg").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        EmbeddedPostgres pg = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(clean)
                .setServerConfig("timezone", "Asia/Taipei")
                .setServerConfig("max_connections", "50")
                .setLocaleConfig("encoding", "UTF8")
                .setLocaleConfig("locale", "C")
                .start();
        log.warn("""

                ***********************************************************************
                *  Shizheng runs on an EMBEDDED PostgreSQL {} (data in {}).
                *  It is meant for trying out and small installations. For production
                *  set SPRING_DATASOURCE_URL, _USERNAME and _PASSWORD to a PostgreSQL server.
                ***********************************************************************""",
                "15", dir);
        return pg;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(10);
        config.setPoolName("shizheng-embedded");
        return new HikariDataSource(config);
    }

    @Bean
    EmbeddedDatabaseMarker embeddedDatabaseMarker() {
        return new EmbeddedDatabaseMarker();
    }

    /** Present only when the embedded database runs; the layout shows its banner then. */
    static final class EmbeddedDatabaseMarker {
    }
}
