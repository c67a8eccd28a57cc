package io.gau.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Pid files of the processes we start (PostgreSQL, redis-server, service JVMs), which outlive a
 * {@code kill -9} of our JVM: they let the next start find and stop such leftovers instead of reusing them.
 */
final class PidFiles {

    /** Where our own pid files live inside a data folder. */
    static Path dir(Path dataDir) {
        return dataDir.resolve("pids");
    }

    private PidFiles() {
    }

    /** Writes "pid\ncommand-fragment\n"; the fragment guards against killing an unrelated process that reused the pid. */
    static void write(Path file, long pid, String commandFragment) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, pid + "\n" + commandFragment + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static OptionalLong readPid(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** The live process recorded in the file, if it still runs the expected program. */
    static Optional<ProcessHandle> liveProcess(Path file, String commandFragment) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        OptionalLong pid = readPid(file);
        if (pid.isEmpty() || pid.getAsLong() == ProcessHandle.current().pid()) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid.getAsLong())
                .filter(ProcessHandle::isAlive)
                .filter(p -> !zombie(p.pid()))
                .filter(p -> p.info().command().map(c -> c.contains(commandFragment)).orElse(true));
    }

    /** A killed process whose parent has not reaped it yet still "is alive" for ProcessHandle. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 1).trim().startsWith("Z");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops every leftover recorded under {@code dataDir}: our pid files plus PostgreSQL's own postmaster.pid.
     */
    static void stopLeftovers(Path dataDir) {
        Path pids = dir(dataDir);
        if (Files.isDirectory(pids)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(pids, "*.pid")) {
                for (Path file : files) {
                    String fragment = fragment(file);
                    // PostgreSQL shuts down cleanly and quickly on SIGINT ("fast"); SIGTERM would wait for clients.
                    String signal = fragment.equals("postgres") ? "INT" : "TERM";
                    liveProcess(file, fragment).ifPresent(p -> stop(p, signal, "leftover " + file.getFileName()));
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path postmaster = dataDir.resolve("postgres").resolve("postmaster.pid");
        liveProcess(postmaster, "postgres").ifPresent(p -> stop(p, "INT", "leftover PostgreSQL"));
    }

    private static String fragment(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.size() > 1 && !lines.get(1).isBlank()) {
                return lines.get(1).trim();
            }
        } catch (IOException e) {
            // fall through: a pid file written by the server itself (redis) names the program by its file name
        }
        String name = file.getFileName().toString();
        return name.substring(0, name.length() - ".pid".length());
    }

    /** Sends the signal, waits up to 15 s, then kills the process and its children. */
    static void stop(ProcessHandle process, String signal, String what) {
        System.err.println("[devstack] stopping " + what + " (pid " + process.pid() + ")");
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!waitForExit(process, Duration.ofSeconds(15))) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            waitForExit(process, Duration.ofSeconds(5));
        }
    }

    static boolean waitForExit(ProcessHandle process, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (process.isAlive() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !process.isAlive();
            }
        }
        return !process.isAlive();
    }
}
