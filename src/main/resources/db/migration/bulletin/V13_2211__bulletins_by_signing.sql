-- The issued bulletins in the archive's order, for BulletinDocumentRepository.issued with no reader (the system's page
-- of the whole country, newest first): it sorted every bulletin for each page, computing each one's columns (its content
-- as text) before the sort kept 20. A bulletin a month of every province, prefecture and county for 48 months (154,272):
-- the page handled 155,079 rows over 3,575 pages (page and count 156–214 ms), 308,584 rows over 311,973 pages with
-- emptied statistics; now it reads the newest 20 by this index, 60 rows over 45 pages either way (page and count
-- 12–16 ms: the count still reads every bulletin once). The readers' pages are read by region as before (bulletin_issue_period).
-- The system's page of a year walks this index past the newer years (the oldest of four: 32–35 ms, was 90–96 ms).
-- Bulletins are issued one at a time by hand: an insert 0.25–0.38 ms with it, 0.26–0.37 ms without
-- (IssuedArchiveByRegionTest).
create index bulletin_issue_signed on bulletin_issue (signed_on desc, issued_at desc, id desc);
