-- The history of a row is read in audit_log.id order (org.anju.account.AuditTrail.history). With the sequence's cache
-- of 100 (V0_2) each connection took ids in blocks: a later change made on a connection whose block was fetched
-- earlier got a smaller id, and a row's history could list its DELETE before the INSERT it deleted (issue 15, second
-- session: a re-import on another pool connection). Without a cache, ids follow the order in which entries are
-- written; two writes of one row are serialised by its lock, so the later one's entry always has the larger id.
-- nextval() without a cache costs microseconds; bulk rows are audited per statement anyway.
alter sequence audit_log_id_seq cache 1;
