package org.anju;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The same request twice at once — a double-click, a retry racing the original: {@code work} on two threads of their
 * own, released together at a barrier. Their answers in the order the threads were started; what one threw is thrown
 * (wrapped), so a test that expects a refusal catches it inside {@code work}.
 */
public final class AtOnce {

    private AtOnce() {
    }

    public static <T> List<T> twice(Callable<T> work) throws Exception {
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<T>> sent = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sent.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> f : sent) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
