package org.ecomonitor.io;

import org.ecomonitor.i18n.Messages;
import org.ecomonitor.io.hj212.Hj212Reason;
import org.ecomonitor.io.shapefile.DbfEncoding;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message key the format codecs use exists in both languages (LocalizationTest only compares the bundles). */
class FormatMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:shp|dbf|hj212)(?:\\.[A-Za-z0-9]+)+)\"");

    @Test
    void everyKeyUsedInTheCodecsHasATextInBothLanguages() throws IOException {
        Set<String> keys = new TreeSet<>();
        Path sources = Path.of("src/main/java/org/ecomonitor/io");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(f));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        for (DbfEncoding.Source s : DbfEncoding.Source.values()) {
            keys.add("dbf.encoding." + s.name().toLowerCase(Locale.ROOT));
        }
        for (Hj212Reason r : Hj212Reason.values()) {
            keys.add(r.key());
        }
        assertTrue(keys.size() > 60, "the scan found the keys: " + keys.size());
        Set<String> missing = new TreeSet<>();
        for (String key : keys) {
            for (Locale locale : new Locale[] {Messages.ENGLISH, Messages.CHINESE}) {
                if (Messages.get(locale, key).equals("!" + key + "!")) {
                    missing.add(locale + ":" + key);
                }
            }
        }
        assertEquals(Set.of(), missing);
    }
}
