-- The schema check's record (org.anju.platform.SchemaCheck, issue 15 start-up): which set of migrations (a digest of
-- the jar's migration files, Java migrations and Flyway settings) Flyway last validated against which content of
-- flyway_schema_history (a digest of its rows). While both are unchanged a command skips Flyway's full validation;
-- any difference (another jar, a migration applied or edited, a row changed by hand) runs it again.
create table schema_validation (
    migrations   text        primary key,
    history      text        not null,
    validated_at timestamptz not null default now()
);

select audit_exempt('schema_validation', '结构校验记录：Flyway 完整校验通过时的迁移与 flyway_schema_history 摘要，仅供启动时比对');
