package org.anju.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The first step of stopping a node (issue 15): Spring Boot has already set readiness to REFUSING_TRAFFIC when the
 * context begins to close ({@code /actuator/health/readiness} answers 503 OUT_OF_SERVICE), and this waits
 * {@code anju.shutdown.drain} (default 0s; set it to the balancer's check interval × fall count, e.g. 6s for haproxy's
 * {@code inter 2s fall 3}) while the web server still answers, so the balancer notices and sends no new requests here.
 * Then the web server stops taking connections and lets running requests finish ({@code server.shutdown=graceful},
 * at most {@code spring.lifecycle.timeout-per-shutdown-phase}).
 */
@Component
class ShutdownDrain implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

    private final Duration drain;
    private volatile boolean running;

    ShutdownDrain(@Value("${anju.shutdown.drain:0s}") Duration drain) {
        this.drain = drain;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (drain.isZero() || drain.isNegative()) {
            return;
        }
        log.info("正在停止：就绪状态已为 OUT_OF_SERVICE，等待 {} 秒让负载均衡器摘除本节点", drain.toSeconds());
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops first: before the web server's graceful shutdown (lifecycles stop from the highest phase down). */
    @Override
    public int getPhase() {
        return PHASE;
    }

    static final int PHASE = Integer.MAX_VALUE;
}
