-- A province's projects by the dates its bulletin judges them on (issue 15, second session). 续建结转
-- (ProjectRepository.carriedOver), the stalled projects (stallCandidates) and the year's count read every project of a
-- province through its regions: project rows lie in the order they were entered, so each was a heap page of its own —
-- 42,604 rows and 40,000 pages for 江西省. The columns they filter and add up are here, so the scan is index-only and
-- only the projects that are listed (stalled ones) are read from the table. Writes of a project pay one more entry.
create index project_scope_dates on project (region_id, year)
    include (program_code, basic_completed_on, started_on, prelim_done_on, units, households, id);
