-- 督办通知 by the region they are sent to and the region that sent them, for Ledger.notices(region) (the notices page of
-- a region's subtree). It tested each notice against the subtree, newest first, until it had 500: a county with fewer
-- read the whole national table, with analyzed statistics too. 171,000 notices (60 to each county): 章贡区's 60 handled
-- 6,326,358 rows (463 ms), 赣州市's 500 handled 99,350 rows over 578,000 pages (192 ms). It now reads the notices of each
-- region of the subtree through these indexes, then each notice by its key: 926 rows (1.5 ms) and 17,745 rows (4.3 ms);
-- the country's page reads the newest 500 by the key as before (LedgerNoticesByRegionTest). Notices are written one at a
-- time by hand; the indexes also serve the keys to region.
create index ledger_notice_region on ledger_notice (region_id);
create index ledger_notice_issuer on ledger_notice (issuer_region_id);
