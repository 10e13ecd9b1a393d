package io.github.fmnist.dl;

import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A network layout for Deeplearning4j. Every layout reads the image from {@value #INPUT}, ends in a dense
 * layer {@value #LOGITS} with ten outputs and no activation, and a softmax cross-entropy loss layer
 * {@value #OUTPUT}; keeping the logits a layer of their own lets the trainer read them during training and
 * the network description end there.
 */
interface Architecture {
    String INPUT = "image";
    String LOGITS = "logits";
    String OUTPUT = "output";

    /** The graph configuration, initialised from {@code seed}. */
    ComputationGraphConfiguration configuration(long seed, TrainingSettings settings);

    /**
     * Names of the vertices whose outputs are the convolutional feature maps offered to Grad-CAM (after
     * their activation), input side first.
     */
    List<String> convolutionLayers();

    /** A graph builder with what every layout shares: seed, float precision, Glorot-uniform initialisation (Keras' default, as in the seed), Adam, weight decay and workspaces. */
    static ComputationGraphConfiguration.GraphBuilder start(long seed, TrainingSettings settings) {
        NeuralNetConfiguration.Builder builder = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .weightInit(WeightInit.XAVIER_UNIFORM)
                .updater(new Adam(settings.learningRate()))
                .convolutionMode(ConvolutionMode.Truncate)
                // DL4J's defaults, stated: activations and working memory in reused workspaces, not per-step arrays.
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED);
        if (settings.weightDecay() > 0) {
            builder.weightDecay(settings.weightDecay(), true);
        }
        return builder.graphBuilder()
                .addInputs(INPUT)
                .setInputTypes(InputType.convolutional(28, 28, 1));
    }

    /** Adds the logits and the loss layer after {@code from}. */
    static ComputationGraphConfiguration.GraphBuilder finish(ComputationGraphConfiguration.GraphBuilder graph, String from) {
        return graph
                .addLayer(LOGITS, new DenseLayer.Builder().nOut(10).activation(Activation.IDENTITY).build(), from)
                .addLayer(OUTPUT, new LossLayer.Builder(LossFunctions.LossFunction.MCXENT).activation(Activation.SOFTMAX).build(), LOGITS)
                .setOutputs(OUTPUT);
    }
}
