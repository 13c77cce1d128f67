-- The contact an anonymous Open311 report carried: kept to reply to it, never matched to a citizen nor found by
-- phone in a caller's history (issue #10).
alter table cases_citizen add column identified boolean not null default true;
update cases_citizen z set identified = false
 where exists (select 1 from cases_case c where c.citizen_id = z.id and c.channel = 'OPEN311')
   and not exists (select 1 from cases_case c where c.citizen_id = z.id and c.channel <> 'OPEN311');
