package org.anju.rental.allocation;

import org.anju.platform.BadInput;
import org.anju.platform.Conflict;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One allocation round (配租批次) after its order is fixed — by the draw, or by score: the first households, as many
 * as there are dwellings, may choose (待选房), the others wait in order (候选). A household that gives up makes room
 * for the next 候选; one that refuses the dwellings offered as often as the city allows loses its place
 * (OPERATIONS.md §4.2; Xuzhou's procedure). Immutable: every step returns the new round and what happened, so the
 * history can be written as it is and replayed.
 *
 * @param refusalsAllowed refusals a household may make and keep its place (city's rule); null: no limit set
 */
public record Round(int dwellings, List<String> order, Map<String, Place> places, Integer refusalsAllowed) {

    public Round {
        order = List.copyOf(order);
        places = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(places));
    }

    public enum State {
        /** 待选房: may choose a dwelling. */
        SELECTED("待选房"),
        /** 候选: waits for a place to free up. */
        WAITING("候选"),
        /** 已选房: chose a dwelling, lease to follow. */
        CHOSE("已选房"),
        /** 放弃: gave up its place in this round. */
        GAVE_UP("放弃"),
        /** 取消资格: refused more often than allowed. */
        DISQUALIFIED("取消资格");

        private final String label;

        State(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A household's place: its position in the order, its state, its refusals so far. */
    public record Place(int position, State state, int refusals) {
    }

    /** What a step did, in the words of the household's history (OPERATIONS.md §3 申请变更). */
    public record Event(String number, String what) {
    }

    public record Step(Round round, List<Event> events) {
    }

    /**
     * Opens the round: with no more households than dwellings there is nothing to draw, everybody chooses.
     */
    public static Step open(int dwellings, List<String> order, Integer refusalsAllowed) {
        if (dwellings < 1) {
            throw new BadInput("配租房源套数应为正整数，不是 " + dwellings);
        }
        if (order.isEmpty()) {
            throw new BadInput("本批次没有轮候家庭");
        }
        Map<String, Place> places = new LinkedHashMap<>();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            boolean in = i < dwellings;
            places.put(order.get(i), new Place(i + 1, in ? State.SELECTED : State.WAITING, 0));
            events.add(new Event(order.get(i), in ? "摇号成功（待选房）" : "摇号未中（候选第 " + (i + 1 - dwellings) + " 位）"));
        }
        return new Step(new Round(dwellings, order, places, refusalsAllowed), events);
    }

    /** Whether a draw was needed at all: more households than dwellings. */
    public boolean drawn() {
        return order.size() > dwellings;
    }

    /** The household chose a dwelling. */
    public Step chose(String number) {
        Place p = selected(number, "选房");
        return new Step(with(number, new Place(p.position(), State.CHOSE, p.refusals())),
                List.of(new Event(number, "已选房")));
    }

    /** The household gives up its place: the first 候选 moves up. */
    public Step gaveUp(String number) {
        Place p = selected(number, "放弃");
        Round r = with(number, new Place(p.position(), State.GAVE_UP, p.refusals()));
        List<Event> events = new ArrayList<>(List.of(new Event(number, "摇号放弃")));
        return r.promote(events);
    }

    /**
     * The household refuses the dwellings offered. Within the city's allowance it keeps its place; beyond it, it
     * is disqualified and the next 候选 moves up.
     */
    public Step refused(String number) {
        Place p = selected(number, "拒绝配租");
        int refusals = p.refusals() + 1;
        if (refusalsAllowed == null || refusals <= refusalsAllowed) {
            return new Step(with(number, new Place(p.position(), State.SELECTED, refusals)),
                    List.of(new Event(number, "拒绝配租（第 " + refusals + " 次）")));
        }
        Round r = with(number, new Place(p.position(), State.DISQUALIFIED, refusals));
        List<Event> events = new ArrayList<>(List.of(new Event(number,
                "拒绝配租 " + refusals + " 次，超过规定的 " + refusalsAllowed + " 次，取消本轮资格")));
        return r.promote(events);
    }

    private Step promote(List<Event> events) {
        for (String n : order) {
            Place q = places.get(n);
            if (q.state() == State.WAITING) {
                events.add(new Event(n, "递补（待选房）"));
                return new Step(with(n, new Place(q.position(), State.SELECTED, q.refusals())), events);
            }
        }
        return new Step(this, events); // nobody left waiting: the dwelling stays for the next round
    }

    private Place selected(String number, String action) {
        Place p = places.get(number);
        if (p == null) {
            throw new BadInput("申请编号 " + number + " 不在本批次的轮候名单中");
        }
        if (p.state() != State.SELECTED) {
            throw new Conflict(number + " 现为“" + p.state().label() + "”，不能" + action + "：只有待选房的家庭可以");
        }
        return p;
    }

    private Round with(String number, Place p) {
        Map<String, Place> m = new LinkedHashMap<>(places);
        m.put(number, p);
        return new Round(dwellings, order, m, refusalsAllowed);
    }

    public List<String> in(State state) {
        return order.stream().filter(n -> places.get(n).state() == state).toList();
    }
}
