package io.github.fmnist.zoo;

import io.github.fmnist.api.TamperedModelException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Objects;

/**
 * Where a zoo provider keeps its files: a folder of class-path resources seen by the provider's class loader.
 *
 * @param loader the class loader of the provider's jar
 * @param folder the resource folder, e.g. {@code "io/github/fmnist/zoo/models"} (no leading or trailing slash)
 */
public record ZooResources(ClassLoader loader, String folder) {
    public ZooResources {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(folder, "folder");
    }

    /** The resources beside {@code anchor}'s class, in {@code folder}. */
    public static ZooResources of(Class<?> anchor, String folder) {
        return new ZooResources(anchor.getClassLoader(), folder);
    }

    /**
     * Opens {@code name}.
     *
     * @throws TamperedModelException if the resource is missing: the index names a file the jar does not hold
     */
    InputStream open(String name) throws IOException {
        InputStream in = loader.getResourceAsStream(folder + "/" + name);
        if (in == null) {
            throw new TamperedModelException(describe(name) + ": declared in the zoo index but missing");
        }
        return in;
    }

    /** The resource's URL if it exists, else its path, for messages. */
    String describe(String name) {
        URL url = loader.getResource(folder + "/" + name);
        return url != null ? url.toString() : "resource " + folder + "/" + name;
    }
}
