package org.anju;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Regions;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

import java.lang.reflect.Method;

/**
 * Test code calling services directly acts as the system, said explicitly: outside a request an unbound actor has no
 * rights (issue 11), as a scheduled job or a stray thread must not. Requests a test sends (MockMvc, the browser) act
 * as their signed-in user all the same — a request's user comes before a bound actor. A thread a test starts binds
 * its actor itself ({@code Access.runAs}).
 */
public class AsSystem implements InvocationInterceptor {

    /** Thrown through {@link Access#runAs}, whose work may not throw checked exceptions. */
    private static final class Carried extends RuntimeException {
        Carried(Throwable cause) {
            super(cause);
        }
    }

    private static <T> T asSystem(Invocation<T> invocation, ExtensionContext context) throws Throwable {
        ExtensionContext withClass = context;
        while (withClass.getTestClass().isEmpty() && withClass.getParent().isPresent()) {
            withClass = withClass.getParent().get(); // a dynamic test's own context names no class
        }
        Regions regions = SpringExtension.getApplicationContext(withClass).getBean(Regions.class);
        try {
            return Access.runAs(Actor.system(regions.root()), () -> {
                try {
                    return invocation.proceed();
                } catch (Throwable t) {
                    throw new Carried(t);
                }
            });
        } catch (Carried c) {
            throw c.getCause();
        }
    }

    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
                                           ExtensionContext context) throws Throwable {
        return asSystem(invocation, context);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, org.junit.jupiter.api.extension.DynamicTestInvocationContext call,
                                     ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                          ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                        ExtensionContext context) throws Throwable {
        asSystem(invocation, context);
    }
}
