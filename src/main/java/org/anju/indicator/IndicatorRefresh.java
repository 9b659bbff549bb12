package org.anju.indicator;

import org.slf4j.Logger;
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

    private static final Logger log = LoggerFactory.getLogger(IndicatorRefresh.class);

    private final Indicators indicators;

    IndicatorRefresh(Indicators indicators) {
        this.indicators = indicators;
    }

    @Scheduled(fixedDelayString = "${anju.regions.refresh-interval:PT10S}",
            initialDelayString = "${anju.regions.refresh-interval:PT10S}")
    void refresh() {
        try {
            indicators.refresh();
        } catch (RuntimeException e) {
            log.warn("指标目录未能刷新（{}），沿用已载入的目录", e.toString());
        }
    }
}
