package org.anju.rental.allocation;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.anju.rental.allocation.Round.State.CHOSE;
import static org.anju.rental.allocation.Round.State.DISQUALIFIED;
import static org.anju.rental.allocation.Round.State.GAVE_UP;
import static org.anju.rental.allocation.Round.State.SELECTED;
import static org.anju.rental.allocation.Round.State.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OPERATIONS.md §11 scenarios 13 and 14, and the refusal rule. */
class RoundTest {

    @Test
    void theFirstAsManyAsThereAreDwellingsChooseAndAGivenUpPlaceGoesToTheNext() {
        Round.Step open = Round.open(2, List.of("A", "B", "C", "D"), null);
        assertThat(open.round().drawn()).isTrue();
        assertThat(open.round().in(SELECTED)).containsExactly("A", "B");
        assertThat(open.round().in(WAITING)).containsExactly("C", "D");
        assertThat(open.events()).extracting(Round.Event::what)
                .containsExactly("摇号成功（待选房）", "摇号成功（待选房）", "摇号未中（候选第 1 位）", "摇号未中（候选第 2 位）");

        Round.Step gaveUp = open.round().gaveUp("A");
        assertThat(gaveUp.events()).containsExactly(new Round.Event("A", "摇号放弃"), new Round.Event("C", "递补（待选房）"));
        assertThat(gaveUp.round().in(SELECTED)).containsExactly("B", "C");
        assertThat(gaveUp.round().in(GAVE_UP)).containsExactly("A");
        assertThat(gaveUp.round().in(WAITING)).containsExactly("D");
        // the round before is unchanged: steps can be replayed from the history
        assertThat(open.round().in(SELECTED)).containsExactly("A", "B");
    }

    @Test
    void withNoMoreHouseholdsThanDwellingsEverybodyChoosesWithoutADraw() {
        Round.Step open = Round.open(5, List.of("A", "B", "C"), null);
        assertThat(open.round().drawn()).isFalse();
        assertThat(open.round().in(SELECTED)).containsExactly("A", "B", "C");
        Round.Step gaveUp = open.round().gaveUp("B");
        assertThat(gaveUp.events()).containsExactly(new Round.Event("B", "摇号放弃")); // nobody to move up
    }

    @Test
    void aHouseholdRefusingMoreOftenThanAllowedLosesItsPlace() {
        Round r = Round.open(1, List.of("A", "B"), 1).round();
        Round.Step first = r.refused("A");
        assertThat(first.events()).containsExactly(new Round.Event("A", "拒绝配租（第 1 次）"));
        assertThat(first.round().in(SELECTED)).containsExactly("A");
        Round.Step second = first.round().refused("A");
        assertThat(second.events()).containsExactly(
                new Round.Event("A", "拒绝配租 2 次，超过规定的 1 次，取消本轮资格"), new Round.Event("B", "递补（待选房）"));
        assertThat(second.round().in(DISQUALIFIED)).containsExactly("A");
        assertThat(second.round().chose("B").round().in(CHOSE)).containsExactly("B");
    }

    @Test
    void onlyAHouseholdThatMayChooseCanChooseGiveUpOrRefuse() {
        Round r = Round.open(1, List.of("A", "B"), null).round();
        assertThatThrownBy(() -> r.chose("B")).isInstanceOf(Conflict.class)
                .hasMessage("B 现为“候选”，不能选房：只有待选房的家庭可以");
        assertThatThrownBy(() -> r.gaveUp("X")).isInstanceOf(BadInput.class)
                .hasMessage("申请编号 X 不在本批次的轮候名单中");
        assertThatThrownBy(() -> Round.open(0, List.of("A"), null)).isInstanceOf(BadInput.class);
    }
}
