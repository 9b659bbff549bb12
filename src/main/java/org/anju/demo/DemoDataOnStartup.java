package org.anju.demo;

import org.anju.account.DemoUsers;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The first start of the web app loads the demo data — the seed plans, then seed 004's Zhangye
 * figures on top of them — and every start makes sure the demo accounts exist
 * (account/demo-users.yml, published password); tests and the command line switch it off.
 */
@Component
@ConditionalOnProperty(name = "anju.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoDataOnStartup implements ApplicationRunner {

    private final DemoData demo;
    private final ProgressDemoData progress;
    private final DemoUsers users;

    private final org.anju.region.Regions regions;

    private final org.anju.platform.ClusterOnce once;

    DemoDataOnStartup(DemoData demo, ProgressDemoData progress, DemoUsers users, org.anju.region.Regions regions,
                      org.anju.platform.ClusterOnce once) {
        this.once = once;
        this.regions = regions;
        this.demo = demo;
        this.progress = progress;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) {
        // two nodes started together on a new database both loaded: one at a time, the second finds it loaded
        once.run(org.anju.platform.ClusterOnce.DEMO_DATA, this::loadDemo);
    }

    private void loadDemo() {
        // no request, no user: the demo load says it acts as the system (an unbound actor has no rights)
        org.anju.account.Access.runAs(org.anju.account.Actor.system(regions.root()), () -> {
            demo.loadOnce();
            progress.loadOnce();
            users.createAll();
            return null;
        });
    }
}
