-- Digital elevation models (spatial): the grid as little-endian float32 cells, row by row from the north-west corner,
-- and its georeference as a GeoTIFF carries it (origin = outer corner of the first cell, PixelIsArea).
create table spatial_dem (
    id          bigserial primary key,
    name        varchar(200) not null,
    agency_id   bigint not null,
    crs         integer not null check (crs in (3826, 4326)),
    width       integer not null check (width > 0),
    height      integer not null check (height > 0),
    origin_x    double precision not null,
    origin_y    double precision not null,
    pixel_x     double precision not null check (pixel_x > 0),
    pixel_y     double precision not null check (pixel_y < 0),
    nodata      double precision,
    data_type   varchar(10) not null check (data_type in ('float32', 'int16')),
    min_elev    double precision,
    max_elev    double precision,
    cells       bytea not null,
    demo        boolean not null default false,
    created_by  bigint,
    created_at  timestamptz not null default now()
);
create index spatial_dem_agency on spatial_dem (agency_id);
