package org.anju.cli;

import org.anju.progress.Periods;
import picocli.CommandLine.Option;

import java.time.YearMonth;

/** The {@code --region CODE --period YYYY-MM} pair of the commands that look at one region's month. */
class RegionMonth {

    @Option(names = "--region", paramLabel = "CODE", required = true, description = "地区代码，如 620700")
    String region;

    @Option(names = "--period", paramLabel = "YYYY-MM", required = true, description = "月份，如 2023-12")
    String period;

    YearMonth month() {
        return Periods.parse(period);
    }
}
