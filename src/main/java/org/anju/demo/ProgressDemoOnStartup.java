package org.anju.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** After the plans' demo data (loaded here first, which is idempotent), the Zhangye progress figures. */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
class ProgressDemoOnStartup implements ApplicationRunner {

    private final DemoData demo;
    private final ProgressDemoData progress;

    ProgressDemoOnStartup(DemoData demo, ProgressDemoData progress) {
        this.demo = demo;
        this.progress = progress;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.loadOnce();
        progress.loadOnce();
    }
}
