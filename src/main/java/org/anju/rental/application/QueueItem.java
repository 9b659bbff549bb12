package org.anju.rental.application;

import java.time.LocalDate;

/**
 * An application waiting for an office: its current step, deadline and what is left.
 *
 * @param daysLeft working days (reviews) or days (notices) from today to the deadline, negative when past; null when
 *                 there is no deadline or it cannot be computed
 */
public record QueueItem(long id, String applicantName, String applicantIdNumber, String regionName, String countyName,
                        String guarantee, String programme, String status, String stepName, String stepKind,
                        String office, LocalDate since, LocalDate dueOn, Integer daysLeft, boolean overdue,
                        String dueNote) {
}
