-- A 台账 reminder's "已逾期 N 天" was stored when the reminder was made and never updated while it stayed open, and the
-- list page showed it as current (on the 20th, "已逾期 1 天"). The count is now made when the reminder is shown, from
-- due_on; the open rows lose the stored count so it is not said twice (guesses audit L1). A resolved row gets its detail
-- anew when it is opened again.
update reminder set detail = regexp_replace(detail, '(整改期限[0-9]+年[0-9]+月[0-9]+日)，已逾期 [0-9]+ 天', '\1')
 where kind = 'LEDGER_OVERDUE' and resolved_at is null;
