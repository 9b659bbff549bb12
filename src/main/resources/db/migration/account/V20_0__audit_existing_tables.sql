-- The audit trail (V0_2) on the tables that existed before it. Every later feature attaches it in the
-- migration that creates its tables (see docs/ARCHITECTURE.md).

select audit_exempt('flyway_schema_history', 'Flyway 的迁移记录');

-- regions and indicators: reference data
select audit_enable('region');
select audit_enable('region_alias');
select audit_enable('region_group_member');
select audit_exempt('region_ancestor', '由 region 的上下级关系推导');
select audit_enable('program');
select audit_enable('stage');
select audit_enable('measure');
select audit_enable('indicator');

-- plans: a target's history is the history of "this unit's figure for this indicator and year in this
-- plan", across re-imports that give it a new row and column. Targets and table rows come by the ten
-- thousand (a national plan: 45,000 and 22,000): one entry per statement and plan (or table), not per row.
select audit_enable('plan');
select audit_enable('milestone');
select audit_enable('stated_total');
select audit_enable('breakdown_table');
select audit_enable('breakdown_column');
select audit_enable('breakdown_row', '{id,table_id}', granularity => 'statement', group_columns => '{table_id}');
select audit_enable('target', '{plan_id,region_id,indicator_id,year}', granularity => 'statement',
                    group_columns => '{plan_id}');
select audit_exempt('target_rollup', '由 target 汇总而来，随导入重算');
select audit_enable('import_batch', hidden_columns => '{content}');
