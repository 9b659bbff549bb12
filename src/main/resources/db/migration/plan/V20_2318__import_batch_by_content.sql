-- A user's committed imports by the file's content (double-submit trial 2026-12-04, defect 11): the same file sent again
-- to POST /api/imports (or `plan import`) by the same user within minutes of its commit is answered with that import's
-- result (org.anju.plan.imports.PlanImporter.justCommitted), looked up by this index rather than by every batch's row.
-- (V20_2318: import_batch.created_by comes from account/V20_1; 2318, not 2311, to stay clear of other branches' V20 fixes)
create index import_batch_by_content on import_batch (created_by, sha256, committed_at) where status = 'COMMITTED';
