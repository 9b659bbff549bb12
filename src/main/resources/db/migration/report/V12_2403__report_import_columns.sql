-- The item columns a 月报 import read (guesses audit H2): an import sets the items its file has columns for and keeps
-- the month's other stored figures, so its answer names the columns it took — also when the same file sent again is
-- answered with that import's result (org.anju.report.ReportImport). Null for imports recorded before this column.
alter table report_import_done add column columns text[];
