package org.anju;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test against the whole application on a real (embedded, throw-away) PostgreSQL. Every distinct
 * Spring context gets its own fresh database, migrated by Flyway; demo data is not loaded.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest
@ActiveProfiles("test")
@org.junit.jupiter.api.extension.ExtendWith(AsSystem.class)
public @interface AnjuTest {
}
