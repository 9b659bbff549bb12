-- Progress tables (进展情况) print investment and fund columns next to the targets: 计划投资额, 累计完成投资额,
-- 到位资金, 支出, 支出率. The importer now reads every column as a target, an actual or a rate, and accepts
-- these stages only as actuals (or 计划投资 as a target), so they may carry the words that name them.
-- 计划投资完成率 is the rate of 完成投资 (the longest alias wins over 计划投资).
update stage set aliases = '{计划投资,计划投资额}' where code = 'PLANNED_INVESTMENT';
update stage set aliases = '{完成投资,投资完成,完成投资额,计划投资完成率,投资完成率}' where code = 'INVESTMENT';
update stage set aliases = '{线上发放}' where code = 'ISSUE_ONLINE';
update stage set aliases = '{新增保障家庭}' where code = 'NEW_BENEFICIARY';
update stage set aliases = '{信息录入}' where code = 'DATA_ENTRY';
update stage set aliases = '{腾退}' where code = 'VACATE';
update stage set aliases = '{到位资金,资金到位}' where code = 'FUND_RECEIVED';
update stage set aliases = '{拨付}' where code = 'FUND_DISBURSED';
update stage set aliases = '{支出}' where code = 'FUND_SPENT';
update program set aliases = '{保障性安居工程,安居工程}' where code = 'HOUSING';
