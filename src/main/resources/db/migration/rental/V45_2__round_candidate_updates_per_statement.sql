-- A draw places every candidate of the round in one statement (20,000 rows for 3,000 dwellings in RentalBench): its
-- audit entry is now one per statement and round instead of one per row (V0_3).
select audit_updates_per_statement('rental_round_candidate');
