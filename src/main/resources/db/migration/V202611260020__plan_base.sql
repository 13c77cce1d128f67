-- The annual plan (施政計畫): goals, indicators, programs, and manual indicator values.

create table plan_plan (
    id          bigserial primary key,
    year        int not null unique,
    title       varchar(200) not null,
    vision      text,
    aims        text,
    updated_at  timestamptz not null default now()
);

create table plan_goal (
    id       bigserial primary key,
    plan_id  bigint not null references plan_plan (id) on delete cascade,
    code     varchar(10) not null,
    name     varchar(200) not null,
    name_en  varchar(300),
    weight   numeric(6, 2) not null check (weight >= 0),
    sort     int not null default 0,
    unique (plan_id, code)
);

create table plan_indicator (
    id              bigserial primary key,
    plan_id         bigint not null references plan_plan (id) on delete cascade,
    goal_id         bigint not null references plan_goal (id) on delete cascade,
    code            varchar(10) not null,
    name            varchar(300) not null,
    name_en         varchar(300),
    measure         varchar(500) not null,
    unit            varchar(20) not null,
    -- HIGHER or LOWER is better
    direction       varchar(10) not null default 'HIGHER',
    -- SUM: months add up; RATIO: a rate (year to date); LEVEL: a cumulative stock at period end
    aggregation     varchar(10) not null,
    weight          numeric(6, 2) not null check (weight >= 0),
    target          numeric(18, 4) not null check (target >= 0),
    owner_agency_id bigint,
    -- MANUAL or METRIC:<name>
    source          varchar(80) not null default 'MANUAL',
    sort            int not null default 0,
    unique (plan_id, code)
);

create table plan_program (
    id              bigserial primary key,
    plan_id         bigint not null references plan_plan (id) on delete cascade,
    seq             int not null,
    name            varchar(300) not null,
    budget_thousand numeric(14, 0) not null check (budget_thousand >= 0),
    note            varchar(500),
    unique (plan_id, seq)
);

create table plan_program_item (
    id         bigserial primary key,
    program_id bigint not null references plan_program (id) on delete cascade,
    seq        int not null,
    content    text not null
);

create table plan_manual_value (
    id                bigserial primary key,
    indicator_id      bigint not null references plan_indicator (id) on delete cascade,
    period_month      date not null,
    value             numeric(18, 4) not null,
    evidence_note     text,
    attachment_name   varchar(200),
    attachment_type   varchar(100),
    attachment        bytea,
    -- PENDING, APPROVED or REJECTED
    status            varchar(10) not null default 'PENDING',
    agency_id         bigint,
    submitted_by      bigint,
    submitted_by_name varchar(100) not null,
    submitted_at      timestamptz not null default now(),
    reviewed_by_name  varchar(100),
    reviewed_at       timestamptz,
    review_note       text,
    demo              boolean not null default false,
    unique (indicator_id, period_month)
);
create index plan_manual_value_status on plan_manual_value (status);

-- The FY107 (2018) plan of the Research, Development and Evaluation Commission, exactly as the seed states it.

insert into plan_plan (year, title, vision, aims) values (2018, '研究發展考核委員會107年度施政計畫', '服務型政府、效能型政府、智慧型政府', '推動優質服務，提升民眾滿意度
強化管考作為，提升治理效能
開放資訊分享，打造智慧城市');
insert into plan_goal (plan_id, code, name, name_en, weight, sort) values ((select id from plan_plan where year = 2018), '1', '提升行政效能', 'Improve administrative effectiveness', 18, 0);
insert into plan_goal (plan_id, code, name, name_en, weight, sort) values ((select id from plan_plan where year = 2018), '2', '優化服務品質', 'Improve service quality', 22, 1);
insert into plan_goal (plan_id, code, name, name_en, weight, sort) values ((select id from plan_plan where year = 2018), '3', '致力智慧創新', 'Commit to smart innovation', 10, 2);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '1'), '1.1', '強化進度異常案件檢討，辦理重大建設進度檢討會議', 'Review lagging projects; hold major-construction progress-review meetings', '建設計畫列管案件年底如期結案比率', '%', 'HIGHER', 'RATIO', 5, 80, (select id from org_agency where code = 'RDEC'), 'MANUAL', 0);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '1'), '1.2', '推動機關使用管考系統', 'Get agencies to use the management-control system', '一級機關使用管考系統比率', '%', 'HIGHER', 'RATIO', 3, 100, (select id from org_agency where code = 'RDEC'), 'METRIC:system-usage', 1);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '1'), '1.3', '落實文書流程管理，加強公文處理與結案比率', 'Manage document flow; improve document handling and closure', '各機關依限結案比率', '%', 'HIGHER', 'RATIO', 4, 97, (select id from org_agency where code = 'SEC'), 'MANUAL', 2);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '1'), '1.4', '推廣空間資訊分析平台', 'Promote the spatial information analysis platform', '累計查詢次數', '次', 'HIGHER', 'LEVEL', 3, 34200000, (select id from org_agency where code = 'RDEC'), 'MANUAL', 3);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '1'), '1.5', '推廣行動化公務應用平台', 'Promote the mobile platform for official work', '機關發布公務訊息數', '則', 'HIGHER', 'SUM', 3, 1000, (select id from org_agency where code = 'RDEC'), 'MANUAL', 4);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '2'), '2.1', '辦理為民服務相關教育訓練', 'Train staff in citizen service', '參加人次', '人次', 'HIGHER', 'SUM', 3, 500, (select id from org_agency where code = 'RDEC'), 'MANUAL', 5);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '2'), '2.2', '全府電話應答品質合格率', 'Phone-answering quality pass rate, city-wide', '合格率=(80分以上通數/總測試通數)*100%', '%', 'HIGHER', 'RATIO', 4, 85, (select id from org_agency where code = 'RDEC'), 'MANUAL', 6);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '2'), '2.3', '民眾撥打1999專線20秒內接聽率', '1999 calls answered within 20 seconds', '20秒內接聽率', '%', 'HIGHER', 'RATIO', 3, 85, (select id from org_agency where code = 'RDEC'), 'MANUAL', 7);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '2'), '2.4', '民眾對1999話務人員應答滿意度', 'Citizens'' satisfaction with 1999 agents', '民眾對1999話務人員應答滿意度', '%', 'HIGHER', 'RATIO', 5, 85, (select id from org_agency where code = 'RDEC'), 'MANUAL', 8);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '2'), '2.5', '落實資訊透明', 'Open government information', '當年度開放資料平台完成開放資料集增加數', '個', 'HIGHER', 'SUM', 5, 50, (select id from org_agency where code = 'RDEC'), 'MANUAL', 9);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '2'), '2.6', '主動福利推播', 'Proactive welfare push', '平台服務人次', '人次', 'HIGHER', 'SUM', 2, 100000, (select id from org_agency where code = 'SOCIAL'), 'MANUAL', 10);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '3'), '3.1', '鼓勵創新提案', 'Encourage innovation proposals', '創新提案數', '件', 'HIGHER', 'SUM', 3, 30, (select id from org_agency where code = 'RDEC'), 'MANUAL', 11);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '3'), '3.2', '充實大數據匯流分析平台', 'Enrich the big-data convergence platform', '累計可供交換之資料集數量', '個', 'HIGHER', 'LEVEL', 2, 9, (select id from org_agency where code = 'RDEC'), 'MANUAL', 12);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '3'), '3.3', '普及免費無線網路服務', 'Spread free public Wi-Fi', '使用總流量成長率', '%', 'HIGHER', 'RATIO', 3, 1, (select id from org_agency where code = 'RDEC'), 'MANUAL', 13);
insert into plan_indicator (plan_id, goal_id, code, name, name_en, measure, unit, direction, aggregation, weight, target, owner_agency_id, source, sort) values ((select id from plan_plan where year = 2018), (select g.id from plan_goal g join plan_plan p on p.id = g.plan_id where p.year = 2018 and g.code = '3'), '3.4', '推行全方位市民卡', 'Promote the all-round citizen card', '累計提供優惠項目', '項', 'HIGHER', 'LEVEL', 2, 7, (select id from org_agency where code = 'RDEC'), 'MANUAL', 14);
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 1, '創新提案實施計畫', 174, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 1), 1, '鼓勵各機關同仁發揮創意，研提與業務相關之興革意見。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 1), 2, '遴聘學者、專家組成「創新提案評審小組」，就各項提案進行初審及複審。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 1), 3, '依創新性、可行性及效益性等進行綜合評比，選出獲獎提案，予以表揚。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 2, '施政滿意度與政策議題民意調查', 1500, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 2), 1, '每季進行市府施政滿意度調查，定期瞭解民眾對市府團隊的滿意度。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 2), 2, '針對重大政策議題或突發議題進行民意調查，以即時了解民意。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 3, '推動參與式預算，營造公民參與政策環境', 980, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 3), 1, '鼓勵本府各機關研擬適合辦理參與式預算之施政項目，進行議題規劃。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 3), 2, '與本府青年事務局合作辦理培訓工作坊，並適時向民眾宣導。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 3), 3, '邀請專家學者或具實務經驗人士組成顧問團，協助輔導檢視辦理情形。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 4, '府管制案件實地查證執行計畫', 413, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 4), 1, '依據本府重大建設計畫選項列管作業要點與一般性補助款基本設施補助計畫管制要點規定，針對列管計畫經本會認為有必要者，得於計畫執行期間內進行實地查證，成果公布於本會官網、決議事項擇要納入重大建設進度檢討會議追蹤。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 4), 2, '依107年度道安工作執行計畫，就各機關重點工作項目，聘請專家學者擔任實地查證委員，提供查證案件改善意見，並追蹤改善情形。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 5, '研考資訊系統擴充與調整', 432, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 5), 1, '編列年度維護經費，進行研考資訊系統各項功能維護。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 5), 2, '配合各項與研考資訊系統介接之系統，進行介接資訊之功能維護。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 5), 3, '依業務需求，擴充及調整系統功能。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 6, '公文品質及改善流程計畫', 115, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 6), 1, '與本府秘書處及政風室等相關機關共同組成「公文品質檢核小組」，至各機關進行實地檢核。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 6), 2, '辦理公文講習及教育訓練。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 6), 3, '加強公文處理時效，定期檢視公文依限結案率。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 7, '提升行政機關服務品質計畫', 647, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 7), 1, '依機關業務屬性區分為第一線服務機關及服務規劃機關，遴選專家學者輔導機關參加行政院政府服務獎，爭取為民服務最高榮譽。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 7), 2, '擇定績優機關辦理標竿學習，以期導入服務品質觀念，進而提升本府各機關整體服務品質。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 7), 3, '辦理為民服務教育訓練，包括電話應答、臨櫃服務、陳情案件處理，加強本府各機關同仁專業服務品質。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 7), 4, '電話應答品質考核，每月實施為民服務電話應答情形考核，要求未達80分之機關或個人予以改善；每月統計電話接聽率、忙線率、未接聽情形，請各機關及公所提高接聽率。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 8, '1999市民諮詢服務', 23287, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 8), 1, '建置全方位單一窗口，提供民眾24小時不中斷諮詢服務，包括市政諮詢、市政信箱、轉接電話、告知電話及市容查報等服務。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 8), 2, '提供國、台、英、客、日等多種語言服務。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 9, '編印便民文宣', 10000, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 9), 1, '提供本市重大政策簡介、福利查詢、生活資訊、市府活動、行事曆、農民曆及機關聯絡資料等資訊，分送家戶並由各機關提供民眾索取，另同步建置電子書，達到節能減碳效用。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 10, '社會經濟資料庫及空間資訊應用決策分析平台維運及擴充', 3176, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 10), 1, '持續維運空間決策分析平台及社會經濟資料庫，更新各種人口分布、經濟結構、區域地理、水利交通等社會經濟資料與地理圖資，提供府內各機關介接使用，以充分發揮資料互通、共享與多目標加值應用效益。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 10), 2, '透過新增決策分析功能，如地形剖面查詢、坡度坡向查詢、建物陰影展示等功能，供本府各機關於業務上進行參考，達到數位治理之目標。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 10), 3, '蒐集各局處地理圖資與系統發展情形，將收納之圖資整理以擴充平台成果。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 10), 4, '營運本府系統備份管理機制，並且配合本府ISMS管理機制，交付相關文件及修補弱點，及配合ISMS稽核。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 11, '推動智慧區里', 2000, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 11), 1, '維護智慧區里系統各項功能。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 11), 2, '依據里長反應意見，介接公文系統並持續優化本系統各項功能。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 11), 3, '提供教育訓練及客服諮詢人力，協助里長熟悉操作或障礙排除。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 12, '資料開放平台暨服務匯流整合平台及推廣行銷', 3360, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 12), 1, '協助資料格式轉換與自動化機制建立，優化資料集上下架及新增資料品質檢核機制，提升資料品質。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 12), 2, '提供我國開放資料趨勢，並盤點各局處政府資料，擴充本府開放資料數量與種類。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 12), 3, '辦理教育訓練與推廣說明，使本府同仁熟悉平台與開放資料之內涵。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 12), 4, '辦理競賽與研討會活動，引進民間社群與專家回饋。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 12), 5, '使用雲端環境提升民間開放資料存取效能，促進運算平台彈性化。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 13, '福利智慧雲項目擴充', 0, '系統106年建置完成，保固至107年底');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 13), 1, '福利補助條件邏輯增修、系統功能介面優化調整，與E管家My Data之申請者身份識別及授權管理機制。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 13), 2, '介接資料提供機關傳輸介面。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 13), 3, '福利補助條件邏輯增修。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 14, '智慧運籌管理與大數據分析平台建置', 0, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 14), 1, '持續彙整資料、提供API供本府局處交換使用，完成本案平台建置並持續維運。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 14), 2, '持續透過本案平台輔助局處產出各類市政洞悉報告，提供其作為決策參考。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 14), 3, '制定資料標準作為府內資料儲存格式的依據，以提升資料的互通性。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 15, '推動本市免費無線上網服務', 25400, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 15), 1, '維持本市現有免費無線上網熱點，並於人潮眾多處建置新熱點。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 15), 2, '監測各熱點服務流量，確保無線上網之穩定性，並視民眾使用需求及地區特性，適度調整熱點分布。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 15), 3, '建構本市免費無線上網之優質服務環境，強化資訊基礎設施。');
insert into plan_program (plan_id, seq, name, budget_thousand, note) values ((select id from plan_plan where year = 2018), 16, '市民卡應用功能擴充暨推廣行銷', 23700, null);
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 16), 1, '持續提高市民卡APP功能及下載率。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 16), 2, '持續增加市民卡合作優惠通路及行銷推廣。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 16), 3, '持續發行行動市民卡，提供市民多元辦卡選擇，並維持行動市民卡系統維運。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 16), 4, '卡片管理系統平台(包含國民運動卡、活動管理系統)維護工作。');
insert into plan_program_item (program_id, seq, content) values ((select pr.id from plan_program pr join plan_plan p on p.id = pr.plan_id where p.year = 2018 and pr.seq = 16), 5, '擴大機動辦卡服務，並購置實體卡以便利民眾申辦。');
