package org.anju.platform;

import com.ibm.icu.text.Transliterator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates {@code src/main/resources/platform/traditional-simplified.txt}: every CJK character (basic block
 * and extension A) that ICU4J's Traditional-Simplified transliterator turns into one other character, one pair
 * per line. {@link TraditionalSimplifiedTest} checks the committed file against ICU on every build.
 *
 * Run this main on the test class path (ICU4J is a test dependency) from the project directory.
 */
public final class TraditionalSimplifiedTable {

    static final Path FILE = Path.of("src/main/resources/platform/traditional-simplified.txt");

    private TraditionalSimplifiedTable() {
    }

    static String generate() {
        Transliterator t = Transliterator.getInstance("Traditional-Simplified");
        StringBuilder out = new StringBuilder("""
                # Traditional → Simplified, one character each: generated from ICU4J 78.1's Traditional-Simplified
                # transliterator by org.anju.platform.TraditionalSimplifiedTable (test sources); do not edit by hand.
                """);
        for (char c = '\u3400'; c < '\uA000'; c++) {
            if (c >= '\u4DC0' && c < '\u4E00') {
                continue; // Yijing hexagram symbols between extension A and the basic block
            }
            String s = t.transliterate(String.valueOf(c));
            if (s.length() == 1 && s.charAt(0) != c) {
                out.append(c).append(' ').append(s).append('\n');
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
        System.out.println("written " + FILE);
    }
}
