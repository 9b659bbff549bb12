package org.anju.ledger.item;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One entry of an item's timeline: 交办, 报送进展, 申请销号, 退回, 销号, 督办. */
public record ItemEvent(int seq, String action, LedgerState state, LocalDate onDate, String text, OffsetDateTime at,
                        String by) {
}
