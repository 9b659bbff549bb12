package org.anju.intake;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Helpers for building test input. */
final class TestFiles {

    private TestFiles() {
    }

    static byte[] seed(String name) {
        try (InputStream in = TestFiles.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no seed " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    interface IoConsumer<T> {
        void accept(T t) throws IOException;
    }

    static byte[] bytes(IoConsumer<ByteArrayOutputStream> writer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            writer.accept(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same ZIP with some entries' content replaced (by name). */
    static byte[] rewriteZip(byte[] zip, Map<String, Function<byte[], byte[]>> replacements) {
        return bytes(out -> {
            try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                 ZipOutputStream zipOut = new ZipOutputStream(out)) {
                for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                    byte[] content = in.readAllBytes();
                    Function<byte[], byte[]> replacement = replacements.get(entry.getName());
                    zipOut.putNextEntry(new ZipEntry(entry.getName()));
                    zipOut.write(replacement == null ? content : replacement.apply(content));
                    zipOut.closeEntry();
                }
            }
        });
    }
}
