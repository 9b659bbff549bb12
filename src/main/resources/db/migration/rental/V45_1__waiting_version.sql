-- The waiting list's order (V42_0) is computed over every waiting household of a city — 113,000 in RentalBench's
-- largest — which takes 300 ms and more; a page of 50 is read far more often than the list changes. The application
-- keeps a city's computed order in memory (org.anju.rental.waiting.WaitingOrders) under the city's version below, and
-- every statement that changes what the list is made of bumps the version of the cities it touched, in the same
-- transaction: households (qualified, closed, guarantee, 资格证), their groups, allocations, strikes-off and leases.
-- A page then checks the version (one row) and reads its 50 rows' masked columns only; after a change the next page
-- computes the order again. Nothing is cached across a change, so nothing stale is ever shown.
create table rental_waiting_version (
    city_id integer primary key references region (id),
    version bigint  not null
);
select audit_exempt('rental_waiting_version', '轮候顺序缓存的版本号，由触发器随住户、群体、配租、取消轮候、租赁合同的变更递增');

create function rental_waiting_bump(cities integer[]) returns void language sql as $$
    insert into rental_waiting_version (city_id, version)
    select c, 1 from (select distinct unnest(cities) as c) x where c is not null
    order by c   -- a fixed order, so two transactions bumping the same cities cannot deadlock
    on conflict (city_id) do update set version = rental_waiting_version.version + 1;
$$;

-- one function per table shape: the households carry their city; the other tables name the household
create function rental_waiting_bump_household() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform rental_waiting_bump(array(select city_id from new_rows));
    elsif tg_op = 'DELETE' then
        perform rental_waiting_bump(array(select city_id from old_rows));
    else
        perform rental_waiting_bump(array(select city_id from new_rows union select city_id from old_rows));
    end if;
    return null;
end
$$;

create function rental_waiting_bump_by_household() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform rental_waiting_bump(array(select h.city_id from rental_household h
                                           where h.id in (select household_id from new_rows)));
    elsif tg_op = 'DELETE' then
        perform rental_waiting_bump(array(select h.city_id from rental_household h
                                           where h.id in (select household_id from old_rows)));
    else
        perform rental_waiting_bump(array(select h.city_id from rental_household h
                                           where h.id in (select household_id from new_rows
                                                          union select household_id from old_rows)));
    end if;
    return null;
end
$$;

do $$
declare
    t text;
begin
    foreach t in array array['rental_household', 'rental_household_group', 'rental_allocation',
                             'rental_waiting_exclusion', 'rental_lease'] loop
        execute format('create trigger waiting_bump_insert after insert on %I referencing new table as new_rows '
                       'for each statement execute function %I()', t,
                       case t when 'rental_household' then 'rental_waiting_bump_household' else 'rental_waiting_bump_by_household' end);
        execute format('create trigger waiting_bump_update after update on %I referencing old table as old_rows '
                       'new table as new_rows for each statement execute function %I()', t,
                       case t when 'rental_household' then 'rental_waiting_bump_household' else 'rental_waiting_bump_by_household' end);
        execute format('create trigger waiting_bump_delete after delete on %I referencing old table as old_rows '
                       'for each statement execute function %I()', t,
                       case t when 'rental_household' then 'rental_waiting_bump_household' else 'rental_waiting_bump_by_household' end);
    end loop;
end
$$;
