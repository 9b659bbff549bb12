-- A draw places every candidate of the round in one statement (20,000 rows for 3,000 dwellings in RentalBench):
-- its audit entry is one per statement and round instead of one per row (V0_3); and the rows keep half of each page
-- free, so that the update of their place (position, state, refusals: no index on them) stays on the page (HOT) and
-- does not add 20,000 entries to each of the table's three indexes.
select audit_updates_per_statement('rental_round_candidate');
alter table rental_round_candidate set (fillfactor = 50);
