-- What a direct import asked besides the file (review of the twenty-third session, M1): the same file sent again with
-- another 文号, title, target plan or column choice is another request, not a repeat of the first
-- (org.anju.plan.imports.PlanImporter.justCommitted). Null for previews and for batches before this.
alter table import_batch add column if not exists options_digest text;
