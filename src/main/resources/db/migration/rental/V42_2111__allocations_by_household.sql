-- Every allocation of a household, not only the one in force (rental_allocation_household is partial).
-- WaitingRepository.waitingOn(county, day) (轮候 at a month's end in a county's allocation figures, Allocations.figures)
-- asks for each of the county's households whether an allocation held it on that day, cancelled ones included; with no
-- index to answer by household it hashed the national table whole on every call, with analyzed statistics too (and the
-- leases likewise, V43_2112): 3,000 households beside 300,000 allocations and leases elsewhere, 1,152,715 rows handled,
-- 140 ms; with the indexes and each household tested by its key (WaitingRepository, offset 0) 4,715 rows, 5 ms
-- (WaitingOnByHouseholdTest). Allocations are written a row at a time (a choice in a round).
create index rental_allocation_household_all on rental_allocation (household_id);
