-- One plan per issuer, title and years when it has no 文号 (with one, the 文号 is unique already): three imports of
-- the same table at once made three plans. Checked by the database, so no race slips between a check and an insert.
-- Duplicates already stored are not merged or deleted by a guess: the upgrade stops and names them.
do $$
declare
    dup text;
begin
    select string_agg(format('%s（%s–%s年，id %s）', title, first_year, last_year, ids), '；')
    into dup
    from (select title, first_year, last_year, string_agg(id::text, '、' order by id) as ids
          from plan where document_number is null
          group by issuer_region_id, title, first_year, last_year having count(*) > 1) d;
    if dup is not null then
        raise exception '同一发文地区有重复的计划（标题和年度相同，无文号）：%。请先删除或改名重复的计划，再启动新版本', dup;
    end if;
end $$;

create unique index plan_issuer_title_years on plan (issuer_region_id, title, first_year, last_year)
    where document_number is null;
