-- The waiting list (V42_0) is computed over every waiting household of a city or county — 113,000 in the largest city
-- of RentalBench's province (docs/PERFORMANCE.md). Reading each from the table cost one heap page per 14 households
-- (the rows carry their sealed personal data): 10,000 pages for a city. The list's filter and order need only the
-- columns below, so the partial indexes now carry the household's id and county too (INCLUDE) and the list is read
-- index-only; the wide columns are fetched for the page's 50 rows alone (WaitingRepository).
drop index rental_household_waiting_city;
create index rental_household_waiting_city on rental_household (city_id, qualified_on, certificate_no)
    include (id, county_id)
    where guarantee = 'PUBLIC_RENTAL' and closed_on is null;
drop index rental_household_waiting_county;
create index rental_household_waiting_county on rental_household (county_id, qualified_on, certificate_no)
    include (id)
    where guarantee = 'PUBLIC_RENTAL' and closed_on is null;
