/**
 * 台账 engine (issue 13, part A): items of every kind (审计发现问题, 信访投诉, 棚改逾期未安置, 安置房逾期交付, 城市危房 C/D —
 * their fields are data, see {@link org.anju.ledger.kind}), 责任单位 per region and the accounts linked to them,
 * deadlines (a date, or N working days on the region's holiday calendar, or N calendar days), progress notes with
 * evidence files (in the database, SHA-256 checked, never deleted), 待整改 → 整改中 → 申请销号 → 已销号 (by the level
 * above) or 退回, overdue and due-soon alerts, 督办 notices with replies, and every item's timeline. Tables
 * {@code ledger_*} (migrations V50_x), all audited.
 *
 * <h2>What other modules may call</h2>
 * <ul>
 * <li>{@link org.anju.ledger.item.LedgerFigures} — the supervision API (the bulletin's): {@code counts(region, on)} by kind ×
 * state × 责任单位 as at a date, {@code overdue(region, on)}, {@code dueSoon(region, on)}, {@code rates(region)}
 * (整改率 = 已销号 ÷ 全部 per kind and unit, {@code null} — never 0 % — when there is no item). Records
 * {@code Count}, {@code Late}, {@code Rate}. Each method checks that the current actor reads the region.</li>
 * <li>{@link org.anju.ledger.item.Ledger} — items, units, files, 督办 (every method checks access itself);
 * {@link org.anju.ledger.item.LedgerImport} — the kind's workbook in and out.</li>
 * </ul>
 * Web: pages under {@code /ledger}, REST under {@code /api/ledger}; command line {@code ledger import|export|overdue}.
 */
@org.springframework.modulith.NamedInterface("item")
package org.anju.ledger.item;
