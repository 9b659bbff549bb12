/**
 * 台账种类: what differs between kinds of ledger items, as data. One definition file per kind under
 * {@code src/main/resources/ledger/kinds/*.tsv} (field code, Chinese label, type, required, value lists, the deadline
 * rule, due-soon days, statutory limits, flags), each citing its source in its header; {@link org.anju.ledger.kind.Kinds}
 * reads them once and refuses a malformed file by line and column.
 */
package org.anju.ledger.kind;
