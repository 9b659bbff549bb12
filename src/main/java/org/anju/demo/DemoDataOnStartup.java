package org.anju.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The first start of the web app loads the demo data; tests and the command line switch it off. */
@Component
@ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataOnStartup implements ApplicationRunner {

    private final DemoData demo;

    DemoDataOnStartup(DemoData demo) {
        this.demo = demo;
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.loadOnce();
    }
}
