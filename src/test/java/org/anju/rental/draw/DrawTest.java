package org.anju.rental.draw;

import org.anju.platform.BadInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The lottery gives what the independent Python reference (docs/lottery/draw.py) gives, and nothing else. */
class DrawTest {

    record Vector(String name, List<String> numbers, String seed, String candidatesHash, String resultHash,
                  List<String> firstTen) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Vector> vectors() throws IOException {
        try (InputStream in = DrawTest.class.getResourceAsStream("/rental/draw/vectors.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .map(l -> l.split("\t"))
                    .map(f -> new Vector(f[0], List.of(f[1].split(",")), f[2], f[3], f[4], List.of(f[5].split(","))))
                    .toList();
        }
    }

    static Draw.Candidates of(List<String> numbers) {
        return Draw.candidates(numbers, i -> "第 " + (i + 1) + " 行");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void theOrderIsThePythonReferencesOrder(Vector v) {
        Draw.Candidates c = of(v.numbers());
        assertThat(c.hash()).isEqualTo(v.candidatesHash());
        Draw.Result r = Draw.run(c, v.seed());
        assertThat(r.order().subList(0, Math.min(10, r.order().size()))).isEqualTo(v.firstTen());
        assertThat(r.hash()).isEqualTo(v.resultHash());
        assertThat(r.order()).containsExactlyInAnyOrderElementsOf(v.numbers());
    }

    @Test
    void theSameListAndSeedGiveTheSameOrderAndAnyChangeAnother() {
        List<String> numbers = IntStream.rangeClosed(1, 200).mapToObj(i -> "SR" + i).toList();
        Draw.Result once = Draw.run(of(numbers), "2024-10-15 双色球 2024120期");
        Draw.Result again = Draw.run(of(numbers.reversed()), "2024-10-15 双色球 2024120期");
        assertThat(again.order()).isEqualTo(once.order());
        assertThat(again.hash()).isEqualTo(once.hash());

        Draw.Result otherSeed = Draw.run(of(numbers), "2024-10-15 双色球 2024121期");
        assertThat(otherSeed.order()).isNotEqualTo(once.order());

        // one household more: the list's hash changes, and with it every position
        List<String> more = new java.util.ArrayList<>(numbers);
        more.add("SR201");
        Draw.Candidates bigger = of(more);
        assertThat(bigger.hash()).isNotEqualTo(of(numbers).hash());
        assertThat(Draw.run(bigger, "2024-10-15 双色球 2024120期").order().subList(0, 20))
                .isNotEqualTo(once.order().subList(0, 20));
    }

    @Test
    void aPriorityGroupsRankIsItsMembersPlaceInTheOneOrder() {
        Draw.Result r = Draw.run(of(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j")),
                "福彩3D 2024年第285期 开奖号码 3 7 1");
        // the order is j,d,c,h,a,b,g,e,i,f (vectors.tsv); 低保 households are b, c, f, j
        assertThat(r.within(List.of("b", "c", "f", "j"))).containsExactly("j", "c", "b", "f");
        assertThat(r.position("h")).isEqualTo(4);
        assertThat(r.position("z")).isZero();
    }

    @Test
    void everyCandidateIsEquallyLikelyToComeFirst() {
        int[] first = new int[4];
        List<String> four = List.of("A", "B", "C", "D");
        for (int s = 0; s < 4000; s++) {
            first[four.indexOf(Draw.run(of(four), "seed-" + s).order().getFirst())]++;
        }
        // 1000 expected each; 4 standard deviations (≈ 27 each) either side
        assertThat(Arrays.stream(first)).allSatisfy(n -> assertThat(n).isBetween(890, 1110));
    }

    @Test
    void badListsAndSeedsAreRefusedSayingWhere() {
        assertThatThrownBy(() -> of(List.of("A1", "A 2"))).isInstanceOf(BadInput.class)
                .hasMessage("第 2 行的申请编号“A 2”不可用：只能由字母、数字、- 和 _ 组成，不超过 40 位");
        assertThatThrownBy(() -> of(List.of("A1", "A2", "A1"))).isInstanceOf(BadInput.class)
                .hasMessage("第 3 行的申请编号“A1”重复：每户只能出现一次");
        assertThatThrownBy(() -> of(List.of())).isInstanceOf(BadInput.class).hasMessageContaining("候选名单为空");
        Draw.Candidates c = of(List.of("A1", "A2"));
        assertThatThrownBy(() -> Draw.run(c, " 123")).isInstanceOf(BadInput.class)
                .hasMessageContaining("首尾不带空格");
        assertThatThrownBy(() -> Draw.run(c, "")).isInstanceOf(BadInput.class).hasMessageContaining("缺少随机种子");
    }
}
