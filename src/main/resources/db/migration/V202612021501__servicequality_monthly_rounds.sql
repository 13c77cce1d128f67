-- Phone-test rounds planned each month by the schedule (automatic) beside those RDEC plans by hand: one of each
-- kind per month at most, so that two instances running the monthly job cannot plan a month twice.
alter table servicequality_round add column automatic boolean not null default false;
-- the rules the automatic round followed (calls per agency, working hours), as shown on its page
alter table servicequality_round add column rules varchar(300);
alter table servicequality_round drop constraint servicequality_round_year_month_key;
create unique index servicequality_round_automatic on servicequality_round (year, month) where automatic;
create unique index servicequality_round_by_hand on servicequality_round (year, month) where not automatic;

-- The time of day a call is planned for (automatic rounds spread their calls over working hours).
alter table servicequality_call add column scheduled_time time;
