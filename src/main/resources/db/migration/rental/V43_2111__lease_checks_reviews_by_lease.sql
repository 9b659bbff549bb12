-- A lease's 入户核查 and 年审 by the lease's key. LeaseRepository.checks(lease) and .reviews(lease)
-- (`… where lease_id = :lease order by …`: every lease page, and again after each check or review recorded) had no index
-- to serve them and read both national tables whole, with analyzed statistics too: 100,000 leases of three checks and
-- three reviews each, 300,006 rows handled (3,185 and 3,796 pages), 19-21 ms a read; with these indexes 3 rows
-- (LeaseChecksByLeaseTest). The rows are written one at a time by hand (a check, a review), so the index costs nothing
-- that matters; the same indexes serve the foreign keys to rental_lease.
create index rental_lease_check_lease on rental_lease_check (lease_id);
create index rental_lease_review_lease on rental_lease_review (lease_id);
