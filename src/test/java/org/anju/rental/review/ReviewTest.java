package org.anju.rental.review;

import org.anju.AnjuTest;
import org.anju.calendar.RegionCalendar;
import org.anju.calendar.WorkingDays;
import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.anju.region.Regions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 三审两公示 on the cities' flows as data (src/test/resources/rental/flows) and the State Council's holiday calendar:
 * OPERATIONS.md §11 scenarios 8–11.
 */
@AnjuTest
class ReviewTest {

    @Autowired
    WorkingDays workingDays;
    @Autowired
    Regions regions;

    RegionCalendar xuzhou;

    static ReviewFlow flow(String file) throws IOException {
        try (InputStream in = ReviewTest.class.getResourceAsStream("/rental/flows/" + file)) {
            return ReviewFlow.parse(file, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @BeforeEach
    void calendar() {
        xuzhou = workingDays.forRegion(regions.byCode("320300").orElseThrow());
    }

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void theStreetsFiveWorkingDaysRunOverNationalDay() throws IOException {
        Review r = Review.accept(flow("320300-公租房-低保特困.tsv"), d("2024-09-26")).review();
        assertThat(r.current().name()).isEqualTo("街道初审");
        // counted from the next day: 09-27, Sun 09-29 (worked), 09-30, 10-08, 10-09
        assertThat(r.due(xuzhou)).isEqualTo(d("2024-10-09"));
        assertThat(r.overdue(xuzhou, d("2024-10-09"))).isFalse();
        assertThat(r.overdue(xuzhou, d("2024-10-10"))).isTrue();
    }

    @Test
    void returningStopsTheClockAndTheCorrectedApplicationGetsTheDaysLeft() throws IOException {
        Review r = Review.accept(flow("320300-公租房-低保特困.tsv"), d("2024-09-26")).review();
        Review.Outcome back = r.decide(Review.Decision.RETURN, "缺少低保证复印件", d("2024-09-30"), xuzhou);
        // 09-27, 09-29, 09-30 used
        assertThat(back.entry().outcome()).isEqualTo("退回修改（已用 3 个工作日，时限暂停）");
        assertThat(back.review().due(xuzhou)).isNull();
        assertThat(back.review().overdue(xuzhou, d("2024-12-31"))).isFalse();
        Review.Outcome again = back.review().resubmit(d("2024-10-08"));
        assertThat(again.entry().outcome()).isEqualTo("补正后重新提交（剩余 2 个工作日）");
        assertThat(again.review().due(xuzhou)).isEqualTo(d("2024-10-10")); // 10-09, 10-10
        assertThatThrownBy(() -> r.decide(Review.Decision.RETURN, " ", d("2024-09-30"), xuzhou))
                .isInstanceOf(BadInput.class).hasMessage("退回修改须写明要补正的内容");
    }

    @Test
    void anObjectionIsVerifiedBeforeTheApplicationGoesOn() throws IOException {
        Review street = Review.accept(flow("320300-公租房-低保特困.tsv"), d("2024-09-26")).review();
        Review notice = street.decide(Review.Decision.APPROVE, null, d("2024-10-08"), xuzhou).review();
        assertThat(notice.current().name()).isEqualTo("社区公示");
        assertThat(notice.due(xuzhou)).isEqualTo(d("2024-10-18")); // 10 days from 10-09
        assertThatThrownBy(() -> notice.endNotice(d("2024-10-18"))).isInstanceOf(Conflict.class)
                .hasMessage("社区公示至 2024-10-18 结束，期满后才能进入下一步");
        assertThatThrownBy(() -> notice.decide(Review.Decision.APPROVE, null, d("2024-10-10"), xuzhou))
                .isInstanceOf(Conflict.class).hasMessageContaining("不在审核步骤");

        Review objected = notice.object("申请人在市区另有住房一套", d("2024-10-12")).review();
        assertThatThrownBy(() -> objected.endNotice(d("2024-10-19"))).isInstanceOf(Conflict.class);
        Review.Outcome dismissed = objected.resolve(false, "经不动产登记查询，该房屋已于2019年出售", d("2024-10-15"));
        assertThat(dismissed.entry().outcome()).isEqualTo("异议不成立，公示继续");
        Review.Outcome next = dismissed.review().endNotice(d("2024-10-19"));
        assertThat(next.entry().outcome()).isEqualTo("公示期满无异议，转区民政核对收入");

        Review.Outcome upheld = objected.resolve(true, "经查申请人名下有住房一套（80平方米）", d("2024-10-15"));
        assertThat(upheld.review().status()).isEqualTo(Review.Status.REJECTED);
        assertThat(upheld.entry().reason()).isEqualTo("经查申请人名下有住房一套（80平方米）");
    }

    @Test
    void theLastStepQualifiesAndBlacklistingClosesAtAnyStep() throws IOException {
        ReviewFlow f = flow("320300-公租房-低保特困.tsv");
        Review r = Review.accept(f, d("2024-09-26")).review()
                .decide(Review.Decision.APPROVE, null, d("2024-09-27"), xuzhou).review()
                .endNotice(d("2024-10-08")).review();
        assertThat(r.current().name()).isEqualTo("区民政核对收入");
        Review.Outcome fraud = r.decide(Review.Decision.BLACKLIST, "隐瞒家庭收入，提供虚假证明", d("2024-10-09"), xuzhou);
        assertThat(fraud.review().status()).isEqualTo(Review.Status.BLACKLISTED);
        assertThat(fraud.review().ahead()).isEmpty();

        Review city = r.decide(Review.Decision.APPROVE, null, d("2024-10-09"), xuzhou).review()
                .decide(Review.Decision.APPROVE, null, d("2024-10-10"), xuzhou).review();
        assertThat(city.current().name()).isEqualTo("市住房保障中心备案");
        assertThat(city.due(xuzhou)).as("the city sets no limit: none shown, none guessed").isNull();
        Review.Outcome done = city.decide(Review.Decision.APPROVE, null, d("2024-10-11"), xuzhou);
        assertThat(done.review().status()).isEqualTo(Review.Status.QUALIFIED);
        assertThat(done.entry().outcome()).isEqualTo("通过，审核完成，纳入轮候");
    }

    @Test
    void aFlowMustSayHowItCountsAndWhatKindOfDays() {
        String head = "城市\t1\n项目\tX\n名称\t测试\n来源\t测试\n";
        assertThatThrownBy(() -> ReviewFlow.parse("f.tsv", head + "步骤\tL1\t初审\t街道\t审核\t5\t工作日\n"))
                .isInstanceOf(BadInput.class).hasMessageStartingWith("f.tsv：缺少“起算”行");
        assertThatThrownBy(() -> ReviewFlow.parse("f.tsv", head + "起算\t次日\n步骤\tL1\t初审\t街道\t审核\t5\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 6 行第 7 列：写明“工作日”还是“日”");
        assertThatThrownBy(() -> ReviewFlow.parse("f.tsv", head + "起算\t次日\n步骤\tL1\t初审\t街道\t审核\n步骤\tN1\t公示\t社区\t公示\n"))
                .isInstanceOf(BadInput.class).hasMessage("f.tsv 第 7 行：公示必须写明天数");
        assertThatThrownBy(() -> ReviewFlow.parse("f.tsv", head + "起算\t次日\n步骤\tL1\t初审\t区\t审核\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 6 行第 4 列：层级“区”不认识");
        assertThatThrownBy(() -> ReviewFlow.parse("f.tsv", head + "起算\t次日\n步骤\tL1\t初审\t\t审核\n"))
                .isInstanceOf(BadInput.class).hasMessageContaining("第 6 行第 4 列：层级“”不认识");
    }
}
