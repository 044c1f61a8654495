package dev.cfoc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time of this process and the machine's load, from /proc (Linux). */
final class ProcessCpu {

    /** USER_HZ: the unit of utime and stime in /proc; 100 on every Linux architecture that matters here. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessCpu() {
    }

    static double selfSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/self/stat"));
        // fields after the command name (which may contain spaces) start at ") "
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime are fields 14 and 15 of stat; here they are at 11 and 12
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND;
    }

    /** The 1-minute load average: how busy the machine was with other work too. */
    static String loadAverage() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    }
}
