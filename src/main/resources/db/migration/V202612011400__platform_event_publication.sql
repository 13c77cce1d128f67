-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.0): an event a module
-- publishes is stored in the publishing transaction, once per listener, and completed when the listener has run;
-- platform's EventPublications job resubmits what stayed incomplete and removes old completed rows.
create table event_publication (
    id                     uuid not null primary key,
    listener_id            text not null,
    event_type             text not null,
    serialized_event       text not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
