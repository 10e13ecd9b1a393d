package io.github.fmnist.classic;

import io.github.fmnist.api.file.ClassPathFiles;
import io.github.fmnist.api.file.NativeCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Extracts the OpenBLAS natives of the {@code org.bytedeco:openblas:<platform>} jar into the per-user
 * {@link NativeCache}, once: {@code <root>/openblas-<platform>-<fingerprint>/} holding {@value #LIBRARY} (the
 * bundled {@code libopenblas.so.0} with its SONAME changed to {@value #LIBRARY}, the name Smile asks for) and the
 * {@link #COMPANIONS} it needs, which its run path {@code $ORIGIN} finds beside it.
 */
final class OpenBlasCache {
    /** The file name Smile's bindings open ({@code System.mapLibraryName("openblas")}). */
    static final String LIBRARY = "libopenblas.so";
    /** The library as the jar holds it. */
    static final String BUNDLED_LIBRARY = "libopenblas.so.0";
    /** What the bundled library needs beyond the C library, shipped in the same jar. */
    static final List<String> COMPANIONS = List.of("libgfortran.so.5", "libquadmath.so.0");
    /** Bumped when the extracted layout or the SONAME rewrite changes, so an old folder is not reused. */
    private static final String LAYOUT = "1";

    private final NativeCache cache;

    /** @param root the cache folder, created if needed (for example {@code ~/.cache/fmnist/native}) */
    OpenBlasCache(Path root) {
        this.cache = new NativeCache(root);
    }

    /** Where the natives of {@code platform} (a JavaCPP platform name such as {@code linux-x86_64}) sit in the jar. */
    static String resourceFolder(String platform) {
        return "org/bytedeco/openblas/" + platform + "/";
    }

    /**
     * The cache folder holding {@value #LIBRARY} and its companions for {@code platform}, extracted from
     * {@code loader}'s class path if it is not there yet.
     *
     * @return the folder, or empty if the class path holds no OpenBLAS natives for {@code platform}
     * @throws IOException if the files cannot be read or the folder cannot be written
     */
    Optional<Path> install(ClassLoader loader, String platform) throws IOException {
        Optional<ClassPathFiles> natives = ClassPathFiles.find(loader, resourceFolder(platform), BUNDLED_LIBRARY, COMPANIONS, LAYOUT);
        if (natives.isEmpty()) {
            return Optional.empty();
        }
        NativeCache.Rewrite soname = new NativeCache.Rewrite(BUNDLED_LIBRARY, LIBRARY,
                (source, bytes) -> ElfSoname.rename(source, bytes, LIBRARY));
        return Optional.of(cache.install("openblas-" + platform, natives.get(), List.of(soname)));
    }
}
