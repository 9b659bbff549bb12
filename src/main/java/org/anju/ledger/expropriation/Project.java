package org.anju.ledger.expropriation;

import org.anju.calendar.Counting;

import java.math.BigDecimal;
import java.util.List;

/** A 征收项目 with its steps (in the regulation's order) and its current figures. */
public record Project(long id, String countyCode, String countyName, String name, ProjectType type, int scopeHouseholds,
                      BigDecimal scopeArea, Counting counting, Integer reviewDays, Integer appraisalDays,
                      SigningRates.Gate gate, int version, List<Reg590.TimelineEntry> timeline,
                      ExpropriationFigures.ProjectFigures figures) {

    public String typeLabel() {
        return type.label();
    }
}
