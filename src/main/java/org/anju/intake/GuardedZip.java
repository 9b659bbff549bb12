package org.anju.intake;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

/**
 * An XLSX held in memory as a ZIP whose parts are unpacked only when read, one stream at a time.
 * POI's {@code OPCPackage.open(InputStream)} unpacks every part into memory first (up to 256 MB
 * for a file this class accepts), and its {@code ZipSecureFile} only opens files on disk; so the
 * zip-bomb guard of {@code ZipSecureFile} is applied here with its settings: a part is refused
 * beyond {@link ZipSecureFile#getMaxEntrySize()} bytes, or when, past
 * {@link ZipSecureFile#getGraceEntrySize()}, it has unpacked to more than its packed size divided by
 * {@link ZipSecureFile#getMinInflateRatio()}.
 */
final class GuardedZip implements ZipEntrySource {

    private final ZipFile zip;
    private boolean closed;

    GuardedZip(byte[] content) throws IOException {
        this.zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get();
    }

    @Override
    public Enumeration<? extends ZipArchiveEntry> getEntries() {
        return zip.getEntries();
    }

    @Override
    public ZipArchiveEntry getEntry(String path) {
        String normalized = path.replace('\\', '/');
        ZipArchiveEntry entry = zip.getEntry(normalized);
        return entry != null ? entry : zip.getEntry(normalized.startsWith("/") ? normalized.substring(1) : "/" + normalized);
    }

    @Override
    public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
        return new Guard(zip.getInputStream(entry), entry.getName(), Math.max(0, entry.getCompressedSize()));
    }

    @Override
    public void close() throws IOException {
        closed = true;
        zip.close();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** Counts unpacked bytes; the message starts as POI's, which {@code SourceReader} recognizes. */
    private static final class Guard extends FilterInputStream {

        private final String name;
        private final long packed;
        private long unpacked;

        Guard(InputStream in, String name, long packed) {
            super(in);
            this.name = name;
            this.packed = packed;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws IOException {
            unpacked += n;
            if (unpacked > ZipSecureFile.getMaxEntrySize()) {
                throw new IOException("Zip bomb detected! " + name + " unpacks to more than "
                        + ZipSecureFile.getMaxEntrySize() + " bytes");
            }
            if (unpacked > ZipSecureFile.getGraceEntrySize()
                    && (double) packed / unpacked < ZipSecureFile.getMinInflateRatio()) {
                throw new IOException("Zip bomb detected! " + name + " unpacks more than "
                        + (1 / ZipSecureFile.getMinInflateRatio()) + " times its packed size");
            }
        }
    }
}
