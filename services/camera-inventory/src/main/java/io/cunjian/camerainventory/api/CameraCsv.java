package io.cunjian.camerainventory.api;

import java.util.ArrayList;
import java.util.List;

import io.cunjian.chassis.export.CsvExport;
import io.cunjian.chassis.spreadsheet.Column;

/**
 * The camera sheet's columns, for the chassis' import (CSV or XLSX; by English name or Chinese label, in any order)
 * and for the CSV export, which has the same columns so that an export imports elsewhere.
 */
final class CameraCsv {

    static final List<Column> COLUMNS = List.of(
            Column.required("serial", "序列号"),
            Column.required("villageCode", "村代码"),
            Column.required("zone", "覆盖区域"),
            Column.required("model", "型号"),
            Column.required("vendor", "厂商"),
            Column.required("latitude", "纬度"),
            Column.required("longitude", "经度"),
            Column.optional("installedOn", "安装日期"),
            Column.optional("installer", "安装单位"),
            Column.optional("lifecycle", "状态"));

    private CameraCsv() {
    }

    /** The chassis' CSV (UTF-8 with BOM, formulas neutralised), one line per camera, the import's columns. */
    static byte[] write(List<List<Object>> rows) {
        List<Object> header = new ArrayList<>(COLUMNS.stream().map(Column::field).toList());
        header.add(2, "zoneId");
        header.add("online");
        header.add("lastSeen");
        return CsvExport.write(header, rows);
    }
}
