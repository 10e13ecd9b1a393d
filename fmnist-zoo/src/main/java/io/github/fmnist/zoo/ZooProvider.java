package io.github.fmnist.zoo;

import java.util.List;

/**
 * Adds pretrained entries to the zoo, found through {@link java.util.ServiceLoader}: register the implementation's
 * class name in {@code META-INF/services/io.github.fmnist.zoo.ZooProvider}. fmnist-zoo's own entries come through
 * this interface too. The usual implementation reads an index resource of its jar:
 *
 * <pre>{@code
 * public final class MyZoo implements ZooProvider {
 *     public List<ZooEntry> entries() {
 *         return ZooIndex.read(ZooResources.of(MyZoo.class, "com/example/zoo"));
 *     }
 * }
 * }</pre>
 *
 * Needs a public no-argument constructor; a provider that throws is logged and skipped, and two entries with one id
 * are an error naming both providers' jars.
 */
public interface ZooProvider {

    /** The entries this provider offers. */
    List<ZooEntry> entries();
}
