-- Indicators are data: program × stage × measure. A new program (or stage, or measure) is a few
-- rows here or through the API, never a code change. The alias arrays are the words by which
-- table titles and column headers name them; the importer picks the longest alias it finds.

create table program (
    code            text primary key,
    name            text not null unique,           -- 保障性租赁住房
    short_name      text,                           -- 保租房
    aliases         text[] not null default '{}',
    default_stage   text,                           -- when a table names no stage (租赁补贴 → 发放)
    default_measure text,                           -- when neither header nor 单位 line names one
    sort_order      int not null
);

create table stage (
    code       text primary key,
    name       text not null,                       -- 开工
    aliases    text[] not null default '{}',
    sort_order int not null
);

create table measure (
    code       text primary key,
    name       text not null,                       -- 套
    aliases    text[] not null default '{}',
    -- counts (套, 户, 个, 栋) are exact; areas and amounts are printed rounded, so two printed
    -- figures agree when they differ by no more than their printed precision explains
    exact      boolean not null,
    sort_order int not null
);

create table indicator (
    id            serial primary key,
    program_code  text not null references program (code),
    stage_code    text not null references stage (code),
    measure_code  text not null references measure (code),
    stage_label   text not null,                    -- how this program words the stage: 筹集（开工）
    sort_order    int not null,
    unique (program_code, stage_code, measure_code)
);

insert into stage (code, name, aliases, sort_order) values
    ('PRELIMINARY_WORK', '前期工作', '{前期工作,前期手续}', 10),
    ('START',            '开工',     '{开工,新开工,筹集,新建,开工情况}', 20),
    ('BASIC_COMPLETION', '基本建成', '{基本建成}', 30),
    ('COMPLETION',       '完工',     '{完工,完成任务,完成情况}', 40),
    ('ACCEPTANCE',       '竣工验收', '{竣工验收,竣工}', 50),
    ('DELIVERY',         '交付',     '{交付}', 60),
    ('OCCUPANCY',        '分配入住', '{分配入住,入住}', 70),
    ('ISSUE',            '发放',     '{发放}', 80);

insert into measure (code, name, aliases, exact, sort_order) values
    ('UNIT',        '套',       '{套,套（间）,套(间),套、间,套（户）,套(户),套间}', true, 10),
    ('ROOM',        '间',       '{间}', true, 20),
    ('HOUSEHOLD',   '户',       '{户,户数}', true, 30),
    ('COMMUNITY',   '个',       '{小区,小区数,小区个数,个}', true, 40),
    ('BUILDING',    '栋',       '{栋,楼栋,楼栋数}', true, 50),
    ('AREA_10K_M2', '万平方米', '{万平方米,万平米,万㎡,面积,建筑面积}', false, 60),
    ('YUAN_10K',    '万元',     '{万元}', false, 70);

insert into program (code, name, short_name, aliases, default_stage, default_measure, sort_order) values
    ('AFFORDABLE_RENTAL', '保障性租赁住房',     '保租房', '{保障性租赁住房,保租房,保障租赁住房}', 'START', 'UNIT', 10),
    ('PUBLIC_RENTAL',     '公共租赁住房',       '公租房', '{公共租赁住房,公租房}', 'START', 'UNIT', 20),
    ('RENTAL_SUBSIDY',    '住房租赁补贴',       '租赁补贴', '{住房租赁补贴,租赁补贴}', 'ISSUE', 'HOUSEHOLD', 30),
    ('SHANTYTOWN',        '城市棚户区改造',     '棚改', '{城市棚户区改造,城市棚户区,棚户区改造,棚户区,棚改}', 'START', 'UNIT', 40),
    ('MINING_SHANTYTOWN', '国有工矿棚户区改造', '工矿棚改', '{国有工矿棚户区改造,国有工矿棚户区,工矿棚户区}', 'START', 'UNIT', 50),
    ('OLD_COMMUNITY',     '城镇老旧小区改造',   '老旧小区改造', '{城镇老旧小区改造,老旧小区改造,老旧小区}', 'START', 'HOUSEHOLD', 60),
    ('SHARED_OWNERSHIP',  '共有产权住房',       '共有产权房', '{共有产权住房,共有产权房}', 'START', 'UNIT', 70);

insert into indicator (program_code, stage_code, measure_code, stage_label, sort_order) values
    ('AFFORDABLE_RENTAL', 'START',            'UNIT',        '筹集（开工）', 110),
    ('AFFORDABLE_RENTAL', 'BASIC_COMPLETION', 'UNIT',        '基本建成',     120),
    ('PUBLIC_RENTAL',     'START',            'UNIT',        '新开工（筹集）', 210),
    ('PUBLIC_RENTAL',     'BASIC_COMPLETION', 'UNIT',        '基本建成',     220),
    ('RENTAL_SUBSIDY',    'ISSUE',            'HOUSEHOLD',   '发放',         310),
    ('RENTAL_SUBSIDY',    'ISSUE',            'YUAN_10K',    '发放金额',     320),
    ('SHANTYTOWN',        'START',            'UNIT',        '开工',         410),
    ('SHANTYTOWN',        'BASIC_COMPLETION', 'UNIT',        '基本建成',     420),
    ('MINING_SHANTYTOWN', 'START',            'UNIT',        '开工',         510),
    ('MINING_SHANTYTOWN', 'BASIC_COMPLETION', 'UNIT',        '基本建成',     520),
    ('OLD_COMMUNITY',     'START',            'COMMUNITY',   '开工',         610),
    ('OLD_COMMUNITY',     'START',            'HOUSEHOLD',   '开工',         611),
    ('OLD_COMMUNITY',     'START',            'BUILDING',    '开工',         612),
    ('OLD_COMMUNITY',     'START',            'AREA_10K_M2', '开工',         613),
    ('OLD_COMMUNITY',     'COMPLETION',       'COMMUNITY',   '完工',         620),
    ('OLD_COMMUNITY',     'COMPLETION',       'HOUSEHOLD',   '完工',         621),
    ('OLD_COMMUNITY',     'COMPLETION',       'BUILDING',    '完工',         622),
    ('OLD_COMMUNITY',     'COMPLETION',       'AREA_10K_M2', '完工',         623),
    ('SHARED_OWNERSHIP',  'START',            'UNIT',        '开工',         710);
