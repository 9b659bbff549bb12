-- Every public waiting-list lookup (资格证号 + 身份证号, no account; org.anju.rental.waiting.PublicLookups). The lookup
-- says whether the pair matches, and 公示 pages publish each 资格证号 beside a masked ID number (first 4, last 4): the
-- ten digits left are a county code and a birth date, and an unlimited lookup recovered a full ID number in 947
-- anonymous requests (privacy review 2026-12-03, finding 1). A lookup is a row here before it is answered; misses
-- (found false) bound the next ones per 资格证号 and per address, and the rows show an auditor who asked and how often.
-- Kept like the access log: no ID number is stored, only the 资格证号 asked about and the address it came from.
create table rental_public_lookup (
    id             bigserial   primary key,
    certificate_no text        not null,
    address        text        not null,
    at             timestamptz not null default now(),
    found          boolean     not null default false
);
create index rental_public_lookup_certificate on rental_public_lookup (certificate_no, at);
create index rental_public_lookup_address on rental_public_lookup (address, at);

select audit_exempt('rental_public_lookup', '公开轮候查询的记录（所问资格证号、来源地址、是否相符），本身即访问记录；每次查询都写');
