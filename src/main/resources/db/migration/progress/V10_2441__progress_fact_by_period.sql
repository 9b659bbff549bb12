-- Which of many units have a figure of one item for a month (Rollups.filledAmong: a sum over units some of which left
-- a typed item of the report blank, guesses audit H1). The key starts with the region: for the nation's 2,850 units
-- that was one index descent each. Starting with the month and item, it is one range of a few pages, read index-only.
-- A submit pays one more index entry per figure it writes (a few dozen).
create index progress_fact_by_period on progress_fact (period, indicator_id, region_id);
