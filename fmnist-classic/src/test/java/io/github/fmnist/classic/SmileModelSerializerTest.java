package io.github.fmnist.classic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.fmnist.api.IncompatibleModelException;
import io.github.fmnist.api.TamperedModelException;
import io.github.fmnist.api.bundle.ModelBundle;
import io.github.fmnist.api.model.ModelProvider;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import smile.classification.PlattScaling;

class SmileModelSerializerTest {

    @BeforeEach
    void disarm() {
        ArmedGadget.triggered = false;
    }

    @Test
    void smileObjectsRoundTrip() {
        PlattScaling platt = new PlattScaling(-1.5, 0.25);
        byte[] bytes = JavaSerialization.serialize(platt);
        PlattScaling back = SmileModelSerializer.deserialize(bytes, PlattScaling.class, "test");
        assertEquals(platt.scale(0.7), back.scale(0.7));
    }

    @Test
    void primitiveMatricesRoundTrip() {
        double[][] m = {{1, 2}, {3, 4}};
        double[][] back = SmileModelSerializer.deserialize(JavaSerialization.serialize(m), double[][].class, "test");
        assertEquals(4.0, back[1][1]);
    }

    @Test
    void classOutsideTheAllowListIsNeverInstantiated() {
        byte[] bytes = JavaSerialization.serialize(new ArmedGadget());
        TamperedModelException e = assertThrows(TamperedModelException.class,
                () -> SmileModelSerializer.deserialize(bytes, Object.class, "gadget.ser"));
        assertTrue(e.getMessage().contains(ArmedGadget.class.getName()), e.getMessage());
        assertTrue(e.getMessage().startsWith("gadget.ser"), e.getMessage());
        assertFalse(ArmedGadget.triggered, "the gadget's readObject ran");
    }

    @Test
    void disallowedClassHiddenInsideAllowedContainerIsRejected() {
        ArrayList<Object> list = new ArrayList<>(List.of("fine", 1.5, new ArmedGadget()));
        byte[] bytes = JavaSerialization.serialize(list);
        assertThrows(TamperedModelException.class, () -> SmileModelSerializer.deserialize(bytes, Object.class, "nested"));
        assertFalse(ArmedGadget.triggered);
    }

    @Test
    void gadgetChainCollectionsAreRejected() {
        PriorityQueue<String> queue = new PriorityQueue<>(List.of("a", "b"));
        TamperedModelException e = assertThrows(TamperedModelException.class,
                () -> SmileModelSerializer.deserialize(JavaSerialization.serialize(queue), Object.class, "queue"));
        assertTrue(e.getMessage().contains("java.util.PriorityQueue"), e.getMessage());
        HashSet<String> set = new HashSet<>(List.of("x"));
        assertThrows(TamperedModelException.class,
                () -> SmileModelSerializer.deserialize(JavaSerialization.serialize(set), Object.class, "set"));
    }

    @Test
    void serialisedLambdasAreRejected() {
        Runnable lambda = (Runnable & Serializable) () -> ArmedGadget.triggered = true;
        byte[] bytes = JavaSerialization.serialize((Serializable) lambda);
        TamperedModelException e = assertThrows(TamperedModelException.class,
                () -> SmileModelSerializer.deserialize(bytes, Object.class, "lambda"));
        assertTrue(e.getMessage().contains("SerializedLambda"), e.getMessage());
        assertFalse(ArmedGadget.triggered);
    }

    @Test
    void wrongTypeIsIncompatibleNotTampered() {
        byte[] bytes = JavaSerialization.serialize("just a string");
        IncompatibleModelException e = assertThrows(IncompatibleModelException.class,
                () -> SmileModelSerializer.deserialize(bytes, PlattScaling.class, "string"));
        assertFalse(e instanceof TamperedModelException);
    }

    @Test
    void garbageIsIncompatible() {
        assertThrows(IncompatibleModelException.class,
                () -> SmileModelSerializer.deserialize(new byte[] {1, 2, 3}, Object.class, "garbage"));
    }

    /**
     * A verified 1.x bundle (checksums match) whose model entry carries a gadget: the opt-in upgrade, the only path
     * that still deserialises, refuses it for every model without instantiating it.
     */
    @Test
    void theUpgradeRefusesAOneDotXBundleCarryingADisallowedClass(@TempDir Path dir) throws Exception {
        for (ModelProvider provider : List.of(new LogisticRegressionProvider(), new SvmProvider(),
                new RandomForestProvider(), new MlpProvider(), new KnnProvider())) {
            Path file = RawBundle.write(dir.resolve(provider.id() + ModelBundle.EXTENSION), RawBundle.info(provider, "1.0.0"),
                    Map.of(JavaSerializedBundles.MODEL_ENTRY, JavaSerialization.serialize(new ArrayList<>(List.of(new ArmedGadget())))));
            Path target = dir.resolve(provider.id() + "-upgraded" + ModelBundle.EXTENSION);
            TamperedModelException e = assertThrows(TamperedModelException.class, () -> JavaSerializedBundles.upgrade(file, target),
                    provider.id() + " converted a bundle carrying " + ArmedGadget.class.getName());
            assertTrue(e.getMessage().contains(ArmedGadget.class.getName()), e.getMessage());
            assertFalse(ArmedGadget.triggered, provider.id() + " instantiated the gadget");
            assertFalse(java.nio.file.Files.exists(target), "a refused upgrade leaves no file");
        }
    }
}
