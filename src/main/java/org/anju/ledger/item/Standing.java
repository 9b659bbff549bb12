package org.anju.ledger.item;

import java.time.LocalDate;

/**
 * An item as it stood on a day (a bulletin's month end): its state then (the last timeline entry dated on or before
 * it), its alert then, and its latest progress note dated on or before it (null when none).
 */
public record Standing(Item item, LocalDate on, LedgerState state, Alert alert, String lastNote, LocalDate lastNoteOn) {
}
