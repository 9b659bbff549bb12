-- Who saw personal data in plaintext (org.anju.privacy.PersonalData): every reveal of one record's fields, every export
-- (once, with its row count), every re-encryption under a new key. Masked views are not logged: they show nothing.
-- Append-only like audit_log; it is a log itself, so it is not audited (audit_exempt below).
create table personal_data_access (
    id                bigserial   primary key,
    at                timestamptz not null default clock_timestamp(),
    actor             text        not null,                 -- username; system; cli:<os user>
    actor_name        text        not null,                 -- display name at the time
    actor_region      text        not null,                 -- region code of the actor at the time
    via               text        not null check (via in ('UI', 'API', 'IMPORT', 'CLI', 'SYSTEM')),
    action            text        not null check (action in ('REVEAL', 'EXPORT', 'REENCRYPT')),
    subject_type      text        not null check (subject_type ~ '^[a-z][a-z0-9_]{0,62}$'),
    subject_id        text        check (length(subject_id) between 1 and 64),
    subject_region_id integer     not null references region (id),   -- whose data: auditors of this subtree see it
    fields            text[]      not null check (cardinality(fields) > 0
                                      and fields <@ '{NAME,ID_NUMBER,PHONE,INCOME}'),
    reason            text        not null check (length(btrim(reason)) between 1 and 200),
    row_count         integer     check (row_count >= 0),
    check ((action = 'REVEAL') = (subject_id is not null)),
    check ((action = 'REVEAL') = (row_count is null))
);
-- auditors list a subtree's accesses newest first; "who looked at this application" by subject
create index personal_data_access_region on personal_data_access (subject_region_id, id);
create index personal_data_access_subject on personal_data_access (subject_type, subject_id);

create function personal_data_access_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception '个人信息访问记录只能追加，不能修改或删除' using errcode = 'insufficient_privilege';
end
$$;
create trigger personal_data_access_no_update before update or delete on personal_data_access
    for each row execute function personal_data_access_is_append_only();
create trigger personal_data_access_no_truncate before truncate on personal_data_access
    for each statement execute function personal_data_access_is_append_only();

select audit_exempt('personal_data_access', '个人信息访问记录本身（只追加）');
