package org.anju.intake;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads one file with {@link SourceReader} in a JVM of its own, started by a test with a small
 * heap ({@code -Xmx}): the honest check that reading stays within it, since nothing else lives there.
 * Prints one line: "REFUSED " and the message's first line, or "READ", the number of rows and cells,
 * and the first and last row.
 */
public final class BoundedRead {

    private BoundedRead() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        byte[] content = Files.readAllBytes(file);
        String line;
        try {
            SourceDocument document = new SourceReader().read(args[1], content);
            long rows = 0;
            long cells = 0;
            SourceRow first = null;
            SourceRow last = null;
            for (SourceSheet sheet : document.sheets()) {
                for (SourceRow row : sheet.rows()) {
                    rows++;
                    cells += row.cells().size();
                    first = first == null ? row : first;
                    last = row;
                }
            }
            line = "READ " + rows + " " + cells + " " + first + " | " + last;
        } catch (InputException e) {
            line = "REFUSED " + e.getMessage().lines().findFirst().orElse("");
        }
        System.out.println("RESULT " + line);
    }
}
