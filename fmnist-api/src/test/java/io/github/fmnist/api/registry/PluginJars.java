package io.github.fmnist.api.registry;

import io.github.fmnist.api.model.ModelProvider;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles tiny provider classes into their own jars, so discovery sees real, separate plugin jars. */
final class PluginJars {
    private final Path dir;

    PluginJars(Path dir) {
        this.dir = dir;
    }

    /** A jar with one model provider class {@code plugins.NAME} reporting {@code id}; {@code constructorBody} may throw. */
    Path modelPlugin(String jarName, String className, String id, String constructorBody) throws IOException {
        return modelPlugin(jarName, className, id, constructorBody, "");
    }

    /** As {@link #modelPlugin(String, String, String, String)}, with {@code members} (e.g. overriding methods) added. */
    Path modelPlugin(String jarName, String className, String id, String constructorBody, String members) throws IOException {
        String source = """
                package plugins;
                import io.github.fmnist.api.model.*;
                import io.github.fmnist.api.bundle.ModelBundle;
                import java.util.*;
                public class %1$s implements ModelProvider {
                    public %1$s() { %3$s }
                    public ModelDescriptor descriptor() {
                        return new ModelDescriptor("%2$s", "%1$s", "test", "1", "test plugin", false,
                                Map.of("default", Hyperparameters.defaults(List.of())));
                    }
                    public Trainer trainer(Hyperparameters h) { throw new UnsupportedOperationException(); }
                    public Classifier load(ModelBundle b) { throw new UnsupportedOperationException(); }
                    %4$s
                }
                """.formatted(className, id, constructorBody, members);
        return jar(jarName, className, source, ModelProvider.class.getName());
    }

    /** A jar with one explainer provider {@code plugins.NAME} reporting {@code id}. */
    Path explainerPlugin(String jarName, String className, String id) throws IOException {
        String source = """
                package plugins;
                import io.github.fmnist.api.explain.*;
                import io.github.fmnist.api.model.*;
                import java.util.*;
                public class %1$s implements ExplainerProvider {
                    public ExplainerDescriptor descriptor() {
                        return new ExplainerDescriptor("%2$s", "%1$s", "1", "test explainer", true,
                                Hyperparameters.defaults(List.of()));
                    }
                    public boolean supports(Classifier c) { return true; }
                    public Explainer create(Classifier c, Hyperparameters o) { throw new UnsupportedOperationException(); }
                }
                """.formatted(className, id);
        return jar(jarName, className, source, "io.github.fmnist.api.explain.ExplainerProvider");
    }

    private Path jar(String jarName, String className, String source, String service) throws IOException {
        Path work = Files.createTempDirectory(dir, className);
        Path src = work.resolve("plugins").resolve(className + ".java");
        Files.createDirectories(src.getParent());
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-classpath", apiClassPath(), "-d", work.toString(), src.toString());
        if (status != 0) {
            throw new IllegalStateException("test plugin " + className + " did not compile");
        }
        Path jar = dir.resolve(jarName);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("META-INF/services/" + service));
            out.write(("plugins." + className + "\n").getBytes(StandardCharsets.UTF_8));
            out.putNextEntry(new JarEntry("plugins/" + className + ".class"));
            Files.copy(work.resolve("plugins").resolve(className + ".class"), out);
        }
        return jar;
    }

    private static String apiClassPath() {
        try {
            return Path.of(ModelProvider.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class loader over the given jars whose parent provides the api. */
    static URLClassLoader loader(Path... jars) {
        URL[] urls = Stream.of(jars).map(p -> {
            try {
                return p.toUri().toURL();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toArray(URL[]::new);
        return new URLClassLoader(urls, PluginJars.class.getClassLoader());
    }

}
