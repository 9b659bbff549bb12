package org.anju.account;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what a handler method requires. Every {@code @RequestMapping} method of the application must
 * carry one: the web layer refuses undeclared endpoints (HTTP 403) and the authorization-matrix test
 * fails on them.
 *
 * <pre>{@code
 * @GetMapping("/api/reports/{id}")
 * @Requires(Requirement.READ_SCOPED)
 * ReportView report(@PathVariable long id) {
 *     Report r = reports.get(id);
 *     access.checkRead(regions.byId(r.regionId()));
 *     …
 * }
 * }</pre>
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Requires {

    Requirement value();
}
