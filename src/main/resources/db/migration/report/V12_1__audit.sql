-- The audit trail on monthly reports. A report's figures are written some twenty at a time on every save
-- (and by the hundred thousand when a year of reports is loaded): one entry per statement and report, and
-- a changed figure as an UPDATE of its own row, so "the history of this figure" (report, indicator,
-- source) is found among its report's entries. Flags are recomputed from the figures on every save.
select audit_enable('report');
select audit_enable('report_value', '{report_id,indicator_id,source}', granularity => 'statement',
                    group_columns => '{report_id}');
select audit_exempt('report_flag', '由 report_value 的合理性检查推导，每次保存重算');
select audit_enable('report_event');
