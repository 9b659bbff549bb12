package org.anju;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.TestPropertySource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test on a database holding the demo data — the seed documents loaded on start-up exactly as the
 * app does it. All such test classes share one context and database: they must not change the seed
 * plans (anything they add, they remove).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AnjuTest
@AutoConfigureMockMvc
@TestPropertySource(properties = "anju.demo.enabled=true")
public @interface SeedDataTest {
}
