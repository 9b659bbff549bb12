-- The draft a version was issued from (its id; the draft row itself is deleted at issue). 签发 sent again — Back and
-- 确认重新提交表单, a double-click whose first answer the browser dropped — found no draft and answered a 404 page
-- "通报草稿不存在"; it now finds what that draft became and shows it, saying it was issued already (double-submit trial,
-- defect 14). Null for versions issued before this column; a draft is issued once, so unique where set.
alter table bulletin_issue add column draft_id bigint;
create unique index bulletin_issue_draft on bulletin_issue (draft_id) where draft_id is not null;
