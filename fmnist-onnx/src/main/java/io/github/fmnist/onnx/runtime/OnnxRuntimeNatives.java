package io.github.fmnist.onnx.runtime;

import ai.onnxruntime.OrtEnvironment;
import io.github.fmnist.api.file.ClassPathFiles;
import io.github.fmnist.api.file.NativeCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points ONNX Runtime at its native libraries extracted once into the per-user {@link NativeCache}
 * ({@code ~/.cache/fmnist/native/onnxruntime-<version>-<platform>-<fingerprint>/}) instead of letting every
 * process copy them into a new {@code onnxruntime-java*} temporary folder.
 *
 * <p>ONNX Runtime's Java loader reads the system property {@value #NATIVE_PATH_PROPERTY} once, the first time
 * the runtime is used, and then loads every library from that folder; so {@link #prepare()} must run before
 * the first {@code OrtEnvironment} call. fmnist's own entry points do this. A property the user set
 * ({@value #NATIVE_PATH_PROPERTY}, or ONNX Runtime's per-library {@code onnxruntime.native.<name>.path}) is
 * kept. The cache root can be moved with {@value NativeCache#CACHE_DIR_PROPERTY}.
 *
 * <p>ONNX Runtime 1.29 still creates an empty {@code onnxruntime-java*} folder in {@code java.io.tmpdir} at
 * start-up; with nothing extracted into it, its delete-on-exit removes it when the JVM exits normally.
 */
public final class OnnxRuntimeNatives {
    /** ONNX Runtime's own property naming the folder its native libraries are loaded from. */
    public static final String NATIVE_PATH_PROPERTY = "onnxruntime.native.path";

    private static final String RESOURCE_ROOT = "ai/onnxruntime/native/";
    /** Bumped when what is extracted changes, so an old folder is not reused. */
    private static final String LAYOUT = "1";
    private static final Logger LOG = LoggerFactory.getLogger(OnnxRuntimeNatives.class);
    private static String outcome;

    private OnnxRuntimeNatives() {
    }

    /**
     * Extracts ONNX Runtime's natives to the cache if needed and sets {@value #NATIVE_PATH_PROPERTY}, once per
     * JVM; later calls do nothing. Never fails: if the cache cannot be used, ONNX Runtime extracts its
     * libraries the way it always does.
     */
    public static synchronized void prepare() {
        if (outcome == null) {
            outcome = prepare(System::getProperty, OrtEnvironment.class.getClassLoader(), System::setProperty);
        }
    }

    /** The ONNX Runtime environment, after {@link #prepare()}. */
    static OrtEnvironment environment() {
        prepare();
        return OrtEnvironment.getEnvironment();
    }

    /** Sets a system property; {@link System#setProperty} outside tests. */
    @FunctionalInterface
    interface PropertySetter {
        void set(String key, String value);
    }

    /** One attempt with the properties and class loader given (for tests); returns what it did. */
    static String prepare(UnaryOperator<String> properties, ClassLoader loader, PropertySetter setter) {
        String userPath = properties.apply(NATIVE_PATH_PROPERTY);
        if (userPath != null) {
            return log("-D" + NATIVE_PATH_PROPERTY + "=" + userPath + " is set; ONNX Runtime loads its natives from there");
        }
        for (String library : List.of("onnxruntime", "onnxruntime4j_jni")) {
            String key = "onnxruntime.native." + library + ".path";
            if (properties.apply(key) != null) {
                return log("-D" + key + " is set; leaving ONNX Runtime's library loading as configured");
            }
        }
        Optional<String> platform = platform(properties.apply("os.name"), properties.apply("os.arch"));
        if (platform.isEmpty()) {
            return log("no known ONNX Runtime platform for " + properties.apply("os.name") + " " + properties.apply("os.arch")
                    + "; ONNX Runtime extracts its natives itself");
        }
        String folder = RESOURCE_ROOT + platform.get() + "/";
        String library = System.mapLibraryName("onnxruntime").replace("jnilib", "dylib");
        Path root = NativeCache.root(properties);
        try {
            Optional<ClassPathFiles> natives = ClassPathFiles.findAll(loader, folder, library, LAYOUT);
            if (natives.isEmpty()) {
                return log("the class path holds no " + folder + library + "; ONNX Runtime looks for its natives itself");
            }
            String version = Optional.ofNullable(OrtEnvironment.class.getPackage().getImplementationVersion()).orElse("unknown");
            Path extracted = new NativeCache(root).install("onnxruntime-" + version + "-" + platform.get(), natives.get(), List.of());
            setter.set(NATIVE_PATH_PROPERTY, extracted.toString());
            return log("ONNX Runtime loads its natives from " + extracted);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not extract ONNX Runtime's natives to {} ({}); ONNX Runtime extracts them to a temporary "
                    + "folder instead. Set -D{} to a writable folder to fix this.", root, e.toString(), NativeCache.CACHE_DIR_PROPERTY);
            return "extraction to " + root + " failed: " + e;
        }
    }

    /** ONNX Runtime's name for the platform's resource folder ({@code linux-x64}, {@code osx-aarch64}, …). */
    static Optional<String> platform(String osName, String osArch) {
        if (osName == null || osArch == null) {
            return Optional.empty();
        }
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String detectedOs = os.contains("mac") || os.contains("darwin") ? "osx"
                : os.contains("win") ? "win" : os.contains("nux") ? "linux" : null;
        String detectedArch = arch.startsWith("amd64") || arch.startsWith("x86_64") ? "x64"
                : arch.startsWith("aarch64") ? "aarch64" : null;
        return detectedOs == null || detectedArch == null ? Optional.empty() : Optional.of(detectedOs + "-" + detectedArch);
    }

    private static String log(String what) {
        LOG.info("{}", what);
        return what;
    }
}
