package org.anju.rental.application;

import org.anju.rental.household.Guarantee;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An application as pages and the API show it, with its timeline. Names and ID numbers are masked.
 *
 * @param stepOffice   the office whose step it is (the region's name and the role that decides), null when closed
 * @param dueOn        the last day of the current step; null when the city sets no limit, the clock is stopped or the
 *                     calendar cannot say ({@code dueNote} then says why)
 * @param daysLeft     working days (reviews) or days (notices) from today to {@code dueOn}; negative when overdue
 * @param checks       what the eligibility check at 受理 found, every criterion
 * @param steps        the steps of the city's flow with their state
 */
public record ApplicationView(long id, long householdId, String applicantName, String applicantIdNumber,
                              String regionCode, String regionName, String countyCode, String countyName,
                              String cityCode, String cityName, Guarantee guarantee, String programme,
                              String rulesName, String flowName, LocalDate appliedOn, ApplicationStatus status,
                              String stepCode, String stepName, String stepKind, String stepOffice, LocalDate stepSince,
                              LocalDate dueOn, Integer daysLeft, boolean overdue, String dueNote, String certificateNo,
                              LocalDate closedOn, int version, List<Check> checks, List<StepView> steps,
                              List<Event> events, List<Objection> objections, Actions actions) {

    public ApplicationView {
        checks = List.copyOf(checks);
        steps = List.copyOf(steps);
        events = List.copyOf(events);
        objections = List.copyOf(objections);
    }

    public String statusLabel() {
        return status.label();
    }

    public String guaranteeLabel() {
        return guarantee.label();
    }

    /** One criterion of the rule set: HOLDS, FAILS, MISSING or NOT_APPLICABLE, the household's figure, the reason. */
    public record Check(String code, String label, String outcome, String value, String reason, String clause) {
    }

    /**
     * A step of the flow: done, current or ahead.
     *
     * @param state DONE, CURRENT or AHEAD
     */
    public record StepView(String code, String name, String kind, String level, String limit, String office,
                           LocalDate startedOn, LocalDate dueOn, LocalDate endedOn, String state) {
    }

    /** The timeline. */
    public record Event(String kind, String step, String outcome, String reason, LocalDate on, String actor,
                        Instant at) {
    }

    /** What the current user may do now (for the page's buttons; the services check again). */
    public record Actions(boolean decide, boolean resubmit, boolean object, boolean resolve, boolean endNotice,
                          boolean certificate) {
    }
}
