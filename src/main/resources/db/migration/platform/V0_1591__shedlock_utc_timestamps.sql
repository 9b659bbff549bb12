-- ShedLock's times as the library's schema for PostgreSQL has them: timestamp, without a zone (review, issue 15).
-- Locks are taken and compared on the database's clock as UTC without a zone (usingDbTime:
-- timezone('utc', CURRENT_TIMESTAMP)); stored into timestamptz, that value was read in the session's TimeZone, which
-- the JDBC driver takes from each node's JVM. Two nodes in different zones (a host on Asia/Shanghai, a container on
-- UTC) then read each other's lock_until 8 hours off: one took a lock the other held — a task ran twice — or was kept
-- out for 8 hours. As timestamp, every session compares the same values.
-- A lock is held for one run, and every node is stopped for an upgrade (README): no lock is held now, none is lost.
delete from shedlock;
alter table shedlock alter column lock_until type timestamp, alter column locked_at type timestamp;
