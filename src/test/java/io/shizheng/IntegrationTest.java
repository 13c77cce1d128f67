package io.shizheng;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * A full application on a fresh embedded PostgreSQL (or on SPRING_DATASOURCE_URL when CI sets it),
 * with demo data (volumes scaled to 2% by shizheng.demo.scale), on a random port. All such tests share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"shizheng.data-dir=target/test-data", "shizheng.embedded-db.clean=true",
                "shizheng.demo.scale=0.02"})
public @interface IntegrationTest {
}
