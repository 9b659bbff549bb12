-- Every lease of a household, not only the one in force (rental_lease_household_open is partial).
-- WaitingRepository.waitingOn(county, day) asks for each of the county's households whether a lease held it on that
-- day, ended ones included; with no index to answer by household it hashed the national table whole on every call, with
-- analyzed statistics too (and the allocations likewise, V42_2111): 3,000 households beside 300,000 allocations and
-- leases elsewhere, 1,152,715 rows handled, 140 ms; with the indexes and each household tested by its key
-- (WaitingRepository, offset 0) 4,715 rows, 5 ms (WaitingOnByHouseholdTest). Leases are written a row at a time.
create index rental_lease_household_all on rental_lease (household_id);
