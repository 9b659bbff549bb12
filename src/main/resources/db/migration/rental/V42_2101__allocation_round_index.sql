-- A round's allocations (配租结果: every round's page, each of the rounds listed, each choice) are read by round_id, which
-- no index served: the partial unique indexes on household and dwelling hold only the allocations in force, and a
-- round's list includes the cancelled ones. So every round view read the whole national table, with analyzed
-- statistics too (the twentieth session's by-id probe, docs/reviews/2026-12-03-byid-reads.md, residual 2;
-- RoundsByIdWithoutStatisticsTest).
create index rental_allocation_round on rental_allocation (round_id);
