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
