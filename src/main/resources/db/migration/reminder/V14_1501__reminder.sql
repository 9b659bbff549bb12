-- Reminders and alerts made by the hourly scheduled job (issue 15): a unit's monthly report due soon or overdue, a
-- ledger item past its deadline. One row per unit, month, kind and subject (the ledger item; '' for the unit's own
-- report), so a second run — on this node or another — adds nothing. resolved_at: the run that found the reason
-- gone (report submitted, item closed); resolved reminders are no longer shown.
create table reminder (
    id          bigint generated always as identity primary key,
    region_id   int         not null references region (id),
    period      date        not null check (extract(day from period) = 1),
    kind        text        not null check (kind in ('REPORT_DUE_SOON', 'REPORT_OVERDUE', 'LEDGER_OVERDUE')),
    subject     text        not null default '',
    due_on      date        not null,
    detail      text        not null,
    created_at  timestamptz not null default now(),
    resolved_at timestamptz,
    unique (region_id, period, kind, subject)
);
create index reminder_open on reminder (region_id) where resolved_at is null;
select audit_exempt('reminder', '由定时任务从月报与台账生成的提醒，原因数据已有审计');
