package io.cunjian.chassis.spreadsheet;

import java.util.List;

import jakarta.ws.rs.core.Response;

import io.cunjian.chassis.export.CsvExport;
import io.cunjian.chassis.export.XlsxExport;
import io.cunjian.chassis.problem.InvalidInputProblem;

/**
 * The empty sheet of an import, to download and fill in: the Chinese labels as its header (what an office's sheet
 * has), XLSX with every column formatted as text (so a code stays as typed) or CSV (UTF-8 with BOM).
 */
public final class Templates {

    private Templates() {
    }

    /** {@code format}: {@code xlsx} or {@code csv}; anything else is 400 naming {@code format}. */
    public static Response answer(String fileName, List<Column> columns, String format) {
        List<String> header = columns.stream().map(Column::label).toList();
        if ("xlsx".equals(format)) {
            return attachment(XlsxExport.template(fileName, header), XlsxExport.MEDIA_TYPE, fileName + ".xlsx");
        }
        if ("csv".equals(format)) {
            return attachment(CsvExport.write(header, List.of()), CsvExport.MEDIA_TYPE, fileName + ".csv");
        }
        throw new InvalidInputProblem("format", "problem.import.template-format");
    }

    private static Response attachment(byte[] file, String type, String name) {
        return Response.ok(file, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }
}
