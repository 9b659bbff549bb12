-- 棚改项目认定 (issue 13): a province's or city's 认定 notice uploaded as a checklist file (verbatim, versioned by the
-- file's 生效/失效 lines), and per 棚改 project of the register an identification answered clause by clause, with
-- evidence files and the positive facts, decided by the level above.

create table ledger_ident_checklist (
    id             bigserial primary key,
    issuer_id      integer not null references region (id),      -- the province or city that issued the notice
    name           text    not null,
    document       text    not null,                             -- 文号 as the file states it
    effective_from date    not null,
    effective_to   date,
    file_name      text    not null,
    content        text    not null,                             -- verbatim, as uploaded
    clauses        integer not null check (clauses > 0),
    uploaded_at    timestamptz not null default now(),
    uploaded_by    text    not null,
    check (effective_to is null or effective_to >= effective_from)
);
create index ledger_ident_checklist_issuer on ledger_ident_checklist (issuer_id, effective_from desc, id desc);

create table ledger_identification (
    id                    bigserial primary key,
    project_id            bigint  not null,                     -- project register (org.anju.project), by id
    project_name          text    not null,                     -- as the register named it when opened
    region_id             integer not null references region (id),   -- the project's county
    checklist_id          bigint  not null references ledger_ident_checklist (id),
    as_of                 date    not null,                     -- the day whose checklist applies
    state                 text    not null check (state in ('DRAFT', 'SUBMITTED', 'APPROVED', 'REFUSED', 'RETURNED')),
    -- positive facts; null = 未报
    area_type             text    check (area_type in ('CITY_SHANTY', 'STATE_MINING', 'FOREST_RECLAMATION', 'URBAN_VILLAGE',
                                                        'DANGEROUS')),
    households            integer check (households >= 0),
    contiguous_households integer check (contiguous_households >= 0),
    built_year            integer check (built_year between 1800 and 2100),
    appraisal_grade       text    check (appraisal_grade in ('A', 'B', 'C', 'D', 'NONE')),   -- NONE: 未鉴定
    appraisal_report      text,                                 -- 鉴定报告编号/机构
    facts_note            text,
    -- the decision
    decision_note         text,
    refused_clauses       text[],                               -- clause numbers named by a refusal
    submitted_on          date,
    decided_on            date,
    decided_by            text,
    version               integer not null default 0,
    created_at            timestamptz not null default now(),
    created_by            text    not null,
    updated_at            timestamptz not null default now(),
    updated_by            text    not null,
    check ((state = 'REFUSED') = (refused_clauses is not null and cardinality(refused_clauses) > 0))
);
create unique index ledger_identification_open on ledger_identification (project_id)
    where state in ('DRAFT', 'SUBMITTED', 'RETURNED', 'APPROVED');
create index ledger_identification_region on ledger_identification (region_id, id);

create table ledger_ident_answer (
    identification_id bigint not null references ledger_identification (id),
    clause_no         text   not null,
    answer            text   not null check (answer in ('MATCHES', 'DOES_NOT_MATCH', 'NOT_APPLICABLE')),
    reason            text   not null check (reason <> ''),
    answered_at       timestamptz not null default now(),
    answered_by       text   not null,
    primary key (identification_id, clause_no)
);

create table ledger_ident_evidence (
    id                bigserial primary key,
    identification_id bigint  not null references ledger_identification (id),
    clause_no         text    not null,
    file_name         text    not null,
    content_type      text    not null,
    size_bytes        integer not null check (size_bytes > 0),
    sha256            text    not null check (sha256 ~ '^[0-9a-f]{64}$'),
    content           bytea   not null,
    uploaded_at       timestamptz not null default now(),
    uploaded_by       text    not null
);
create index ledger_ident_evidence_of on ledger_ident_evidence (identification_id, clause_no);

-- evidence and uploaded checklists are records: never deleted nor changed
create function ledger_ident_keep() returns trigger language plpgsql as $$
begin
    raise exception '%：证明材料和认定清单一经上传不能删除或修改', tg_table_name;
end
$$;
create trigger ledger_ident_evidence_keep before update or delete on ledger_ident_evidence
    for each row execute function ledger_ident_keep();
create trigger ledger_ident_checklist_keep before update or delete on ledger_ident_checklist
    for each row execute function ledger_ident_keep();

select audit_enable('ledger_ident_checklist');
select audit_enable('ledger_identification');
select audit_enable('ledger_ident_answer', '{identification_id,clause_no}');
select audit_enable('ledger_ident_evidence', hidden_columns => '{content}');
