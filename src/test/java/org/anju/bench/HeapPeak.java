package org.anju.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/** The heap's peak as the benches report it against the heap limit: the sum of the heap pools' peaks. */
final class HeapPeak {

    private HeapPeak() {
    }

    /** The sum of every heap pool's peak usage so far, in bytes. */
    static long bytes() {
        return sum(false);
    }

    /** The same, then every pool's peak reset, so that the next figure covers only what follows. */
    static long bytesThenReset() {
        return sum(true);
    }

    private static long sum(boolean reset) {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                if (reset) {
                    pool.resetPeakUsage();
                }
            }
        }
        return peak;
    }
}
