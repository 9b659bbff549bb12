package org.anju.rental.allocation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An allocation round as pages, the API and the public notice show it: names and ID numbers masked, the 申请编号
 * (资格证号) in full because the draw is re-run from them.
 *
 * @param verifyCommand the command anyone runs to re-check the draw, null before the draw
 */
public record RoundView(long id, String countyCode, String countyName, String name, String rules, String method,
                        String refusalsAllowed, String onExcess, String status, String statusLabel, String candidatesHash,
                        int candidateCount, String candidateGroup, Instant publishedAt, String seedSource,
                        LocalDate seedDue, String seed, String resultHash, Instant drawnAt, List<DwellingOffer> dwellings,
                        List<Candidate> candidates, List<Event> events, List<Stage> stages, String verifyCommand,
                        int version) {

    public RoundView {
        dwellings = List.copyOf(dwellings);
        candidates = List.copyOf(candidates);
        events = List.copyOf(events);
        stages = List.copyOf(stages);
    }

    /** A dwelling offered, and the household that chose it (申请编号), if any. */
    public record DwellingOffer(long id, String label, String layout, java.math.BigDecimal floorArea, String status,
                                String chosenBy) {
    }

    /** A candidate: its place on the waiting list when the list was frozen, its place in the round, its state. */
    public record Candidate(long householdId, String number, String name, String idNumber, int listPosition,
                            Integer position, String state, String stateLabel, int refusals) {
    }

    public record Event(int seq, String number, String kind, String what, LocalDate on, String by) {
    }

    /** 名单公示 → 种子公布 → 摇号 → 结果公示 → 选房: whether done, and what it says. */
    public record Stage(String name, boolean done, String text) {
    }
}
