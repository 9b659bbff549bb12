-- What the issuing region writes into its bulletin itself: 下一步工作重点 (seed 004's section 三). Every other
-- section is composed from the data; this one is the officials' own words, kept per region and month.
create table bulletin_note (
    region_id  integer     not null references region (id),
    period     date        not null check (extract(day from period) = 1),
    next_steps text        not null check (length(next_steps) between 1 and 5000),
    version    integer     not null default 1,
    updated_by text        not null,
    updated_at timestamptz not null default now(),
    primary key (region_id, period)
);
select audit_enable('bulletin_note');
