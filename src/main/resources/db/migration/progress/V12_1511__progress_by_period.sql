-- Reading one month across many regions (issue 15, second session). The keys of these tables start with the region,
-- so "which of the nation's 2,850 units reported in June" or "every county's 开工 in June" was one index descent per
-- region — 2,850 scattered pages, most of them out of shared_buffers once other pages are read in between. These
-- indexes start with the month: the same rows are one range of a few dozen pages, read index-only.
--   progress_reported:  Rollups.reportedAmong (the units of a partly reported region: the nation, a province)
--   progress_reporting: Rollups.reported(ids, month) (the ranking of all counties, the map)
--   progress_rollup:    Rollups.totals(ids, month, indicator) (the ranking of all counties)
-- Writes pay one more index entry per row they add or change (a submit changes a few dozen roll-up rows).
create index progress_reported_by_period on progress_reported (period, region_id);
create index progress_reporting_by_period on progress_reporting (period, region_id) include (reported);
create index progress_rollup_by_period on progress_rollup (period, indicator_id, region_id) include (value);
