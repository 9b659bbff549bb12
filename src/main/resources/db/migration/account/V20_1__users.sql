-- Users: each bound to one region, with roles that say what they may do there (org.anju.account.Role).
-- Passwords are stored as Spring Security DelegatingPasswordEncoder hashes ({bcrypt}…). Failed logins
-- lock an account for a while (failed_attempts, locked_until); the per-address limit is kept in memory.
create table users (
    id              bigserial primary key,
    username        text        not null unique check (username ~ '^[a-z0-9][a-z0-9_.-]{2,31}$'),
    display_name    text        not null check (length(display_name) between 1 and 60),
    password_hash   text        not null,
    region_id       int         not null references region (id),
    roles           text[]      not null check (cardinality(roles) > 0
                                    and roles <@ '{PROVINCE_ADMIN,CITY_ADMIN,COUNTY_REPORTER,VIEWER}'),
    enabled         boolean     not null default true,
    failed_attempts int         not null default 0,
    locked_until    timestamptz,
    password_changed_at timestamptz not null default now(),
    version         int         not null default 0,
    created_at      timestamptz not null default now(),
    created_by      text,
    updated_at      timestamptz not null default now()
);
create index users_region on users (region_id);
select audit_enable('users', hidden_columns => '{password_hash}');

-- Optimistic locking of plan metadata: an update names the version it was based on.
alter table plan add column version int not null default 0;

-- Who offered a file for import and for which issuer, so that a preview is committed only by someone
-- who may write that issuer's plans (and nobody else sees it).
alter table import_batch add column issuer_region_id int references region (id);
alter table import_batch add column created_by text;
create index import_batch_issuer on import_batch (issuer_region_id);

-- Deleting or replacing a plan deletes its rows one parent at a time (foreign-key cascades); without an
-- index on the parent link every one of those scans the whole table (12 s for a national plan).
create index breakdown_row_parent on breakdown_row (parent_row_id);
