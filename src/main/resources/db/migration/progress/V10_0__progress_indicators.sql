-- What the progress feature counts beyond the plans' targets: investment, the non-project periodic
-- figures (rental subsidy paid online, public-rental data entry) and the funds. Indicators stay data.
-- The new stages and the HOUSING program carry no aliases: plan imports must not start matching
-- them in breakdown-table headers (they are never targets of a breakdown table).

insert into program (code, name, short_name, aliases, default_stage, default_measure, sort_order) values
    ('HOUSING', '保障性安居工程', '安居工程', '{}', null, 'YUAN_10K', 5);

insert into stage (code, name, aliases, sort_order) values
    ('PLANNED_INVESTMENT', '计划投资',     '{}', 100),
    ('INVESTMENT',         '完成投资',     '{}', 110),
    ('ISSUE_ONLINE',       '线上发放',     '{}', 120),
    ('NEW_BENEFICIARY',    '新增保障家庭', '{}', 130),
    ('DATA_ENTRY',         '信息录入',     '{}', 140),
    ('VACATE',             '腾退',         '{}', 150),
    ('FUND_RECEIVED',      '到位资金',     '{}', 160),
    ('FUND_DISBURSED',     '拨付',         '{}', 170),
    ('FUND_SPENT',         '支出',         '{}', 180);

insert into indicator (program_code, stage_code, measure_code, stage_label, sort_order) values
    ('AFFORDABLE_RENTAL', 'PLANNED_INVESTMENT', 'YUAN_10K',  '计划投资', 130),
    ('AFFORDABLE_RENTAL', 'INVESTMENT',         'YUAN_10K',  '完成投资', 131),
    ('PUBLIC_RENTAL',     'PLANNED_INVESTMENT', 'YUAN_10K',  '计划投资', 230),
    ('PUBLIC_RENTAL',     'INVESTMENT',         'YUAN_10K',  '完成投资', 231),
    ('PUBLIC_RENTAL',     'NEW_BENEFICIARY',    'HOUSEHOLD', '新增保障家庭', 240),
    ('PUBLIC_RENTAL',     'DATA_ENTRY',         'HOUSEHOLD', '信息录入', 241),
    ('PUBLIC_RENTAL',     'VACATE',             'UNIT',      '腾退', 242),
    ('RENTAL_SUBSIDY',    'ISSUE_ONLINE',       'HOUSEHOLD', '线上发放', 330),
    ('SHANTYTOWN',        'PLANNED_INVESTMENT', 'YUAN_10K',  '计划投资', 430),
    ('SHANTYTOWN',        'INVESTMENT',         'YUAN_10K',  '完成投资', 431),
    ('MINING_SHANTYTOWN', 'PLANNED_INVESTMENT', 'YUAN_10K',  '计划投资', 530),
    ('MINING_SHANTYTOWN', 'INVESTMENT',         'YUAN_10K',  '完成投资', 531),
    ('OLD_COMMUNITY',     'PLANNED_INVESTMENT', 'YUAN_10K',  '计划投资', 630),
    ('OLD_COMMUNITY',     'INVESTMENT',         'YUAN_10K',  '完成投资', 631),
    ('SHARED_OWNERSHIP',  'PLANNED_INVESTMENT', 'YUAN_10K',  '计划投资', 730),
    ('SHARED_OWNERSHIP',  'INVESTMENT',         'YUAN_10K',  '完成投资', 731),
    ('HOUSING',           'FUND_RECEIVED',      'YUAN_10K',  '到位资金', 910),
    ('HOUSING',           'FUND_DISBURSED',     'YUAN_10K',  '拨付',     920),
    ('HOUSING',           'FUND_SPENT',         'YUAN_10K',  '支出',     930);
