package org.ecomonitor.gui.map;

import javafx.scene.text.Font;

import java.util.List;

/**
 * Picks a font family that has Chinese characters, by availability: Microsoft YaHei on Windows, PingFang on
 * macOS, Noto/Source Han Sans or WenQuanYi on Linux; the platform default when none is installed (station names
 * may then render as boxes, so CI installs fonts-wqy-microhei).
 */
public final class CjkFont {

    static final List<String> PREFERRED = List.of("Microsoft YaHei", "Microsoft YaHei UI", "微软雅黑", "PingFang SC",
            "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
            "WenQuanYi Zen Hei", "Droid Sans Fallback", "SimHei", "SimSun", "AR PL UMing CN");

    private static volatile String family;

    private CjkFont() {
    }

    /** The chosen family name (looked up once). */
    public static String family() {
        String f = family;
        if (f == null) {
            List<String> available = Font.getFamilies();
            f = PREFERRED.stream().filter(available::contains).findFirst().orElse(Font.getDefault().getFamily());
            family = f;
        }
        return f;
    }

    public static Font of(double size) {
        return Font.font(family(), size);
    }
}
