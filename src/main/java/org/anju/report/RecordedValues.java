package org.anju.report;

import org.anju.progress.Rates;
import org.anju.progress.RecordedFigures;
import org.anju.progress.RecordedFigures.RecordedFigure;
import org.anju.region.Region;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures the operational records give for a unit's month, by report item key, and the flags where the report
 * says otherwise. Only items of the report form are offered.
 */
@Component
class RecordedValues {

    private final ObjectProvider<RecordedFigures> sources;

    RecordedValues(ObjectProvider<RecordedFigures> sources) {
        this.sources = sources;
    }

    Map<String, RecordedFigure> of(Region unit, YearMonth period) {
        Map<String, RecordedFigure> byKey = new LinkedHashMap<>();
        sources.orderedStream().forEach(s -> s.figures(unit, period).stream()
                .filter(f -> ReportItems.known(f.indicatorCode(), f.source()))
                .forEach(f -> {
                    if (byKey.putIfAbsent(f.key(), f) != null) {
                        throw new IllegalStateException("两处业务记录都给出了 " + f.key() + " 的数值");
                    }
                }));
        return byKey;
    }

    /** A flag for each typed figure that differs from the records (a figure not typed is only offered). */
    static List<ReportFlag> differences(List<ReportValue> values, Map<String, RecordedFigure> recorded) {
        List<ReportFlag> flags = new ArrayList<>();
        for (ReportValue v : values) {
            RecordedFigure r = recorded.get(v.source().isEmpty() ? v.indicatorCode() : v.indicatorCode() + "@" + v.source());
            if (r != null && r.value().compareTo(v.value()) != 0) {
                ReportItems.Item item = ReportItems.byKey(r.key());
                flags.add(new ReportFlag(v.indicatorCode(), v.source(), item.group() + "·" + item.label() + "填报 "
                        + Rates.figure(v.value()) + "，业务记录为 " + Rates.figure(r.value()) + "（" + r.basis()
                        + "）：请核实，或采用业务记录的数值"));
            }
        }
        return flags;
    }
}
