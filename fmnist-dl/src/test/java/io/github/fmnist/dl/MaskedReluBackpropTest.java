package io.github.fmnist.dl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class MaskedReluBackpropTest {

    @Test
    void gradientEqualsDeeplearning4jsReluDerivativeIncludingZerosAndNegatives() {
        Nd4j.getRandom().setSeed(3);
        INDArray in = Nd4j.rand(DataType.FLOAT, 16, 3, 5, 5).subi(0.5);
        in.putScalar(new long[] {0, 0, 0, 0}, 0f); // ReLU's derivative at 0 is 0 in both
        in.putScalar(new long[] {0, 0, 0, 1}, -0f);
        INDArray epsilon = Nd4j.rand(DataType.FLOAT, 16, 3, 5, 5).subi(0.5);
        INDArray expected = new ActivationReLU().backprop(in.dup(), epsilon.dup()).getFirst();
        INDArray actual = new MaskedReluBackprop().backprop(in.dup(), epsilon.dup()).getFirst();
        float[] e = expected.dup('c').data().asFloat();
        float[] a = actual.dup('c').data().asFloat();
        int masked = 0;
        for (int i = 0; i < e.length; i++) {
            // relu_bp writes +0.0 where the unit is off, the mask product may write -0.0: equal as numbers
            assertEquals(e[i], a[i], 0f, "element " + i);
            masked += e[i] == 0f ? 1 : 0;
        }
        assertEquals(in.lte(0).castTo(DataType.INT32).sumNumber().intValue(), masked, "inactive units give zero");
    }

    @Test
    void installReplacesEveryPlainReluAndCloseRestoresTheOriginals() {
        ComputationGraph network = TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(32), 1)
                .network();
        List<IActivation> before = activations(network);
        long relus = before.stream().filter(a -> a.getClass() == ActivationReLU.class).count();
        try (TrainingSwaps installed = new TrainingSwaps()) {
            MaskedReluBackprop.installOn(network, installed);
            assertEquals(relus, installed.count());
            List<IActivation> during = activations(network);
            for (int i = 0; i < before.size(); i++) {
                if (before.get(i).getClass() == ActivationReLU.class) {
                    assertInstanceOf(MaskedReluBackprop.class, during.get(i));
                } else {
                    assertSame(before.get(i), during.get(i), "a non-ReLU activation is left alone");
                }
            }
        }
        List<IActivation> after = activations(network);
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i));
        }
        assertTrue(relus >= 3, "conv1..conv3 and dense have ReLUs, found " + relus);
        assertTrue(relus < before.size(), "the logits layer is not a ReLU, so leaving a layer alone is tested");
    }

    @Test
    void aReluWithACapIsNotReplaced() {
        ComputationGraph network = TinyTraining.train(new CnnProvider(), TinyTraining.cnn(), TinyTraining.data(32), 1)
                .network();
        BaseLayer first = firstRelu(network);
        ActivationReLU capped = new ActivationReLU(6.0, null, null);
        first.setActivationFn(capped);
        try (TrainingSwaps installed = new TrainingSwaps()) {
            MaskedReluBackprop.installOn(network, installed);
            assertSame(capped, first.getActivationFn());
        }
    }

    private static BaseLayer firstRelu(ComputationGraph network) {
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base && base.getActivationFn().getClass() == ActivationReLU.class) {
                return base;
            }
        }
        throw new AssertionError("no ReLU layer");
    }

    private static List<IActivation> activations(ComputationGraph network) {
        List<IActivation> activations = new ArrayList<>();
        for (Layer layer : network.getLayers()) {
            if (layer.conf().getLayer() instanceof BaseLayer base) {
                activations.add(base.getActivationFn());
            } else if (layer.conf().getLayer() instanceof ActivationLayer activation) {
                activations.add(activation.getActivationFn());
            }
        }
        return activations;
    }
}
