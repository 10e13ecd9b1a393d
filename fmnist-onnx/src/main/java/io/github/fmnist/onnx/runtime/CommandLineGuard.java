package io.github.fmnist.onnx.runtime;

import io.github.fmnist.api.MissingNativeLibraryException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * ONNX Runtime 1.29.0 (Java, Linux x64) kills the JVM with SIGSEGV while creating its environment when the
 * process command line ({@code /proc/self/cmdline}) is {@value #MAX_SAFE_COMMAND_LINE} bytes or longer —
 * measured here: 3,980 bytes work, 3,981 crash, whatever the bytes are. Long {@code -cp} arguments reach
 * that easily. This guard turns the crash into an exception that says how to start the JVM instead.
 */
final class CommandLineGuard {
    /** The first /proc/self/cmdline length at which ONNX Runtime 1.29.0 was seen to crash. */
    static final int MAX_SAFE_COMMAND_LINE = 3_981;
    private static final Path COMMAND_LINE = Path.of("/proc/self/cmdline");

    private CommandLineGuard() {
    }

    /** Throws if this process's command line is long enough to crash ONNX Runtime. */
    static void check() {
        if (!Files.isReadable(COMMAND_LINE)) {
            return; // not Linux: the crash was only seen there
        }
        try {
            check(Files.readAllBytes(COMMAND_LINE).length);
        } catch (IOException e) {
            // unreadable: nothing to judge by
        }
    }

    static void check(int commandLineBytes) {
        if (commandLineBytes >= MAX_SAFE_COMMAND_LINE) {
            throw new MissingNativeLibraryException("ONNX Runtime cannot be started in this JVM: its command line is "
                    + commandLineBytes + " bytes, and ONNX Runtime 1.29.0 crashes the process from " + MAX_SAFE_COMMAND_LINE
                    + " bytes on. Pass the class path through an argument file (java @args.txt), the CLASSPATH environment "
                    + "variable or a manifest Class-Path instead of a long -cp", null);
        }
    }
}
