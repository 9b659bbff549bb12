-- The submitted reports of a unit, for ReportRepository.submittedBelow (the 审核 inbox of the units below a region). It
-- read every report of each unit below by the unique key (region_id, period) and kept the submitted one: linear in the
-- units' history. 72 months of every prefecture and county (229,176 reports), one submitted a unit: 赣州市's inbox
-- handled 2,662 rows over 1,363 pages (2.8 ms), 江西省's 1,618 rows over 833 pages; now 79 rows over 63 pages (0.16 ms)
-- and 46 over 40, each unit's submitted reports read through this index in a fenced lateral, with emptied statistics
-- too (before: the country's 3,183 submitted reports, 9,585 rows; SubmittedBelowByStatusTest). A report enters this
-- index when it is submitted (a status update that was never HOT: report_period_idx holds the status); drafts and
-- approved reports never enter it. Submit update 0.12–0.14 ms without it, 0.14–0.15 ms with it; a draft's insert
-- 0.30–0.36 ms either way (noise on the shared machine).
create index report_submitted on report (region_id) where status = 'SUBMITTED';
