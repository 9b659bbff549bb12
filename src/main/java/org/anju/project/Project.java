package org.anju.project;

import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A project of the register (项目库). Sizes are in the program's measures: 套 for housing, and for old
 * communities 小区 / 户 / 栋 / 万平方米 at once. Lifecycle dates are null until reached.
 *
 * @param year             the plan year whose task the project counts towards; a project still open
 *                         in a later year is carried over (续建/结转) there
 * @param plannedInvestment 计划投资, 万元
 * @param basicCompletedOn 基本建成 (完工 for old communities)
 * @param occupiedOn       分配入住: households moved in
 * @param deliveryDueOn    交付 date a contract or plan promised; past it and not delivered is 逾期交付
 * @param placement        安置方式, buildingType 楼型, construction 建设方式: null when the register does not say
 * @param version          optimistic lock: a save must pass the version it read
 */
public record Project(Long id, String regionCode, String regionName, String programCode, int year, String name,
                      String code, BigDecimal units, BigDecimal households, BigDecimal communities,
                      BigDecimal buildings, BigDecimal area, BigDecimal plannedInvestment, LocalDate prelimDoneOn,
                      LocalDate startedOn, LocalDate basicCompletedOn, LocalDate acceptedOn, LocalDate deliveredOn,
                      LocalDate occupiedOn, LocalDate deliveryDueOn, Placement placement, Construction construction,
                      BuildingType buildingType, String note, int version) {

    /** A project whose register says nothing of 入住, the promised date or its kind. */
    public Project(Long id, String regionCode, String regionName, String programCode, int year, String name,
                   String code, BigDecimal units, BigDecimal households, BigDecimal communities, BigDecimal buildings,
                   BigDecimal area, BigDecimal plannedInvestment, LocalDate prelimDoneOn, LocalDate startedOn,
                   LocalDate basicCompletedOn, LocalDate acceptedOn, LocalDate deliveredOn, String note, int version) {
        this(id, regionCode, regionName, programCode, year, name, code, units, households, communities, buildings, area,
                plannedInvestment, prelimDoneOn, startedOn, basicCompletedOn, acceptedOn, deliveredOn, null, null, null,
                null, null, note, version);
    }

    /**
     * 开工 as a list read at month {@code at} shows it: the date written the official way (2023年6月28日), or 未开工 when
     * the register has no date or the date falls after that month (the 项目状态 filter counts it 未开工 then too).
     */
    public String startedText(java.time.YearMonth at) {
        return reachedBy(startedOn, at) ? org.anju.platform.Titles.date(startedOn) : "未开工";
    }

    /** 基本建成/完工 as a list read at month {@code at} shows it: the date, or "" when not reached by that month. */
    public String basicCompletedText(java.time.YearMonth at) {
        return reachedBy(basicCompletedOn, at) ? org.anju.platform.Titles.date(basicCompletedOn) : "";
    }

    private static boolean reachedBy(LocalDate d, java.time.YearMonth at) {
        return d != null && (at == null || !d.isAfter(at.atEndOfMonth()));
    }

    /** The longest name or 项目编号 (a real one runs to some 40 characters) and 备注. */
    static final int MAX_NAME = 200;
    static final int MAX_NOTE = 2000;

    public Project {
        if (name == null || name.isBlank()) {
            throw new org.anju.platform.BadInput("项目名称不能为空");
        }
        // checked first: the name goes into every message below
        if (name.length() > MAX_NAME) {
            throw new org.anju.platform.BadInput("项目名称过长：" + name.length() + " 字（最多 " + MAX_NAME + " 字）");
        }
        if (code != null && code.length() > MAX_NAME) {
            throw new org.anju.platform.BadInput("项目“" + name + "”的项目编号过长：" + code.length() + " 字（最多 " + MAX_NAME + " 字）");
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new org.anju.platform.BadInput("项目“" + name + "”的备注过长：" + note.length() + " 字（最多 " + MAX_NOTE + " 字）");
        }
        if (year < 1990 || year > 2100) {
            throw new org.anju.platform.BadInput("项目“" + name + "”的年度 " + year + " 不对：应在 1990 至 2100 之间");
        }
        if (programCode == null || programCode.isBlank()) {
            throw new org.anju.platform.BadInput("缺少工程类别");
        }
        for (BigDecimal v : new BigDecimal[] {units, households, communities, buildings, area, plannedInvestment}) {
            if (v != null && v.signum() < 0) {
                throw new org.anju.platform.BadInput("项目“" + name + "”的数量或投资不能为负数");
            }
        }
        if (startedOn != null && basicCompletedOn != null && basicCompletedOn.isBefore(startedOn)) {
            throw new org.anju.platform.BadInput("项目“" + name + "”的基本建成（完工）日期早于开工日期");
        }
        for (LocalDate d : new LocalDate[] {prelimDoneOn, startedOn, basicCompletedOn, acceptedOn, deliveredOn, occupiedOn,
                deliveryDueOn}) {
            if (d != null && (d.getYear() < 1990 || d.getYear() > 2100)) {
                throw new org.anju.platform.BadInput("项目“" + name + "”的日期 " + d + " 不对：年份应在 1990 至 2100 之间");
            }
        }
        if (occupiedOn != null && deliveredOn == null) {
            throw new org.anju.platform.BadInput("项目“" + name + "”填了分配入住日期，但没有交付日期：入住在交付之后，请先填交付日期");
        }
        if (occupiedOn != null && occupiedOn.isBefore(deliveredOn)) {
            throw new org.anju.platform.BadInput("项目“" + name + "”的分配入住日期早于交付日期");
        }
        if (deliveredOn != null && startedOn != null && deliveredOn.isBefore(startedOn)) {
            throw new org.anju.platform.BadInput("项目“" + name + "”的交付日期早于开工日期");
        }
        if (placement != null && !programCode.contains("SHANTYTOWN")) {
            throw new org.anju.platform.BadInput("项目“" + name + "”：安置方式只适用于棚户区改造项目");
        }
    }

    /** 逾期交付 at the end of {@code day}: a promised date passed and not delivered by then. */
    public boolean overdueDelivery(LocalDate day) {
        return deliveryDueOn != null && deliveryDueOn.isBefore(day) && (deliveredOn == null || deliveredOn.isAfter(day));
    }

    /** 续建/结转 in {@code inYear}: counted in an earlier year and not finished before this one. */
    public boolean carriedOver(int inYear) {
        return year < inYear && (basicCompletedOn == null || basicCompletedOn.getYear() >= inYear);
    }

    public Project withId(Long newId, int newVersion) {
        return new Project(newId, regionCode, regionName, programCode, year, name, code, units, households, communities,
                buildings, area, plannedInvestment, prelimDoneOn, startedOn, basicCompletedOn, acceptedOn, deliveredOn,
                occupiedOn, deliveryDueOn, placement, construction, buildingType, note, newVersion);
    }

    /** The project's size in words: 62套, 30个小区、3032户. */
    public String sizeText() {
        StringBuilder b = new StringBuilder();
        append(b, communities, "个小区");
        append(b, units, "套");
        append(b, households, "户");
        append(b, buildings, "栋");
        append(b, area, "万平方米");
        return b.toString();
    }

    private static void append(StringBuilder b, BigDecimal v, String unit) {
        if (v != null) {
            if (!b.isEmpty()) {
                b.append('、');
            }
            b.append(org.anju.progress.Rates.figure(v)).append(unit);
        }
    }
}
