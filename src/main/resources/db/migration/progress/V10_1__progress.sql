-- Cumulative-to-date figures (from January of the period's year) per reporting unit and month, and
-- their sums for every region above. Written only in the transaction of a report's submit, return or
-- reopen, so reads are a primary-key range scan (see docs/PERFORMANCE.md).
--
-- source: '' for everything but funds, whose figures are kept per source (CENTRAL_SUBSIDY, …).

create table progress_fact (
    region_id    integer not null references region (id),
    period       date    not null check (extract(day from period) = 1),  -- first day of the month
    indicator_id integer not null references indicator (id),
    source       text    not null default '',
    value        numeric not null,
    primary key (region_id, period, indicator_id, source)
);

-- the subtree sum of progress_fact, the region itself included; units = how many unit figures were added
create table progress_rollup (
    region_id    integer not null references region (id),
    period       date    not null,
    indicator_id integer not null references indicator (id),
    source       text    not null default '',
    value        numeric not null,
    units        integer not null,
    primary key (region_id, period, indicator_id, source)
);
