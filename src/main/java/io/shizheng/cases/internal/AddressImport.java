package io.shizheng.cases.internal;

import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import io.shizheng.org.GeoLookup;
import io.shizheng.org.Place;
import io.shizheng.platform.AuditLog;
import io.shizheng.platform.AuditLog.AuditAction;
import io.shizheng.platform.CopyWriter;
import io.shizheng.platform.CsvException;
import io.shizheng.platform.CsvSource;
import io.shizheng.platform.ImportRuns;
import io.shizheng.platform.InvalidInputException;
import io.shizheng.platform.InvalidInputException.FieldProblem;
import io.shizheng.platform.Jurisdiction;
import io.shizheng.platform.ShizhengUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports door-plate address points from CSV (the national 門牌地址 data, columns in docs/address-points.md), all or
 * nothing: every row is checked (district of the city, road, numbers, coordinates inside the city, no door plate twice)
 * and streamed by COPY into a staging table; one bad row and nothing is kept, every bad row named by its line. Then
 * the points are upserted by door plate (or replace the whole table), and the run recorded like every import.
 */
@Service
class AddressImport {

    static final int MAX_PROBLEMS = 200;
    static final ImportRuns.Table RUNS = new ImportRuns.Table("cases_address_import");

    @Bean
    static ImportRuns.Table addressImportRuns() {
        return RUNS;
    }

    /** Each column by its names: English first, then the national data's Chinese heading(s). */
    enum Column {
        DISTRICT("district", "鄉鎮市區", "區"),
        DISTRICT_CODE("district_code", "鄉鎮市區代碼"),
        VILLAGE("village", "村里"),
        NEIGHBOURHOOD("neighbourhood", "鄰"),
        ROAD("road", "街路段", "街、路段", "街.路段"),
        AREA("area", "地區"),
        SECTION("section", "段"),
        LANE("lane", "巷"),
        ALLEY("alley", "弄"),
        NUMBER("number", "號"),
        X("x", "x_3826", "橫座標", "TWD97X"),
        Y("y", "y_3826", "縱座標", "TWD97Y"),
        LON("lon", "經度", "longitude"),
        LAT("lat", "緯度", "latitude");

        final String[] names;

        Column(String... names) {
            this.names = names;
        }
    }

    record Result(long importId, int rowsRead, int inserted, int updated, int unchanged, int removed, boolean replaced)
            implements java.io.Serializable {
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final GeoLookup geo;
    private final ImportRuns runs;
    private final AuditLog audit;
    private final Jurisdiction jurisdiction;

    AddressImport(DataSource dataSource, JdbcClient jdbc, TransactionTemplate tx, GeoLookup geo, ImportRuns runs, AuditLog audit,
                  Jurisdiction jurisdiction) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tx = tx;
        this.geo = geo;
        this.runs = runs;
        this.audit = audit;
        this.jurisdiction = jurisdiction;
    }

    static void requireImporter(ShizhengUser user) {
        if (!user.cityWide()) {
            throw new io.shizheng.platform.ForbiddenException("只有研考會與系統管理者可以匯入門牌地址 / only RDEC staff and administrators import address points");
        }
    }

    /** Reads the file (UTF-8 or Big5) and imports it in one transaction. */
    Result run(InputStream in, String fileName, boolean replace, ShizhengUser user) {
        requireImporter(user);
        long[] run = {0};
        try {
            return tx.execute(status -> {
                run[0] = runs.begin(RUNS, id -> jdbc.sql("insert into cases_address_import (id, status, file_name, username, replace_all) "
                        + "values (?, 'RUNNING', ?, ?, ?)").params(id, fileName, user.getUsername(), replace).update());
                try (CsvSource csv = CsvSource.detecting(in)) {
                    return importRows(csv, replace, run[0], fileName);
                } catch (CsvException e) {
                    throw new InvalidInputException("line " + e.line(), e.reason());
                }
            });
        } catch (InvalidInputException e) {
            if (run[0] != 0) {
                runs.end(RUNS, run[0], "REJECTED");
            }
            throw e;
        }
    }

    private record Row(long line, String districtCode, String districtName, @Nullable String village, String road, int section,
                       String lane, String alley, String number, double lon, double lat) {
    }

    private Result importRows(CsvSource csv, boolean replace, long importId, String fileName) {
        CsvSource.Row header = csv.header();
        if (header == null) {
            throw new InvalidInputException("file", "檔案是空的 / the file is empty");
        }
        Map<Column, Integer> at = columns(header);
        Map<String, String[]> districts = districts();
        jdbc.sql("""
                create temp table cases_address_stage (line bigint, district_code text, district_name text, village_name text,
                  road text, section int, lane text, alley text, number text, lon double precision, lat double precision)
                on commit drop""").update();
        Connection con = DataSourceUtils.getConnection(dataSource);
        CopyWriter copy = CopyWriter.into(con, "cases_address_stage", null);
        List<FieldProblem> problems = new ArrayList<>();
        int bad = 0;
        int read = 0;
        try {
            for (CsvSource.Row r : csv) {
                if (r.blank()) {
                    continue;
                }
                read++;
                List<FieldProblem> rowProblems = new ArrayList<>();
                Row row = parse(r, at, districts, rowProblems);
                if (row == null) {
                    bad++;
                    rowProblems.stream().limit(Math.max(0, MAX_PROBLEMS - problems.size())).forEach(problems::add);
                    continue;
                }
                if (bad == 0) {
                    copy.row(row.line(), row.districtCode(), row.districtName(), row.village(), row.road(), row.section(), row.lane(),
                            row.alley(), row.number(), row.lon(), row.lat());
                }
            }
            if (bad == 0) {
                copy.finish();
            }
        } finally {
            copy.cancel();
        }
        if (bad > 0) {
            if (bad > problems.size()) {
                problems.add(new FieldProblem("file", "共 " + bad + " 列有誤，僅列出前 " + problems.size() + " 項 / " + bad
                        + " bad rows in all; the first problems are listed"));
            }
            throw new InvalidInputException(problems);
        }
        if (read == 0) {
            throw new InvalidInputException("file", "檔案沒有資料列 / the file has no data rows");
        }
        List<FieldProblem> twice = jdbc.sql("""
                select string_agg(line::text, ', ' order by line), min(district_name) || road
                  || case when section > 0 then section || '段' else '' end || case when lane <> '' then lane || '巷' else '' end
                  || case when alley <> '' then alley || '弄' else '' end || number || '號'
                from cases_address_stage group by district_code, road, section, lane, alley, number
                having count(*) > 1 order by min(line) limit ?""").param(MAX_PROBLEMS)
                .query((rs, n) -> new FieldProblem("line " + rs.getString(1), "門牌「" + rs.getString(2) + "」重複 / the same door plate appears more than once"))
                .list();
        if (!twice.isEmpty()) {
            throw new InvalidInputException(twice);
        }
        int removed = replace ? jdbc.sql("delete from cases_address_point").update() : 0;
        List<Boolean> written = jdbc.sql("""
                insert into cases_address_point (district_code, district_name, village_name, road, section, lane, alley, number,
                  lon, lat, import_id)
                select district_code, district_name, village_name, road, section, lane, alley, number, lon, lat, ?
                from cases_address_stage order by line
                on conflict (district_code, road, section, lane, alley, number) do update
                  set lon = excluded.lon, lat = excluded.lat, village_name = excluded.village_name, district_name = excluded.district_name,
                      import_id = excluded.import_id, demo = false
                  where (cases_address_point.lon, cases_address_point.lat, cases_address_point.village_name, cases_address_point.demo)
                    is distinct from (excluded.lon, excluded.lat, excluded.village_name, false)
                returning (xmax = 0)""").param(importId).query(Boolean.class).list();
        int inserted = (int) written.stream().filter(Boolean::booleanValue).count();
        int updated = written.size() - inserted;
        int unchanged = read - written.size();
        jdbc.sql("update cases_address_import set status = 'DONE', rows_read = ?, inserted = ?, updated = ?, unchanged = ?, removed = ?, "
                        + "finished_at = clock_timestamp() where id = ?")
                .params(read, inserted, updated, unchanged, removed, importId).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("file", fileName);
        after.put("rows", read);
        after.put("inserted", inserted);
        after.put("updated", updated);
        after.put("unchanged", unchanged);
        after.put("removed", removed);
        audit.record("cases.address-import", importId, AuditAction.CREATE, null, after);
        return new Result(importId, read, inserted, updated, unchanged, removed, replace);
    }

    private static Map<Column, Integer> columns(CsvSource.Row header) {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).strip().toLowerCase(java.util.Locale.ROOT), i);
        }
        Map<Column, Integer> at = new java.util.EnumMap<>(Column.class);
        for (Column c : Column.values()) {
            for (String n : c.names) {
                Integer i = byName.get(n.toLowerCase(java.util.Locale.ROOT));
                if (i != null) {
                    at.put(c, i);
                    break;
                }
            }
        }
        List<FieldProblem> p = new ArrayList<>();
        if (!at.containsKey(Column.DISTRICT) && !at.containsKey(Column.DISTRICT_CODE)) {
            p.add(new FieldProblem("header", "缺少欄位 district（鄉鎮市區）或 district_code / the district column is missing"));
        }
        if (!at.containsKey(Column.ROAD) && !at.containsKey(Column.AREA)) {
            p.add(new FieldProblem("header", "缺少欄位 road（街路段）/ the road column is missing"));
        }
        if (!at.containsKey(Column.NUMBER)) {
            p.add(new FieldProblem("header", "缺少欄位 number（號）/ the number column is missing"));
        }
        boolean lonLat = at.containsKey(Column.LON) && at.containsKey(Column.LAT);
        boolean xy = at.containsKey(Column.X) && at.containsKey(Column.Y);
        if (!lonLat && !xy) {
            p.add(new FieldProblem("header", "缺少座標欄位：lon 與 lat（WGS84），或 x 與 y（TWD97 二度分帶）/ coordinates are missing: lon and lat, or x and y"));
        }
        if (!p.isEmpty()) {
            throw new InvalidInputException(p);
        }
        return at;
    }

    /** District names (normalised) and codes to {code, name}. */
    private Map<String, String[]> districts() {
        Map<String, String[]> m = new HashMap<>();
        for (GeoLookup.District d : geo.districts()) {
            String[] v = {d.code(), d.name()};
            m.put(d.code(), v);
            m.put(DoorPlate.normalise(d.name()), v);
            m.put(DoorPlate.normalise(jurisdiction.name()) + DoorPlate.normalise(d.name()), v);
        }
        return m;
    }

    private @Nullable Row parse(CsvSource.Row r, Map<Column, Integer> at, Map<String, String[]> districts, List<FieldProblem> p) {
        String where = "line " + r.line();
        if (r.longerThan(200)) {
            p.add(new FieldProblem(where, "欄位過長（上限 200 字）/ a cell longer than 200 characters"));
            return null;
        }
        String district = cell(r, at, Column.DISTRICT);
        String code = cell(r, at, Column.DISTRICT_CODE);
        String[] d = null;
        if (code != null && !code.isBlank()) {
            d = districts.get(code.strip());
        }
        if (d == null && district != null && !district.isBlank()) {
            d = districts.get(DoorPlate.normalise(district));
        }
        if (d == null) {
            p.add(new FieldProblem(where + ": district", "不是" + jurisdiction.name() + "的行政區 / not a district of "
                    + jurisdiction.nameEn() + ": " + (district != null && !district.isBlank() ? district : code)));
        }
        String roadCell = cell(r, at, Column.ROAD);
        if (roadCell == null || roadCell.isBlank()) {
            roadCell = cell(r, at, Column.AREA);
        }
        DoorPlate.RoadSection road = null;
        if (roadCell == null || roadCell.isBlank()) {
            p.add(new FieldProblem(where + ": road", "請填街路段 / the road or street is required"));
        } else {
            try {
                road = DoorPlate.road(roadCell, cell(r, at, Column.SECTION));
                if (road.road().isEmpty() || road.road().length() > 80 || road.road().matches(".*\\d.*")) {
                    p.add(new FieldProblem(where + ": road", "街路段無法解讀 / the road cannot be read: " + roadCell));
                    road = null;
                }
            } catch (NumberFormatException e) {
                p.add(new FieldProblem(where + ": section", "段須為數字 / the section must be a number"));
            }
        }
        String lane = DoorPlate.numberPart(cell(r, at, Column.LANE), '巷');
        if (lane == null) {
            p.add(new FieldProblem(where + ": lane", "巷須為數字（可含之）/ the lane must be a number: " + cell(r, at, Column.LANE)));
        }
        String alley = DoorPlate.numberPart(cell(r, at, Column.ALLEY), '弄');
        if (alley == null) {
            p.add(new FieldProblem(where + ": alley", "弄須為數字（可含之）/ the alley must be a number: " + cell(r, at, Column.ALLEY)));
        }
        String number = DoorPlate.numberPart(cell(r, at, Column.NUMBER), '號');
        if (number == null || number.isEmpty()) {
            p.add(new FieldProblem(where + ": number", "號須為數字，如 12 或 12之3 / the number must be like 12 or 12之3: "
                    + cell(r, at, Column.NUMBER)));
        }
        for (String[] part : new String[][] {{"lane", lane}, {"alley", alley}, {"number", number}}) {
            if (part[1] != null && part[1].length() > 20) {
                p.add(new FieldProblem(where + ": " + part[0], "數字過長（上限 20 字）/ longer than 20 characters"));
            }
        }
        String villageCell = cell(r, at, Column.VILLAGE);
        if (villageCell != null && villageCell.strip().length() > 40) {
            p.add(new FieldProblem(where + ": village", "村里名稱過長（上限 40 字）/ the village is longer than 40 characters"));
        }
        double[] point = point(r, at, where, p);
        if (point != null && d != null) {
            Optional<Place> place = geo.locate(point[0], point[1]);
            if (place.isEmpty()) {
                p.add(new FieldProblem(where + ": lon/lat", "點位不在" + jurisdiction.name() + "轄區內 / the point is outside "
                        + jurisdiction.nameEn()));
            }
        }
        if (!p.isEmpty()) {
            return null;
        }
        String village = cell(r, at, Column.VILLAGE);
        village = village == null || village.isBlank() ? null : DoorPlate.normalise(village);
        return new Row(r.line(), d[0], d[1], village, road.road(), road.section(), lane, alley, number,
                Math.round(point[0] * 1e7) / 1e7, Math.round(point[1] * 1e7) / 1e7);
    }

    private static double @Nullable [] point(CsvSource.Row r, Map<Column, Integer> at, String where, List<FieldProblem> p) {
        String lon = cell(r, at, Column.LON);
        String lat = cell(r, at, Column.LAT);
        if (lon != null && lat != null && !lon.isBlank() && !lat.isBlank()) {
            Double x = number(lon);
            Double y = number(lat);
            if (x == null || y == null || x < -180 || x > 180 || y < -90 || y > 90) {
                p.add(new FieldProblem(where + ": lon/lat", "經緯度須為數字（經度 -180 至 180、緯度 -90 至 90）/ lon and lat must be degrees"));
                return null;
            }
            return new double[] {x, y};
        }
        String xs = cell(r, at, Column.X);
        String ys = cell(r, at, Column.Y);
        if (xs != null && ys != null && !xs.isBlank() && !ys.isBlank()) {
            Double x = number(xs);
            Double y = number(ys);
            // TM2 121 on Taiwan and its islands: easting within 0..500 km, northing 2,300..2,900 km
            if (x == null || y == null || x < 0 || x > 500_000 || y < 2_300_000 || y > 2_900_000) {
                p.add(new FieldProblem(where + ": x/y", "x、y 須為 TWD97 二度分帶座標（公尺）/ x and y must be TWD97 TM2 metres"));
                return null;
            }
            return Twd97.toLonLat(x, y);
        }
        p.add(new FieldProblem(where + ": lon/lat", "請填座標（lon、lat 或 x、y）/ the coordinates are required"));
        return null;
    }

    private static @Nullable Double number(String s) {
        try {
            double v = Double.parseDouble(io.shizheng.cases.internal.DoorPlate.normalise(s));
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable String cell(CsvSource.Row r, Map<Column, Integer> at, Column c) {
        Integer i = at.get(c);
        return i == null || i >= r.size() ? null : r.get(i);
    }

    record Run(long id, String status, String fileName, String username, boolean replaceAll, int rowsRead, int inserted,
               int updated, int unchanged, int removed, java.time.Instant createdAt) {
    }

    List<Run> recent(int limit) {
        return jdbc.sql("""
                select id, status, coalesce(file_name, ''), coalesce(username, ''), replace_all, rows_read, inserted, updated, unchanged,
                  removed, created_at from cases_address_import order by id desc limit ?""").param(limit)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                        rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getTimestamp(11).toInstant()))
                .list();
    }
}
