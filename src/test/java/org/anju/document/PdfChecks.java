package org.anju.document;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PDF looked at from outside with Debian's poppler-utils: pdfinfo (page sizes, count), pdffonts (embedded?) and
 * pdftoppm at 50 dpi into target/pdf-pages/NAME/, the page images measured in millimetres.
 */
public final class PdfChecks {

    static final int DPI = 50;

    public record Page(int number, double widthPt, double heightPt, BufferedImage image, Path png) {
        public boolean landscape() {
            return widthPt > heightPt;
        }

        static double px(double mm) {
            return mm / 25.4 * DPI;
        }

        static double mm(int px) {
            return px * 25.4 / DPI;
        }

        boolean ink(int x, int y) {
            int rgb = image.getRGB(x, y);
            int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
            return (r + g + b) / 3 < 200;
        }

        boolean red(int x, int y) {
            int rgb = image.getRGB(x, y);
            int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
            return r > 180 && g < 110 && b < 110;
        }

        /** Ink bounds in mm, [top, left, bottom, right], of the band between {@code fromMm} and {@code toMm} from the top. */
        public double[] inkBox(double fromMm, double toMm) {
            int top = -1, bottom = -1, left = Integer.MAX_VALUE, right = -1;
            int y0 = (int) Math.max(0, px(fromMm)), y1 = (int) Math.min(image.getHeight(), px(toMm));
            for (int y = y0; y < y1; y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    if (ink(x, y)) {
                        if (top < 0) {
                            top = y;
                        }
                        bottom = y;
                        left = Math.min(left, x);
                        right = Math.max(right, x);
                    }
                }
            }
            return top < 0 ? null : new double[]{mm(top), mm(left), mm(bottom + 1), mm(right + 1)};
        }

        /** The longest run of red pixels on one row, in mm; and how many red pixels there are. */
        public double longestRedRunMm() {
            int best = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                int run = 0;
                for (int x = 0; x < image.getWidth(); x++) {
                    run = red(x, y) ? run + 1 : 0;
                    best = Math.max(best, run);
                }
            }
            return mm(best);
        }

        public int redPixels() {
            int n = 0;
            for (int y = 0; y < image.getHeight(); y++) {
                for (int x = 0; x < image.getWidth(); x++) {
                    n += red(x, y) ? 1 : 0;
                }
            }
            return n;
        }
    }

    public record Rendered(List<Page> pages, List<String> fonts) {
    }

    /** Writes the PDF under target/pdf-pages/{name}/ and renders it; asserts every font is embedded. */
    public static Rendered render(byte[] pdf, String name) {
        try {
            Path dir = Path.of("target", "pdf-pages", name);
            Files.createDirectories(dir);
            try (Stream<Path> old = Files.list(dir)) {
                for (Path p : old.toList()) {
                    Files.delete(p);
                }
            }
            Path file = dir.resolve(name + ".pdf");
            Files.write(file, pdf);
            String info = run("pdfinfo", "-f", "1", "-l", "999", file.toString());
            Matcher count = Pattern.compile("Pages:\\s+(\\d+)").matcher(info);
            assertThat(count.find()).as(info).isTrue();
            int pages = Integer.parseInt(count.group(1));
            Matcher size = Pattern.compile("Page\\s+(\\d+) size:\\s+([\\d.]+) x ([\\d.]+) pts").matcher(info);
            double[][] sizes = new double[pages + 1][];
            while (size.find()) {
                sizes[Integer.parseInt(size.group(1))] = new double[]{Double.parseDouble(size.group(2)), Double.parseDouble(size.group(3))};
            }
            List<String> fonts = new ArrayList<>();
            String[] lines = run("pdffonts", file.toString()).split("\n");
            for (int i = 2; i < lines.length; i++) {
                if (lines[i].isBlank()) {
                    continue;
                }
                fonts.add(lines[i]);
                // columns: name type encoding emb sub uni object ID — emb is the 4th field from the end after type/encoding
                String[] f = lines[i].trim().split("\\s+");
                String emb = f[f.length - 5];
                assertThat(emb).as("font embedded: " + lines[i]).isEqualTo("yes");
            }
            assertThat(fonts).isNotEmpty();
            run("pdftoppm", "-r", Integer.toString(DPI), "-png", file.toString(), dir.resolve("page").toString());
            List<Path> pngs;
            try (Stream<Path> s = Files.list(dir)) {
                pngs = s.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
            }
            assertThat(pngs).hasSize(pages);
            List<Page> out = new ArrayList<>();
            for (int i = 0; i < pages; i++) {
                out.add(new Page(i + 1, sizes[i + 1][0], sizes[i + 1][1], ImageIO.read(pngs.get(i).toFile()), pngs.get(i)));
            }
            return new Rendered(out, fonts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text of one page (pdftotext), to find a page by what it says. */
    public static String text(Page page) {
        Path pdf;
        try (Stream<Path> s = Files.list(page.png().getParent())) {
            pdf = s.filter(p -> p.toString().endsWith(".pdf")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String n = Integer.toString(page.number());
        return run("pdftotext", "-f", n, "-l", n, "-layout", pdf.toString(), "-");
    }

    /** Keeps a page image as one of the screenshots. */
    public static void screenshot(Page page, String name) {
        try {
            Path dir = Path.of("target", "screenshots", "issue14");
            Files.createDirectories(dir);
            Files.copy(page.png(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String run(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("需要 poppler-utils（apt-get install poppler-utils）：" + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Asserts the standard's margins on a full portrait page of text: ink starts at 天头/订口 and ends at the 版心. */
    public static void portraitMargins(Page p) {
        assertThat(p.widthPt()).isCloseTo(595.3, org.assertj.core.data.Offset.offset(0.5));
        assertThat(p.heightPt()).isCloseTo(841.9, org.assertj.core.data.Offset.offset(0.5));
        // the 版心 only: from the top to 2 mm below its foot (the page number is further down)
        double[] box = p.inkBox(0, 37 + 225 + 2);
        assertThat(box).as("ink on page " + p.number()).isNotNull();
        double tol = 3;
        // a line's glyphs start a little below its top (half the leading), hence the top within 0–5 mm of the 天头
        assertThat(box[0]).as("top ink (天头 37 mm)").isBetween(37.0 - 1, 37.0 + 5);
        assertThat(box[1]).as("left ink (订口 28 mm)").isBetween(28.0 - tol, 28.0 + tol);
        assertThat(box[3]).as("right ink (版心 ends at 184 mm)").isBetween(184.0 - tol, 184.0 + 1);
        assertThat(box[2]).as("bottom ink within the 版心 (262 mm)").isLessThanOrEqualTo(262.0 + 1);
    }

    /** The page number "— n —" 7 mm below the 版心: on the right on odd pages, on the left on even ones. */
    public static void pageNumber(Page p) {
        double[] box = p.inkBox(262 + 3, 262 + 16);
        assertThat(box).as("page number on page " + p.number()).isNotNull();
        if (p.number() % 2 == 1) {
            assertThat(box[3]).as("odd: right, 右空一字").isBetween(184.0 - 8, 184.0 - 3);
        } else {
            assertThat(box[1]).as("even: left, 左空一字").isBetween(28.0 + 3, 28.0 + 8);
        }
    }
}
