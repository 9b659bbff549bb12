package org.anju.bulletin;

import org.anju.region.RegionKind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What each part of a bulletin states, as {@link BulletinComposer} computes it from the roll-ups and the checks and
 * {@link BulletinProse} puts it into words. Figures are as the roll-up has them: null is "no such figure" (its clause
 * is left out, or — is printed where the sentence needs one), never 0; a rate is the roll-up's own, null without a
 * target. A unit that did not report has no figures here, only its name in an {@code unreported} list.
 */
final class BulletinFigures {

    private BulletinFigures() {
    }

    /** The year and month of the bulletin, and its name for its region (全市). */
    record Scope(int year, int month, String label) {
    }

    /**
     * An amount and its rate.
     *
     * @param rateUnfilled no rate because a unit that reported left the amount or its base blank
     *                     ({@link org.anju.progress.ProgressLine#rateUnfilled}): the text says why, not "—"
     */
    record Count(BigDecimal amount, BigDecimal rate, boolean rateUnfilled) {

        Count(BigDecimal amount, BigDecimal rate) {
            this(amount, rate, false);
        }
    }

    /** How many of the region's reporting units are in the sums; a total over fewer than all says so. */
    record Reporting(int reported, int expected) {

        boolean partial() {
            return reported < expected;
        }
    }

    /** Title block: {@code cityLevel} when a 市本级 is among the units addressed. */
    /**
     * The title block's facts. {@code units}: the last characters of the names of the units addressed, from the region
     * data ({@link BulletinProse#unitsKey}): 县区 for 张掖市, 州 for 甘肃省, empty for 江西省 (only 设区市).
     */
    record Header(Scope scope, RegionKind kind, boolean cityLevel, String units) {

        Header(Scope scope, RegionKind kind, boolean cityLevel) {
            this(scope, kind, cityLevel, "");
        }
    }

    // ----------------------------------------------------------------------------------- 目标任务及进展情况

    /**
     * A housing program's section (城镇老旧小区改造, 保障性租赁住房, 城市棚户区改造 …).
     *
     * @param catalogName         the program's name in the indicator catalog (the wording may name it otherwise)
     * @param plannedInvestment   计划投资, 万元
     * @param communitiesTarget   小区 to renovate (old communities only)
     * @param target              the year's 开工 task
     * @param projects            the register's projects of the year, 0 when none
     * @param total               the region's progress, null when none of its units reported
     * @param unreported          units with a task that did not report
     * @param carriedOver         units whose carried-over projects (续建结转) reached the next stage this year
     */
    record Program(String code, String catalogName, Scope scope, BigDecimal plannedInvestment,
                   BigDecimal communitiesTarget, BigDecimal target, int projects, Reporting reporting,
                   ProgramProgress total, List<ProgramUnit> units, List<String> unreported,
                   List<CarriedOver> carriedOver) {

        /** The size of all carried-over projects together. */
        BigDecimal carriedOverSize() {
            return carriedOver.stream().map(CarriedOver::size).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    /**
     * Progress to date.
     *
     * @param communities 小区 started (old communities only), or null
     * @param started     开工 (0 when none reported) and 开工率
     * @param investment  完成投资 and its rate, null when not reported
     * @param stage       基本建成 (完工 for old communities) and its rate, null without a task for it
     */
    record ProgramProgress(BigDecimal communities, Count started, Count investment, Count stage) {
    }

    record ProgramUnit(String name, ProgramProgress progress) {
    }

    /** A unit's 续建结转: the size of its carried-over projects, how much reached the stage, whether all did. */
    record CarriedOver(String region, BigDecimal size, BigDecimal completed, boolean allCompleted) {
    }

    /**
     * 住房租赁补贴.
     *
     * @param target         households to pay this year, or null
     * @param total          what the region paid; null when none of its units reported — or all that did left 已发放户数
     *                       blank ({@code reporting} tells which)
     * @param paying         how many units paid any household
     * @param notOnline      paying units that do not pay every household online (a figure below 已发放户数)
     * @param onlineReported whether the region reports online payments at all
     * @param unfilled       the units that reported and left 已发放户数 blank (未填, never "发放0户")
     * @param onlineUnfilled the paying units that left 其中线上发放户数 blank: neither online nor not
     * @param onlinePartly   the paying units (a province's cities) some of whose own units left it blank: not known
     *                       either way, and never "均实现了线上发放" (review 26 M5)
     */
    record Subsidy(Scope scope, BigDecimal target, Reporting reporting, SubsidyTotal total, List<SubsidyUnit> units,
                   List<String> unreported, int paying, List<String> notOnline, boolean onlineReported,
                   List<String> unfilled, List<String> onlineUnfilled, List<String> onlinePartly) {

        Subsidy(Scope scope, BigDecimal target, Reporting reporting, SubsidyTotal total, List<SubsidyUnit> units,
                List<String> unreported, int paying, List<String> notOnline, boolean onlineReported) {
            this(scope, target, reporting, total, units, unreported, paying, notOnline, onlineReported, List.of(), List.of(),
                    List.of());
        }
    }

    /** @param amount 发放金额, 万元, or null */
    record SubsidyTotal(Count issued, BigDecimal amount) {
    }

    record SubsidyUnit(String name, Count issued) {
    }

    /**
     * 资金争取使用: funds received (到位), disbursed (拨付) and spent (支出), 万元.
     *
     * @param sources   received by named source (中央补助 …), without 未分来源
     * @param disbursed null when not reported; so is {@code spent}
     * @param unfilled  the units that reported 拨付 or 支出 and left 到位资金 blank
     */
    record Funds(Scope scope, Reporting reporting, BigDecimal received, List<Source> sources, Count disbursed,
                 Count spent, List<FundUnit> units, List<String> unreported, List<String> unfilled) {

        Funds(Scope scope, Reporting reporting, BigDecimal received, List<Source> sources, Count disbursed,
              Count spent, List<FundUnit> units, List<String> unreported) {
            this(scope, reporting, received, sources, disbursed, spent, units, unreported, List.of());
        }
    }

    record Source(String name, BigDecimal amount) {
    }

    /** @param disbursed null when not reported */
    record FundUnit(String name, BigDecimal received, Count disbursed) {
    }

    /** 公租房信息系统录入. */
    record Entry(Scope scope, List<EntryUnit> units) {
    }

    /**
     * @param added   新增保障家庭, null when the unit left it blank (未填, never 0)
     * @param entered households entered in the system, null when left blank; {@code entryRate} its rate
     * @param vacated 腾退 found, or null
     * @param allocationRate 公租房分配率 from the unit's stock records, or null when it keeps none here; {@code occupancyRate} 入住率
     * @param partlyUnfilled units below it left 信息录入 or 新增 blank where the other is filled: no 录入率, no 全部录入
     */
    record EntryUnit(String name, BigDecimal added, BigDecimal entered, BigDecimal entryRate, BigDecimal vacated,
                     BigDecimal allocationRate, BigDecimal occupancyRate, boolean partlyUnfilled) {

        EntryUnit(String name, BigDecimal added, BigDecimal entered, BigDecimal entryRate, BigDecimal vacated,
                  BigDecimal allocationRate, BigDecimal occupancyRate) {
            this(name, added, entered, entryRate, vacated, allocationRate, occupancyRate, false);
        }

        EntryUnit(String name, BigDecimal added, BigDecimal entered, BigDecimal entryRate, BigDecimal vacated) {
            this(name, added, entered, entryRate, vacated, null, null);
        }

        /** Entered as many as added — not said where units below left one of the two blank: sums of different units. */
        boolean allEntered() {
            return !partlyUnfilled && entered != null && added != null && entered.compareTo(added) >= 0;
        }
    }

    // ------------------------------------------------------------------------------------------ 存在的问题

    /**
     * The problems the checks found, each list empty when none.
     *
     * @param averageDisbursement the region's 拨付率, which {@code belowAverage} units are below
     * @param missing             units that did not report the month
     */
    record Problems(Scope scope, BigDecimal averageDisbursement, List<RatedUnit> belowAverage, List<Stalled> stalled,
                    List<Overdue> overdue, List<Lagging> lagging, List<Milestone> milestones, List<String> missing,
                    List<Area> missingAreas, List<Area> laggingAreas) {

        Problems(Scope scope, BigDecimal averageDisbursement, List<RatedUnit> belowAverage, List<Stalled> stalled,
                 List<Overdue> overdue, List<Lagging> lagging, List<Milestone> milestones, List<String> missing) {
            this(scope, averageDisbursement, belowAverage, stalled, overdue, lagging, milestones, missing, List.of(), List.of());
        }
    }

    /**
     * How many of the units named in a list lie in one area (the scope's unit containing them: a province of the
     * national bulletin): what a list too long to print names instead ({@code list.limit}).
     */
    record Area(String name, int count) {
    }

    record RatedUnit(String name, BigDecimal rate) {
    }

    /** A project that does not move, and why. */
    record Stalled(String region, String name, boolean carriedOver, List<String> reasons) {
    }

    /** @param where the unit as printed before the project: its name, or "" (市本级, or the name says it) */
    record Overdue(String where, String name, String size, LocalDate dueOn) {
    }

    /** A unit's rate below the 序时进度 ({@code expected}), and what that schedule is ({@code basis}). */
    /** {@code basis}: a plan's stricter 进度要求, or null for the time-elapsed schedule (month/12). */
    record Lagging(String region, String indicator, String rateName, BigDecimal rate, BigDecimal expected, String basis) {
    }

    /** A plan's 进度要求 missed: {@code threshold} percent by {@code dueOn}. */
    record Milestone(String region, String indicator, LocalDate dueOn, BigDecimal threshold, BigDecimal rate,
                     String plan) {
    }

    /** Section (七): the audit and petition items of the ledgers as they stood at the month's end. */
    record Ledgers(Scope scope, List<AuditItem> audits, List<PetitionItem> petitions) {
    }

    /** An audit item: {@code measures} and {@code note} null when not stated; {@code state} the state's label then. */
    record AuditItem(String title, String measures, String note, java.time.LocalDate deadline, String state, boolean closed,
                     boolean overdue) {
    }

    /** A petition: closed (in time or late) or open with its 责任单位 (null: none named yet), region-prefixed. */
    record PetitionItem(String region, String title, String unit, boolean closed, boolean inTime) {
    }

    /** Problem 三: an audit or petition item open and past its deadline at the month's end. */
    record LateItem(boolean audit, String region, String unit, String title, java.time.LocalDate deadline) {
    }
}
