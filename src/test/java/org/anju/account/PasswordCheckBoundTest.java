package org.anju.account;

import org.anju.platform.RequestSlots;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * At most anju.security.concurrent-password-checks password checks at a time, on platform threads (a month-end burst of
 * sign-ins must not hold the virtual threads' carriers that the requests holding database connections need); the others
 * wait their turn and are all answered, or told after the wait that the check could not be made.
 */
class PasswordCheckBoundTest {

    /** An encoder whose checks take a while and record how many ran at once. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();
        final AtomicInteger onVirtualThreads = new AtomicInteger();
        final AtomicInteger started = new AtomicInteger();
        final long millis;
        /** A check of the password "hold" keeps its thread, interrupted or not, until this opens. */
        final CountDownLatch gate = new CountDownLatch(1);

        SlowEncoder(long millis) {
            this.millis = millis;
        }

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            started.incrementAndGet();
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            if (Thread.currentThread().isVirtual()) {
                onVirtualThreads.incrementAndGet();
            }
            try {
                if ("hold".contentEquals(raw)) {
                    while (gate.getCount() > 0) {
                        try {
                            gate.await();
                        } catch (InterruptedException ignored) {
                            // a bcrypt check does not stop when its requester gives up either
                        }
                    }
                }
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return encoded.equals(encode(raw));
        }
    }

    @Test
    void noMoreChecksAtOnceThanAllowedNoneOnAVirtualThreadAndEveryOneAnswered() throws Exception {
        for (int bound : new int[]{1, 3}) {
            SlowEncoder encoder = new SlowEncoder(30);
            AnjuAuthenticationProvider provider = new AnjuAuthenticationProvider(null, encoder, null, null, noSlots(), bound,
                    Duration.ofSeconds(30));
            // the requests' threads are virtual, as in the application (spring.threads.virtual.enabled)
            try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Boolean>> answers = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String password = i % 2 == 0 ? "right" : "wrong";
                    answers.add(requests.submit(() -> {
                        start.await();
                        return provider.matches(password, "hash:right");
                    }));
                }
                start.countDown();
                int right = 0;
                for (Future<Boolean> a : answers) {
                    right += a.get(30, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(right).isEqualTo(12);
            } finally {
                provider.destroy();
            }
            assertThat(encoder.most.get()).isEqualTo(bound);   // the bound reached, never passed
            assertThat(encoder.started.get()).isEqualTo(24);
            assertThat(encoder.onVirtualThreads.get()).isZero();
        }
    }

    @Test
    void aCheckNotBegunWithinTheWaitIsRefusedAndDropped() throws Exception {
        SlowEncoder encoder = new SlowEncoder(0);
        AnjuAuthenticationProvider provider = new AnjuAuthenticationProvider(null, encoder, null, null, noSlots(), 1,
                Duration.ofMillis(200));
        try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Boolean> first = requests.submit(() -> provider.matches("hold", "hash:right"));
            while (encoder.started.get() == 0) {
                Thread.sleep(5);   // the first check has begun and holds the only thread
            }
            assertThatThrownBy(() -> provider.matches("right", "hash:right"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("登录核验");
            assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
            encoder.gate.countDown();
            Thread.sleep(300);   // long enough for a queued check to have begun, had it been kept
            assertThat(encoder.started.get()).isEqualTo(1);   // the second never ran
            assertThat(provider.matches("right", "hash:right")).isTrue();   // and the thread serves the next
        } finally {
            provider.destroy();
        }
    }

    @Test
    void twoCheckThreadsPerProcessorByDefault() {
        assertThat(AnjuAuthenticationProvider.defaultChecks(0)).isEqualTo(2);
        assertThat(AnjuAuthenticationProvider.defaultChecks(1)).isEqualTo(2);
        assertThat(AnjuAuthenticationProvider.defaultChecks(2)).isEqualTo(4);
        assertThat(AnjuAuthenticationProvider.defaultChecks(8)).isEqualTo(16);
    }

    /** No request holds a slot on the test's threads: the check is simply awaited. */
    private static RequestSlots noSlots() {
        return new RequestSlots(1, Duration.ZERO);
    }
}
