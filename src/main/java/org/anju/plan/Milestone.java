package org.anju.plan;

import org.anju.indicator.BuildingType;
import org.anju.indicator.Construction;
import org.anju.indicator.Placement;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A 进度要求: by {@code dueOn}, {@code thresholdPercent} of an indicator's target (or of a work item
 * such as 前期工作) must be reached, for the projects named in {@code scope}.
 *
 * <p>How it is checked follows from what it names: a {@link Selection} of register projects (前期工作 of 2023's
 * projects, 基本建成 of 2021's 高层 carried-over projects, 开工 of 货币化安置 projects) is measured on those
 * projects; an indicator alone on the monthly figures; a work item with neither (报送情况, 政策报备) cannot be
 * measured and is listed for a person to check — never guessed.
 *
 * @param indicatorCode e.g. AFFORDABLE_RENTAL.START.UNIT; null when the requirement is a work item
 * @param programCode   the program the requirement is about, also for work items
 * @param quote         the sentence of the document it was taken from
 * @param selection     the register projects it is about; null when it is measured by figures or by a person
 */
public record Milestone(Long id, LocalDate dueOn, String programCode, String indicatorCode, String workItem,
                        String scope, BigDecimal thresholdPercent, String quote, Selection selection) {

    public Milestone {
        if (dueOn == null) {
            throw new org.anju.platform.BadInput("进度要求缺少日期");
        }
        if (indicatorCode == null && (workItem == null || workItem.isBlank()) && selection == null) {
            throw new org.anju.platform.BadInput("进度要求须指明指标、工作事项或项目范围");
        }
        if (thresholdPercent != null && (thresholdPercent.signum() <= 0 || thresholdPercent.compareTo(BigDecimal.valueOf(100)) > 0
                || thresholdPercent.stripTrailingZeros().scale() > 2)) {
            throw new org.anju.platform.BadInput("进度要求的比例应大于 0%、不超过 100%，最多两位小数：" + thresholdPercent.toPlainString() + "%");
        }
        if (selection != null && programCode == null) {
            throw new org.anju.platform.BadInput("按项目核对的进度要求须指明工程类别");
        }
    }

    /** The percent to reach: as stated, or — a requirement that names none ("全部开工", "完成") — all of it. */
    public BigDecimal threshold() {
        return thresholdPercent == null ? BigDecimal.valueOf(100) : thresholdPercent;
    }

    /** A requirement measured by figures or by a person. */
    public Milestone(Long id, LocalDate dueOn, String programCode, String indicatorCode, String workItem, String scope,
                     BigDecimal thresholdPercent, String quote) {
        this(id, dueOn, programCode, indicatorCode, workItem, scope, thresholdPercent, quote, null);
    }

    /**
     * The register projects a requirement is about and the stage they must reach.
     *
     * @param stageCode     PRELIMINARY_WORK, START, BASIC_COMPLETION, COMPLETION, ACCEPTANCE, DELIVERY or OCCUPANCY
     * @param measureCode   what is added up (UNIT 套, HOUSEHOLD 户, COMMUNITY 小区 …); null: projects are counted
     * @param years         the plan years of the projects (2021年结转 → 2021); never empty: a year is never assumed
     * @param placements    安置方式 the projects must have; empty: any
     * @param constructions 建设方式; empty: any
     * @param buildingTypes 楼型; empty: any
     */
    public record Selection(String stageCode, String measureCode, List<Integer> years, List<Placement> placements,
                            List<Construction> constructions, List<BuildingType> buildingTypes) {

        /** The sizes the register records. */
        public static final List<String> MEASURES = List.of("UNIT", "HOUSEHOLD", "COMMUNITY", "BUILDING", "AREA_10K_M2");

        public static final List<String> STAGES = List.of("PRELIMINARY_WORK", "START", "BASIC_COMPLETION", "COMPLETION",
                "ACCEPTANCE", "DELIVERY", "OCCUPANCY");

        public Selection {
            if (stageCode == null || !STAGES.contains(stageCode)) {
                throw new org.anju.platform.BadInput("按项目核对的进度要求须指明阶段（前期工作、开工、基本建成、完工、竣工验收、交付或分配入住），而不是："
                        + stageCode);
            }
            if (years == null || years.isEmpty()) {
                throw new org.anju.platform.BadInput("按项目核对的进度要求须指明项目年度（如 2021年结转 填 2021）");
            }
            if (measureCode != null && !MEASURES.contains(measureCode)) {
                throw new org.anju.platform.BadInput("按项目核对的计量应为套数、户数、小区个数、栋数或面积（或按项目个数），而不是：" + measureCode);
            }
            years = List.copyOf(years);
            placements = placements == null ? List.of() : List.copyOf(placements);
            constructions = constructions == null ? List.of() : List.copyOf(constructions);
            buildingTypes = buildingTypes == null ? List.of() : List.copyOf(buildingTypes);
        }

        /** 2021年、高层、异地建设安置: the selection in words, for pages and alerts. */
        public String text() {
            StringBuilder b = new StringBuilder(String.join("、", years.stream().map(y -> y + "年").toList()) + "项目");
            if (!placements.isEmpty()) {
                b.append("，").append(String.join("、", placements.stream().map(Placement::label).toList()));
            }
            if (!constructions.isEmpty()) {
                b.append("，").append(String.join("、", constructions.stream().map(Construction::label).toList()));
            }
            if (!buildingTypes.isEmpty()) {
                b.append("，").append(String.join("、", buildingTypes.stream().map(BuildingType::label).toList()));
            }
            return b.toString();
        }
    }
}
