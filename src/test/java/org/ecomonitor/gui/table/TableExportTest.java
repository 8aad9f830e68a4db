package org.ecomonitor.gui.table;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.ecomonitor.model.Feature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribute table's export: CSV that Excel reads in Chinese, and XLSX with numbers as numbers. */
class TableExportTest {

    @TempDir
    Path dir;

    static List<Feature> rows() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("name", "碧江环境监测站, 城区");
        a.put("value", 35.5);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("name", "铜仁学院站");
        b.put("value", null);
        return List.of(new Feature(1, null, a), new Feature(2, null, b));
    }

    @Test
    void csvHasABomQuotesAndEmptyCells() throws Exception {
        Path f = dir.resolve("t.csv");
        assertEquals(2, TableExport.write(f, List.of("name", "value"), rows()));
        String text = Files.readString(f, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFFfid,name,value\r\n"), text);
        assertTrue(text.contains("1,\"碧江环境监测站, 城区\",35.5\r\n"), text);
        assertTrue(text.contains("2,铜仁学院站,\r\n"), text);
    }

    @Test
    void xlsxKeepsNumbersAsNumbers() throws Exception {
        Path f = dir.resolve("t.xlsx");
        TableExport.write(f, List.of("name", "value"), rows());
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(f))) {
            Sheet s = wb.getSheetAt(0);
            assertEquals("name", s.getRow(0).getCell(1).getStringCellValue());
            assertEquals("碧江环境监测站, 城区", s.getRow(1).getCell(1).getStringCellValue());
            assertEquals(35.5, s.getRow(1).getCell(2).getNumericCellValue());
        }
    }

    @Test
    void sortingPutsNumbersInNumericOrderAndEmptyLast() {
        assertTrue(AttributeTable.compareValues(9L, 10L) < 0);
        assertTrue(AttributeTable.compareValues("b", null) < 0);
        assertTrue(AttributeTable.compareValues(null, null) == 0);
    }
}
