package io.github.fmnist.classic;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;

/** A serialisable class that records whether it was ever deserialised; must never be, from a model payload. */
final class ArmedGadget implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    static volatile boolean triggered;

    final String payload = "boom";

    @Serial
    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        triggered = true;
        in.defaultReadObject();
    }
}
