package io.github.fmnist.zoo;

import java.util.List;

/** The entries fmnist-zoo ships: the bench's full-profile networks, read from the index in this jar. */
public final class BuiltInZoo implements ZooProvider {
    /** The resource folder of the shipped models. */
    static final String FOLDER = "io/github/fmnist/zoo/models";

    @Override
    public List<ZooEntry> entries() {
        return ZooIndex.read(ZooResources.of(BuiltInZoo.class, FOLDER));
    }
}
