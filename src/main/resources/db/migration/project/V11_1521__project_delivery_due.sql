-- 逾期交付 of a scope (ProjectRepository.overdueDeliveries, every bulletin's problems; issue 15, third session): the
-- projects promised for delivery before a day and not delivered by it. Nothing indexed delivery_due_on, so each
-- bulletin scanned all projects of the country — 1,000,000 rows, ~120 ms of PostgreSQL CPU per province bulletin on
-- the national dataset, where no project has a promised date at all. Only projects with a promised date are here,
-- by region, with the delivery date, so a scope's overdue ones are found index-only among its own promised ones.
create index project_delivery_due on project (region_id, delivery_due_on) include (delivered_on)
    where delivery_due_on is not null;
