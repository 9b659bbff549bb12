-- 国有土地上房屋征收与补偿 (issue 13, 条例 国务院令第590号): a county's 征收项目, its steps as dated records, the
-- 被征收户 with valuation, option, fees and the Art.25 agreement, and the project's reward scheme file as uploaded.
-- Owner names and ID numbers are sealed by org.anju.privacy.PersonalData (_enc, _bidx, _masked); nothing here is
-- plaintext personal data. Amounts are 元, areas ㎡; a null is "未报" (not stated), never 0.
create table ledger_expro_project (
    id               bigserial primary key,
    county_id        integer not null references region (id),    -- the 市/县 whose 征收部门 runs it
    name             text    not null check (name <> ''),
    project_type     text    not null check (project_type in ('OLD_TOWN', 'AFFORDABLE_HOUSING', 'INFRASTRUCTURE',
                                                              'PUBLIC_SERVICE', 'DEFENCE', 'OTHER')),
    scope_households integer not null check (scope_households > 0),   -- 征收范围内户数 (the signing-rate denominator)
    scope_area       numeric check (scope_area > 0),                   -- 征收建筑面积 ㎡; null: not stated
    counting         text    not null check (counting in ('START_SAME_DAY', 'START_NEXT_DAY')),  -- how its periods count days
    review_days      integer check (review_days > 0),      -- 收到评估报告后申请复核评估的期限 (日); null: not configured
    appraisal_days   integer check (appraisal_days > 0),   -- 收到复核结果后申请鉴定的期限 (日); null: not configured
    gate_percent     numeric check (gate_percent > 0 and gate_percent <= 100),  -- 签约比例 (e.g. 杭州 ≥80 %); null: none
    gate_consequence text,                                  -- what happens when it is not reached, as the rule says
    gate_source      text,                                  -- the rule (文号/名称)
    version          integer not null default 0,
    created_at       timestamptz not null default now(),
    created_by       text    not null,
    updated_at       timestamptz not null default now(),
    updated_by       text    not null,
    unique (county_id, name),
    check ((gate_percent is null) = (gate_consequence is null))
);

-- one row per step of the regulation, in the order Reg590 enforces; second_date is the step's other date
-- (征求意见截止日, 公告日期, 签约期限截止日)
create table ledger_expro_step (
    project_id  bigint  not null references ledger_expro_project (id) on delete cascade,
    stage       text    not null,
    on_date     date    not null,
    second_date date,
    doc_no      text,            -- 文号, 专户, 评估机构 as the step needs
    note        text,
    flag        boolean,         -- 征求意见情况: whether most owners found the plan not in line with the regulation
    recorded_at timestamptz not null default now(),
    recorded_by text    not null,
    primary key (project_id, stage)
);

create table ledger_expro_household (
    id                     bigserial primary key,
    project_id             bigint  not null references ledger_expro_project (id) on delete cascade,
    code                   text    not null check (code <> ''),      -- 户号 / 调查登记编号
    owner_name_enc         bytea   not null,
    owner_name_bidx        bytea   not null,
    owner_name_masked      text    not null,
    owner_id_enc           bytea,
    owner_id_bidx          bytea,
    owner_id_masked        text,
    address                text    not null check (address <> ''),   -- 房屋坐落
    title_no               text,                                     -- 房屋所有权证号 / 不动产权证号
    area                   numeric check (area > 0),                 -- 建筑面积 ㎡; null: not stated
    house_use              text    not null check (house_use in ('RESIDENTIAL', 'NON_RESIDENTIAL')),
    title_status           text    not null check (title_status in ('REGISTERED', 'UNREGISTERED')),
    valuation              numeric check (valuation > 0),            -- 评估价值 元
    valuation_received_on  date,                                     -- 收到评估报告之日
    review_requested_on    date,                                     -- 申请复核评估
    review_result_on       date,                                     -- 收到复核结果
    appraisal_requested_on date,                                     -- 申请专家委员会鉴定
    option                 text check (option in ('MONEY', 'SWAP')), -- 补偿方式
    swap_location          text,                                     -- 产权调换房屋地点
    swap_area              numeric check (swap_area > 0),
    difference             numeric,                                  -- 差价 元 (+ the owner pays, − the owner receives)
    moving_fee             numeric check (moving_fee >= 0),          -- 搬迁费
    transition_fee         numeric check (transition_fee >= 0),      -- 临时安置费 (元, total)
    transition_flat        text,                                     -- 周转用房 (instead of the fee)
    business_loss          numeric check (business_loss >= 0),       -- 停产停业损失
    agreement_on           date,                                     -- 补偿协议签订日
    compensation           numeric check (compensation >= 0),        -- 补偿金额
    payment_due            date,                                     -- 支付期限
    move_deadline          date,                                     -- 搬迁期限
    transition_mode        text,                                     -- 过渡方式
    transition_until       date,                                     -- 过渡期限
    decision_on            date,                                     -- 补偿决定 (Art.26)
    decision_no            text,
    decision_move_deadline date,
    enforcement_on         date,                                     -- 申请人民法院强制执行 (Art.28)
    vacated_on             date,                                     -- 腾空/搬迁
    version                integer not null default 0,
    created_at             timestamptz not null default now(),
    created_by             text    not null,
    updated_at             timestamptz not null default now(),
    updated_by             text    not null,
    unique (project_id, code),
    check ((owner_id_enc is null) = (owner_id_masked is null)),
    check ((decision_on is null) = (decision_no is null)),
    check (agreement_on is null or decision_on is null)
);
create index ledger_expro_household_project on ledger_expro_household (project_id, id);

-- the reward scheme file of a project, stored verbatim; the newest version applies, older ones stay for the record
create table ledger_expro_reward_scheme (
    project_id  bigint  not null references ledger_expro_project (id) on delete cascade,
    version     integer not null check (version > 0),
    file_name   text    not null,
    content     text    not null,
    uploaded_at timestamptz not null default now(),
    uploaded_by text    not null,
    primary key (project_id, version)
);

select audit_enable('ledger_expro_project');
select audit_enable('ledger_expro_step', '{project_id,stage}');
select audit_enable('ledger_expro_household', hidden_columns => '{owner_name_enc,owner_name_bidx,owner_id_enc,owner_id_bidx}');
select audit_enable('ledger_expro_reward_scheme', '{project_id,version}');
