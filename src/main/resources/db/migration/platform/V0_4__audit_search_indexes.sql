-- The 审计日志 page's filters (issue 14: table, time, actor, op, via) on a log of millions of rows. The page reads newest
-- first (order by id desc) with a count of the matching rows; measured with org.anju.bench.AuditBench.
--
-- 表 filter: the entries of one table, newest first, without walking the whole log backwards to find them.
create index audit_log_table on audit_log (table_name, id);
-- 时间 filter: at is the transaction's start, written in the order of id, so a BRIN index (a few pages for millions of
-- rows) narrows a date range to the blocks that hold it.
create index audit_log_at on audit_log using brin (at) with (pages_per_range = 32);
-- op and via have 3 and 5 values: an index would not narrow them; the actor filter matches part of a name (like
-- '%…%'), which a btree cannot serve — both are checked on the rows the other filters reach.
