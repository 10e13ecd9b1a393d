package io.github.fmnist.explain.network;

import io.github.fmnist.api.FashionClass;
import io.github.fmnist.api.Image;
import io.github.fmnist.api.bundle.PayloadSink;
import io.github.fmnist.api.capability.ActivationGradients;
import io.github.fmnist.api.capability.ConvolutionGradients;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.ModelInfo;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** A network that records how it is asked: prediction calls, and the size of each batched gradients call. */
public final class CountingGradients implements Classifier, ConvolutionGradients {
    private final TestConvNet net;
    private final AtomicInteger predictCalls = new AtomicInteger();
    private final ConcurrentLinkedQueue<Integer> gradientBatches = new ConcurrentLinkedQueue<>();

    public CountingGradients(TestConvNet net) {
        this.net = net;
    }

    public int predictCalls() {
        return predictCalls.get();
    }

    /** Images per batched gradients call, in no particular order. */
    public List<Integer> gradientBatches() {
        return List.copyOf(gradientBatches);
    }

    @Override
    public ModelInfo info() {
        return net.info();
    }

    @Override
    public float[][] predictNormalized(float[] nchw) {
        predictCalls.incrementAndGet();
        return net.predictNormalized(nchw);
    }

    @Override
    public void writePayload(PayloadSink sink) {
        net.writePayload(sink);
    }

    @Override
    public List<String> convolutionLayers() {
        return net.convolutionLayers();
    }

    @Override
    public ActivationGradients gradients(float[] normalizedImage, String layer, FashionClass target) {
        return net.gradients(normalizedImage, layer, target);
    }

    @Override
    public List<ActivationGradients> gradients(float[] nchw, String layer, List<FashionClass> targets) {
        gradientBatches.add(nchw.length / Image.PIXELS);
        return ConvolutionGradients.super.gradients(nchw, layer, targets);
    }
}
