package org.anju.ledger.expropriation;

import org.anju.calendar.Counting;
import org.anju.ledger.expropriation.Reg590.Stage;
import org.anju.ledger.expropriation.Reg590.Step;
import org.anju.platform.Conflict;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The regulation's checks without a database: day counting both ways, the hearing rule, the order of steps. */
class Reg590Test {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static Step plan(String from, String to) {
        return new Step(Stage.PLAN_PUBLISHED, d(from), d(to), null, null, null);
    }

    @Test
    void thirtyDaysCountedAsTheProjectSays() {
        Map<Stage, Step> none = new EnumMap<>(Stage.class);
        // 开始的当日计入: 3月1日—3月30日 is 30 days
        assertThatNoException().isThrownBy(() -> Reg590.check(ProjectType.OTHER, Counting.START_SAME_DAY, none,
                plan("2025-03-01", "2025-03-30"), TODAY, 0));
        assertThatThrownBy(() -> Reg590.check(ProjectType.OTHER, Counting.START_SAME_DAY, none,
                plan("2025-03-01", "2025-03-29"), TODAY, 0)).isInstanceOf(Conflict.class).hasMessageContaining("最早为2025年3月30日");
        // 开始的当日不计入 (民法典第二百零一条): the same dates are 29 days
        assertThatThrownBy(() -> Reg590.check(ProjectType.OTHER, Counting.START_NEXT_DAY, none,
                plan("2025-03-01", "2025-03-30"), TODAY, 0)).isInstanceOf(Conflict.class).hasMessageContaining("计为 29 日");
        assertThat(Reg590.days(d("2020-07-24"), d("2020-09-21"), Counting.START_SAME_DAY)).isEqualTo(60);   // 柳州 签约期限 六十日
        assertThat(Reg590.days(d("2023-04-06"), d("2023-05-05"), Counting.START_SAME_DAY)).isEqualTo(30);   // 普陀 30 天
    }

    @Test
    void hearingOnlyWhenOldTownAndMostObject() {
        Map<Stage, Step> done = new EnumMap<>(Stage.class);
        done.put(Stage.PLAN_PUBLISHED, plan("2025-03-01", "2025-03-31"));
        done.put(Stage.COMMENTS_PUBLISHED, new Step(Stage.COMMENTS_PUBLISHED, d("2025-04-02"), null, null, null, true));
        done.put(Stage.RISK_ASSESSMENT, new Step(Stage.RISK_ASSESSMENT, d("2025-04-03"), null, null, "低风险", null));
        done.put(Stage.FUNDS, new Step(Stage.FUNDS, d("2025-04-03"), null, "专户", null, null));
        Step decision = new Step(Stage.DECISION, d("2025-04-10"), d("2025-04-11"), "某府征字〔2025〕1号", null, null);
        assertThat(Reg590.hearingRequired(ProjectType.OLD_TOWN, done)).isTrue();
        assertThat(Reg590.hearingRequired(ProjectType.AFFORDABLE_HOUSING, done)).isFalse();
        assertThatThrownBy(() -> Reg590.check(ProjectType.OLD_TOWN, Counting.START_NEXT_DAY, done, decision, TODAY, 0))
                .isInstanceOf(Conflict.class).hasMessageContaining("听证会");
        assertThatNoException().isThrownBy(() -> Reg590.check(ProjectType.AFFORDABLE_HOUSING, Counting.START_NEXT_DAY, done,
                decision, TODAY, 0));
        // the decision cannot precede the funds
        done.put(Stage.FUNDS, new Step(Stage.FUNDS, d("2025-04-12"), null, "专户", null, null));
        assertThatThrownBy(() -> Reg590.check(ProjectType.AFFORDABLE_HOUSING, Counting.START_NEXT_DAY, done, decision, TODAY, 0))
                .isInstanceOf(Conflict.class).hasMessageContaining("补偿费用足额到位");
    }

    @Test
    void signingPeriodNeedsTheAnnouncementSurveyAndValuer() {
        Map<Stage, Step> done = new EnumMap<>(Stage.class);
        done.put(Stage.DECISION, new Step(Stage.DECISION, d("2025-04-10"), d("2025-04-11"), "文号", null, null));
        Step period = new Step(Stage.SIGNING_PERIOD, d("2025-04-20"), d("2025-05-19"), null, null, null);
        assertThatThrownBy(() -> Reg590.check(ProjectType.OTHER, Counting.START_NEXT_DAY, done, period, TODAY, 0))
                .isInstanceOf(Conflict.class).hasMessageContaining("调查登记结果公布");
        done.put(Stage.SURVEY_PUBLISHED, new Step(Stage.SURVEY_PUBLISHED, d("2025-04-15"), null, null, null, null));
        done.put(Stage.VALUER_CHOSEN, new Step(Stage.VALUER_CHOSEN, d("2025-04-16"), null, "机构", "随机选定", null));
        assertThatThrownBy(() -> Reg590.check(ProjectType.OTHER, Counting.START_NEXT_DAY, done,
                new Step(Stage.SIGNING_PERIOD, d("2025-04-10"), d("2025-05-19"), null, null, null), TODAY, 0))
                .isInstanceOf(Conflict.class).hasMessageContaining("公告日期");
        assertThatNoException().isThrownBy(() -> Reg590.check(ProjectType.OTHER, Counting.START_NEXT_DAY, done, period, TODAY, 0));
    }
}
