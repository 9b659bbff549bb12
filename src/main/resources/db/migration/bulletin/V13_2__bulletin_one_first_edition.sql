-- Issue 14 review: one first edition per region and month. A later change to an issued bulletin is a correction
-- (edition 2, 3, … superseding the one before), never a second "first" bulletin of the same month.
create unique index bulletin_issue_first_edition on bulletin_issue (region_id, period) where edition = 1;
