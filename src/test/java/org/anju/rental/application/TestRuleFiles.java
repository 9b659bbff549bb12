package org.anju.rental.application;

import org.anju.account.Access;
import org.anju.account.Actor;
import org.anju.region.Regions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Test rule files (under src/test/resources, marked 未核实 where they are not a city's) uploaded the way a city uploads
 * its own — through {@link CityRules}, as the system — for the tests that need them; nothing is found on the class path.
 */
public final class TestRuleFiles {

    private TestRuleFiles() {
    }

    /**
     * Uploads the resource as {@code city}'s file of {@code kind} (dates from the file), unless that very file is stored
     * already (test classes sharing a database upload it once).
     */
    public static RuleFile upload(CityRules rules, Regions regions, String city, RuleFile.Kind kind, String resource) {
        String name = resource.substring(resource.lastIndexOf('/') + 1);
        String text = text(resource);
        return Access.runAs(Actor.system(regions.root()), () -> rules.files(city).stream()
                .filter(f -> f.kind() == kind && f.fileName().equals(name) && f.content().equals(text)).findFirst()
                .orElseGet(() -> rules.upload(city, kind, name, text, null, null)));
    }

    public static String text(String resource) {
        try (InputStream in = TestRuleFiles.class.getResourceAsStream(resource.startsWith("/") ? resource : "/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("没有测试文件 " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
