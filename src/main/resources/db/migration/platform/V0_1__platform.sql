-- Settings kept by the application itself (e.g. whether demo data has been loaded).
create table app_setting (
    key        text primary key,
    value      text not null,
    updated_at timestamptz not null default now()
);
