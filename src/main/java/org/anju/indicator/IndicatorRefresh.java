package org.anju.indicator;

import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each node holds the indicator catalogue in memory; a program or indicator added through another node reaches this
 * one within {@code anju.regions.refresh-interval} (the same 10 s as the region directory: reference data). Every
 * node, no ShedLock; web nodes only.
 */
@Component
class IndicatorRefresh {

    private final org.anju.platform.FailureStreak streak =
            new org.anju.platform.FailureStreak(LoggerFactory.getLogger(IndicatorRefresh.class), "指标目录刷新");

    private final Indicators indicators;

    IndicatorRefresh(Indicators indicators) {
        this.indicators = indicators;
    }

    @Scheduled(fixedDelayString = "${anju.regions.refresh-interval:PT10S}",
            initialDelayString = "${anju.regions.refresh-interval:PT10S}")
    void refresh() {
        try {
            indicators.refresh();
            streak.worked();
        } catch (RuntimeException e) {
            // the database is busy or away: the directory read last stays, the next turn tries again
            streak.failed(e);
        }
    }
}
