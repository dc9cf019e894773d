package io.cunjian.chassis.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

/** An export opens in any ZIP reader, not only in POI: every entry of the file reads to its end with java.util.zip. */
class XlsxExportTest {

    @Test
    void everyEntryReadsWithAPlainZipReader() throws IOException {
        byte[] xlsx = XlsxExport.write("进度", List.of("村", "完成率"), List.of(List.of("永加社区", 0.5), List.of("孙家村", 1)));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                zip.readAllBytes(); // a ZIP64 descriptor behind a plain header fails here: "invalid entry size"
                names.add(entry.getName());
            }
        }
        assertThat(names).contains("xl/worksheets/sheet1.xml", "[Content_Types].xml");
    }
}
