package org.anju.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The words of a bulletin, from {@value #RESOURCE} (UTF-8): each key a sentence or a clause, with named blanks in
 * braces — {@code 截止{月份}月底，} — that the code fills with figures it has already formatted. No other syntax:
 * a value is printed as it is (no quoting rules, no number formats), once (a name that itself holds braces is not
 * filled again). A key or a blank the code does not supply is a bug in the file or the code, never printed.
 */
final class BulletinWording {

    static final String RESOURCE = "bulletin/wording.properties";

    private final Map<String, String> patterns;

    private BulletinWording(Map<String, String> patterns) {
        patterns.forEach(BulletinWording::checkBraces);
        this.patterns = Map.copyOf(patterns);
    }

    /** The wording the application ships. */
    static BulletinWording load() {
        try (InputStream in = BulletinWording.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("通报用语文件 " + RESOURCE + " 不在 classpath 中");
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> patterns = new LinkedHashMap<>();
            p.stringPropertyNames().forEach(k -> patterns.put(k, p.getProperty(k)));
            return new BulletinWording(patterns);
        } catch (IOException e) {
            throw new IllegalStateException("通报用语文件 " + RESOURCE + " 读不出", e);
        }
    }

    /** Other wording, for tests. */
    static BulletinWording of(Map<String, String> patterns) {
        return new BulletinWording(new LinkedHashMap<>(patterns));
    }

    boolean has(String key) {
        return patterns.containsKey(key);
    }

    /**
     * The sentence of {@code key} with its blanks filled: {@code fill("problem.missing", "地区名单", "临泽县", "月份", 12)}.
     * A name supplied and not used is fine (the file may leave a figure out); one used and not supplied is not.
     */
    String fill(String key, Object... namesAndValues) {
        String pattern = patterns.get(key);
        if (pattern == null) {
            throw new IllegalStateException("通报用语 " + key + " 不在 " + RESOURCE + " 中");
        }
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalStateException("通报用语 " + key + "：名称和值须成对给出");
        }
        StringBuilder b = new StringBuilder(pattern.length() + 32);
        int at = 0;
        for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', at)) {
            int close = pattern.indexOf('}', open);
            b.append(pattern, at, open).append(value(key, pattern.substring(open + 1, close), namesAndValues));
            at = close + 1;
        }
        return b.append(pattern, at, pattern.length()).toString();
    }

    /**
     * A program's own wording where the file has one ({@code program.SHANTYTOWN.task}), else the one for every program
     * ({@code program.task}).
     */
    String forProgram(String programCode, String key, Object... namesAndValues) {
        String own = "program." + programCode + "." + key;
        return fill(has(own) ? own : "program." + key, namesAndValues);
    }

    /** Names or clauses joined as the file says: {@code join.names} (、) or {@code join.parts} (；). */
    String join(String joinKey, List<String> items) {
        return String.join(fill(joinKey), items);
    }

    private static String value(String key, String name, Object[] namesAndValues) {
        List<String> supplied = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (name.equals(namesAndValues[i])) {
                if (namesAndValues[i + 1] == null) {
                    throw new IllegalStateException("通报用语 " + key + " 的 {" + name + "} 没有值");
                }
                return String.valueOf(namesAndValues[i + 1]);
            }
            supplied.add(String.valueOf(namesAndValues[i]));
        }
        throw new IllegalStateException("通报用语 " + key + " 用了 {" + name + "}，这里只有 " + supplied);
    }

    private static void checkBraces(String key, String pattern) {
        int depth = 0;
        for (char c : pattern.toCharArray()) {
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth < 0 || depth > 1) {
                throw new IllegalStateException("通报用语 " + key + " 的花括号不成对：" + pattern);
            }
        }
        if (depth != 0) {
            throw new IllegalStateException("通报用语 " + key + " 的花括号不成对：" + pattern);
        }
    }
}
