package org.anju.account;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At most anju.security.concurrent-password-checks password checks at a time (a month-end burst of sign-ins must not
 * take every core from the requests holding database connections); the others wait their turn and are all answered.
 */
class PasswordCheckBoundTest {

    /** An encoder whose checks take a while and record how many ran at once. */
    static final class SlowEncoder implements PasswordEncoder {
        final AtomicInteger running = new AtomicInteger();
        final AtomicInteger most = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return "hash:" + raw;
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
            return encoded.equals(encode(raw));
        }
    }

    @Test
    void noMoreChecksAtOnceThanAllowedAndEveryOneAnswered() throws Exception {
        for (int bound : new int[]{1, 3}) {
            SlowEncoder encoder = new SlowEncoder();
            AnjuAuthenticationProvider provider = new AnjuAuthenticationProvider(null, encoder, null, null, bound);
            ExecutorService pool = Executors.newFixedThreadPool(12);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> answers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String password = i % 2 == 0 ? "right" : "wrong";
                answers.add(pool.submit(() -> {
                    start.await();
                    return provider.matches(password, "hash:right");
                }));
            }
            start.countDown();
            int right = 0;
            for (Future<Boolean> a : answers) {
                right += a.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            pool.shutdown();
            assertThat(right).isEqualTo(12);
            assertThat(encoder.most.get()).isEqualTo(bound);   // the bound reached, never passed
        }
    }
}
