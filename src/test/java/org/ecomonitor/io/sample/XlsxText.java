package org.ecomonitor.io.sample;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.IOException;
import java.nio.file.Path;

/** The visible content of a workbook's first sheet as text, for comparisons in tests. */
final class XlsxText {
    private XlsxText() {
    }

    static String of(Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        DataFormatter f = new DataFormatter();
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            Sheet s = wb.getSheetAt(0);
            for (Row r : s) {
                for (int i = 0; i < r.getLastCellNum(); i++) {
                    b.append(f.formatCellValue(r.getCell(i))).append('\t');
                }
                b.append('\n');
            }
        }
        return b.toString();
    }
}
