package org.ecomonitor.analysis.interpolation;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message key the analysis code uses is in both languages (no "!key!" on a user's screen). */
class InterpolationMessagesTest {

    @Test
    void everyKeyUsedInTheAnalysisSourcesIsInBothBundles() throws IOException {
        Path sources = Path.of("src/main/java/org/ecomonitor/analysis");
        assertTrue(Files.isDirectory(sources), "run from the project directory");
        Set<String> used = new TreeSet<>();
        Pattern key = Pattern.compile("\"(interpolation\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 20, "found " + used);
        for (String bundle : new String[]{"messages_en.properties", "messages_zh_CN.properties"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/org/ecomonitor/i18n/" + bundle)) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(p.stringPropertyNames());
            assertEquals(Set.of(), missing, "missing in " + bundle);
        }
    }
}
