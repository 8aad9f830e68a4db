package org.ecomonitor.i18n;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key exists in both languages (and the base bundle), so no screen shows a missing text. */
class LocalizationTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LocalizationTest.class.getResourceAsStream("/org/ecomonitor/i18n/" + name)) {
            assertTrue(in != null, name + " is missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> onlyZh = new TreeSet<>(zh);
        onlyZh.removeAll(en);
        Set<String> onlyEn = new TreeSet<>(en);
        onlyEn.removeAll(zh);
        assertEquals(Set.of(), onlyZh, "keys only in zh_CN");
        assertEquals(Set.of(), onlyEn, "keys only in en");
    }

    /** Every key the main sources name as a string literal ("store.missing", ...) is in both bundles. */
    @Test
    void everyKeyTheSourcesUseExists() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        Set<String> prefixes = new TreeSet<>();
        for (String k : en.stringPropertyNames()) {
            prefixes.add(k.substring(0, k.indexOf('.') + 1));
        }
        java.util.regex.Pattern literal = java.util.regex.Pattern.compile("\"([a-z][a-z0-9_]*\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\"");
        Set<String> missing = new TreeSet<>();
        int used = 0;
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                var m = literal.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    String k = m.group(1);
                    if (prefixes.contains(k.substring(0, k.indexOf('.') + 1)) && !k.endsWith(".java")) {
                        used++;
                        if (!en.containsKey(k) || !zh.containsKey(k)) {
                            missing.add(k + " (" + f.getFileName() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(used > 100, "keys found in the sources: " + used);
        assertEquals(Set.of(), missing, "message keys used in the code but missing from a bundle");
    }

    @Test
    void chineseTextIsChinese() {
        assertEquals("生态环境监测工作站", Messages.get(Messages.CHINESE, "app.title"));
        assertNotEquals(Messages.get(Messages.CHINESE, "app.title"), Messages.get(Messages.ENGLISH, "app.title"));
    }

    @Test
    void placeholdersAreFilled() {
        String key = "app.title";
        assertEquals(Messages.get(Messages.ENGLISH, key), Messages.get(Messages.ENGLISH, key, new Object[0]));
        assertEquals("!no.such.key!", Messages.get(Messages.ENGLISH, "no.such.key"));
    }
}
