package org.anju.ledger.item;

/**
 * An item was 销号 (in the closing transaction). The reminders resolve its "已逾期" at once, not at their next hourly
 * run — until then the unit and the level above were told an item already closed was late (absence audit D3).
 */
public record LedgerItemClosed(long itemId) {
}
