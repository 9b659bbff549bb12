package org.anju.plan.imports;

import org.anju.plan.BreakdownTable;
import org.anju.plan.BreakdownTable.Column;
import org.anju.plan.BreakdownTable.Row;
import org.anju.plan.Cell;
import org.anju.plan.RowRole;
import org.anju.plan.StatedTotal;
import org.anju.plan.check.Finding;
import org.anju.plan.imports.ImportResult.StatedLine;
import org.anju.plan.imports.TextTotals.Statement;
import org.anju.region.Region;
import org.anju.region.RegionKind;
import org.anju.region.Regions;
import org.anju.region.Resolution;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds each total the text states against the tables: the issuer's 合计 (or its units' sum), or the row of
 * the unit the sentence names, in the column of the same indicator, kind and year — at the precision printed
 * on both sides. Totals of the plan's own tables are kept with the plan (and checked with it); those of progress
 * tables are checked here.
 */
final class StatedTotalCheck {

    record Checked(List<StatedLine> lines, List<StatedTotal> planTotals, List<Finding> progressFindings) {
    }

    private final Regions regions;
    private final Region issuer;

    StatedTotalCheck(Regions regions, Region issuer) {
        this.regions = regions;
        this.issuer = issuer;
    }

    Checked check(List<Statement> statements, List<TableInterpreter.Reading> readings, String progressLabel) {
        List<StatedLine> lines = new ArrayList<>();
        List<StatedTotal> planTotals = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Statement s : statements) {
            Region region = scope(s.scope());
            // a total of the level above (全省 in a city's plan) has nothing in these tables to be held against
            Match match = region == null || !regions.contains(issuer, region) ? null : match(s, region, readings);
            String indicator = String.join("＋", s.indicatorCodes());
            if (match == null) {
                lines.add(new StatedLine(s.quote(), s.printed(), region == null ? s.scope() : region.name(), indicator,
                        s.kind().label(), s.year(), s.value(), null, "UNMATCHED"));
                continue;
            }
            BigDecimal tolerance = match.tolerance().add(s.tolerance());
            boolean agrees = s.value().subtract(match.value()).abs().compareTo(tolerance) <= 0;
            lines.add(new StatedLine(s.quote(), s.printed(), region.name(), indicator, s.kind().label(), match.year(),
                    s.value(), match.value(), agrees ? "AGREES" : "DIFFERS"));
            StatedTotal stated = new StatedTotal(null, region.code(), s.indicatorCodes(), match.year(), s.value(),
                    s.tolerance(), s.printed(), s.quote());
            if (!match.reading().progress()) {
                planTotals.add(stated);
            } else if (!agrees) {
                findings.add(Finding.statedTotal(progressLabel, region, indicator, indicator, stated, match.value(),
                        match.reading().table().displayLabel()));
            }
        }
        return new Checked(lines, planTotals, findings);
    }

    private record Match(TableInterpreter.Reading reading, BigDecimal value, BigDecimal tolerance, Integer year) {
    }

    /** Whose total: the issuer (no scope, or 全 + the issuer's level), a unit named before 全市, or none we hold. */
    private Region scope(String scope) {
        if (scope == null) {
            return issuer;
        }
        int whole = scope.lastIndexOf('全');
        if (whole < 0 || whole + 1 >= scope.length()) {
            Resolution named = regions.resolve(scope, issuer);
            return named instanceof Resolution.Found f ? f.region() : null;
        }
        String name = scope.substring(0, whole);
        char level = scope.charAt(whole + 1);
        if (!name.isEmpty()) {
            Resolution r = regions.resolve(name, issuer);
            return r instanceof Resolution.Found f ? f.region() : null;
        }
        if (level == '国') {
            return regions.root();
        }
        for (Region r = issuer; r != null; r = regions.parent(r).orElse(null)) {
            if (fits(r.kind(), level)) {
                return r;
            }
        }
        return null;
    }

    private static boolean fits(RegionKind kind, char level) {
        return switch (kind) {
            case PROVINCE -> level == '省' || level == '区' || level == '市';
            case PREFECTURE -> level == '市' || level == '州' || level == '盟' || level == '区';
            case COUNTY -> level == '县' || level == '区' || level == '市' || level == '旗';
            default -> false;
        };
    }

    /**
     * The tables' figure for the statement: each indicator from the first table that counts it (城市 and 国有工矿
     * 棚户区 stand in two tables), added up; null when one is in no table.
     */
    private Match match(Statement s, Region region, List<TableInterpreter.Reading> readings) {
        BigDecimal value = BigDecimal.ZERO;
        BigDecimal tolerance = BigDecimal.ZERO;
        Integer year = null;
        TableInterpreter.Reading first = null;
        for (String code : s.indicatorCodes()) {
            boolean found = false;
            for (TableInterpreter.Reading reading : readings) {
                BreakdownTable t = reading.table();
                int c = column(t, code, s);
                List<Cell> cells = c < 0 ? List.of() : cells(t, c, region);
                if (cells.isEmpty()) {
                    continue;
                }
                boolean exact = t.columns().get(c).indicator().exact();
                for (Cell cell : cells) {
                    value = value.add(cell.orZero());
                    tolerance = tolerance.add(cell.tolerance(exact));
                }
                year = t.columns().get(c).year();
                first = first == null ? reading : first;
                found = true;
                break;
            }
            if (!found) {
                return null;
            }
        }
        return new Match(first, value, tolerance, year);
    }

    private static int column(BreakdownTable t, String code, Statement s) {
        for (int c = 0; c < t.columns().size(); c++) {
            Column col = t.columns().get(c);
            boolean year = s.wholePeriod() ? col.year() == null
                    : col.year() != null && (s.year() == null || Objects.equals(col.year(), s.year()));
            if (col.indicator().code().equals(code) && col.kind() == s.kind() && year) {
                return c;
            }
        }
        return -1;
    }

    /**
     * The region's figure as the plan checks compare it: its own row (the 合计 row for the issuer), else the sum
     * of the units' own rows inside it.
     */
    private List<Cell> cells(BreakdownTable t, int c, Region region) {
        boolean isIssuer = region.equals(issuer);
        for (Row r : t.rows()) {
            if (r.region().equals(region) && (isIssuer == (r.role() == RowRole.TOTAL))) {
                return List.of(r.cell(c));
            }
        }
        List<Cell> units = new ArrayList<>();
        for (Row r : t.rows()) {
            if (r.role() == RowRole.DETAIL && regions.contains(region, r.region())) {
                units.add(r.cell(c));
            }
        }
        return units;
    }
}
