-- 月报 imports as done, by whom and of which file (double-submit trial 2026-12-04, defect 11): the same file imported
-- again by the same user — a double-click on 导入并上报, Back and resubmit, a client's retry — was imported again and,
-- with 上报, refused "导入失败，未写入任何数据：…月报已上报，不能修改" although the first had imported and submitted it.
-- An import takes a lock on (user, content), and when this user's last import of the same content, scope and 上报 choice
-- left every report it wrote at the version it is still at, the repeat is answered with that import's result and writes
-- nothing (org.anju.report.ReportImport). Kept 30 days.
create table report_import_done (
    id         bigserial   primary key,
    username   text        not null,
    sha256     text        not null,                 -- of the file's bytes
    scope_code text,                                 -- the scope the import was asked for (null: the user's whole reach)
    submit     boolean     not null,                 -- 导入并上报
    file_name  text        not null,
    saved      integer     not null,
    submitted  integer     not null,
    reports    jsonb       not null,                 -- [{"id": report id, "version": its version after the import}, …]
    done_at    timestamptz not null default now()
);
create index report_import_done_by_user on report_import_done (username, sha256, done_at);
create index report_import_done_age on report_import_done (done_at);
select audit_exempt('report_import_done', '月报导入的结果，供同一文件重复提交时告知已于何时导入（保留 30 天）；导入写入的月报本身有审计');
