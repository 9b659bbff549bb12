-- 确认导入 of a previewed stock list, remembered under the preview's token (double-submit trial 2026-12-04, defect 10).
-- A double-click used to import once and tell the second click "未导入，未写入任何数据…已经登记"; Back and resubmit
-- answered 404 "预览已过期或不存在…请重新上传文件" — both invited a second import. The confirm now takes a lock on the
-- token, writes this row in the import's own transaction, and a repeat (at once, after waiting for the first, or later,
-- on any node) is answered with the first one's outcome. Kept 30 days (org.anju.rental.stock.StockPreviews).
create table rental_stock_import_done (
    token           uuid        primary key,             -- the preview's token (kept_file.token, gone once imported)
    owner           text        not null,                -- who confirmed it: only they are told (as with the preview)
    owner_name      text,
    file_name       text        not null,
    region_code     text        not null,
    region_name     text        not null,
    dwellings       integer     not null,
    estates_added   integer     not null,
    buildings_added integer     not null,
    done_at         timestamptz not null default now()
);
create index rental_stock_import_done_age on rental_stock_import_done (done_at);
select audit_exempt('rental_stock_import_done', '房源导入确认的结果，供重复提交时告知已于何时导入（保留 30 天）；导入写入的房源本身有审计');
