package org.anju.region;

import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each node holds the region directory in memory (Regions); a unit, community or alias added through another node
 * (issue 15: several nodes, one database) must reach this one too. Every {@code anju.regions.refresh-interval} (10 s)
 * the node compares the tables' digest with the one it loaded (a few milliseconds) and reloads only when they differ.
 * Runs on every node (no ShedLock: each node refreshes its own memory); web nodes only, like all scheduled work.
 */
@Component
class RegionRefresh {

    private final org.anju.platform.FailureStreak streak =
            new org.anju.platform.FailureStreak(LoggerFactory.getLogger(RegionRefresh.class), "区划目录刷新");

    private final Regions regions;

    RegionRefresh(Regions regions) {
        this.regions = regions;
    }

    @Scheduled(fixedDelayString = "${anju.regions.refresh-interval:PT10S}",
            initialDelayString = "${anju.regions.refresh-interval:PT10S}")
    void refresh() {
        try {
            regions.reload();
            streak.worked();
        } catch (RuntimeException e) {
            // the database is busy or away: the directory read last stays, the next turn tries again
            streak.failed(e);
        }
    }
}
