package io.github.fmnist.dl;

import io.github.fmnist.api.LabeledDataset;
import io.github.fmnist.api.TrainingCancelledException;
import io.github.fmnist.api.model.Classifier;
import io.github.fmnist.api.model.EpochMetrics;
import io.github.fmnist.api.model.ModelInfo;
import io.github.fmnist.api.model.Trainer;
import io.github.fmnist.api.model.TrainingEvent;
import io.github.fmnist.api.model.TrainingListener;
import io.github.fmnist.api.model.TrainingRequest;
import io.github.fmnist.data.batch.MiniBatches;
import io.github.fmnist.data.split.StratifiedSplit;
import io.github.fmnist.data.split.TrainValidationSplit;
import java.time.Duration;
import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop shared by the DL4J plugins: seeded initialisation, seeded mini-batch order and augmentation
 * ({@link MiniBatches}, {@link Augmenter}), a per-epoch learning-rate schedule, per-epoch validation, early stopping
 * with the best epoch's parameters restored. Everything random derives from the request's seed, so a fixed seed and
 * thread count give bit-identical parameters.
 */
final class GraphTrainer implements Trainer {
    private static final Logger LOG = LoggerFactory.getLogger(GraphTrainer.class);

    private final ModelInfo info;
    private final TrainingSettings settings;
    private final Architecture architecture;

    private final BatchSource.Loop loop;

    GraphTrainer(ModelInfo info, TrainingSettings settings, Architecture architecture) {
        this(info, settings, architecture, BatchSource.Loop.PREFETCHING);
    }

    /** A trainer whose mini-batches are built as {@code loop} says; tests compare the two loops. */
    GraphTrainer(ModelInfo info, TrainingSettings settings, Architecture architecture, BatchSource.Loop loop) {
        this.info = info;
        this.settings = settings;
        this.architecture = architecture;
        this.loop = loop;
    }

    @Override
    public Classifier fit(TrainingRequest request) {
        long started = System.nanoTime();
        NativeRuntime.enableOneDnn();
        int threads = NativeRuntime.threadsWithin(settings.threads(), request.threads());
        NativeRuntime.useThreads(threads);
        LabeledDataset train = request.train();
        LabeledDataset validation = request.validation();
        if (validation.isEmpty() && settings.validationFraction() > 0) {
            TrainValidationSplit split = StratifiedSplit.split(train, settings.validationFraction(), request.seed());
            train = split.train();
            validation = split.validation();
        }
        TrainingListener listener = request.listener();
        ComputationGraph network = new ComputationGraph(architecture.configuration(request.seed(), settings));
        network.init();
        RowwiseBatchNormHelper.installOn(network);
        Nd4j.getRandom().setSeed(request.seed());
        BatchMetrics batchMetrics = new BatchMetrics();
        network.setListeners(batchMetrics);
        BatchMaker maker = new BatchMaker(train, settings.augmenter(), settings.augments(), request.seed());
        long batchesPerEpoch = (train.size() + settings.batchSize() - 1) / settings.batchSize();
        listener.onEvent(new TrainingEvent.Started(info.providerId(), settings.epochs(), batchesPerEpoch));
        LOG.info("training {} on {} examples ({} validation), {}, batches {}", info.providerId(), train.size(),
                validation.size(), settings, loop);

        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        INDArray bestParameters = null;
        int lastEpoch = 0;
        int capacity = Math.min(settings.batchSize(), train.size());
        HostBatch[] buffers = {new HostBatch(capacity), new HostBatch(capacity)};
        // Caching each convolution's pre-activation during the training forward pass spares DL4J recomputing it in
        // backprop (the same oneDNN call on the same input, so the same bits). Reset to NONE afterwards: the saved
        // configuration stays as before and inference never sees a cached array.
        CacheMode cache = loop.reusesAndCaches() ? CacheMode.DEVICE : CacheMode.NONE;
        network.getConfiguration().setCacheMode(cache);
        network.setCacheMode(cache);
        try (BatchArrays arrays = new BatchArrays(capacity, loop.reusesAndCaches());
             TrainingSwaps swaps = new TrainingSwaps()) {
            if (loop.reusesAndCaches()) {
                MaskedReluBackprop.installOn(network, swaps);
                PlaneMaxPoolingLayer.installOn(network, swaps);
            }
            for (int epoch = 0; epoch < settings.epochs(); epoch++) {
                long epochStart = System.nanoTime();
                network.setLearningRate(settings.schedule().rate(settings.learningRate(), epoch, settings.epochs()));
                List<int[]> batches = MiniBatches.shuffled(train.size(), settings.batchSize(), request.seed(), epoch);
                double lossSum = 0;
                long correct = 0;
                try (BatchSource source = loop.open(maker, epoch, batches, buffers)) {
                    for (int b = 0; b < batches.size(); b++) {
                        if (listener.isCancelled()) {
                            throw new TrainingCancelledException(info.providerId() + " training cancelled in epoch " + (epoch + 1));
                        }
                        HostBatch batch = source.next();
                        batchMetrics.expect(batch.labels(), batch.size());
                        network.fit(arrays.load(batch));
                        lossSum += batchMetrics.lossSum();
                        correct += batchMetrics.correct();
                        listener.onEvent(new TrainingEvent.Iteration(epoch + 1, b + 1, batchMetrics.lossSum() / batch.size()));
                    }
                }
                EvaluationResult held = validation.isEmpty() ? EvaluationResult.NONE : EvaluationResult.of(network, validation);
                EpochMetrics metrics = new EpochMetrics(epoch + 1, lossSum / train.size(), (double) correct / train.size(),
                        held.loss(), held.accuracy(), Duration.ofNanos(System.nanoTime() - epochStart));
                LOG.info("{} {}", info.providerId(), metrics);
                listener.onEvent(new TrainingEvent.EpochCompleted(metrics));
                lastEpoch = epoch + 1;
                if (settings.patience() > 0 && metrics.hasValidation()) {
                    if (metrics.validationLoss() < bestLoss) {
                        bestLoss = metrics.validationLoss();
                        bestEpoch = epoch + 1;
                        if (bestParameters != null) {
                            bestParameters.close();
                        }
                        bestParameters = network.params().dup();
                    } else if (epoch + 1 - bestEpoch >= settings.patience()) {
                        LOG.info("{}: no better validation loss for {} epochs, stopping", info.providerId(), settings.patience());
                        break;
                    }
                }
            }
        } finally {
            network.getConfiguration().setCacheMode(CacheMode.NONE);
            network.setCacheMode(CacheMode.NONE);
        }
        int keptEpoch = lastEpoch;
        if (bestParameters != null) {
            if (bestEpoch != lastEpoch) {
                network.setParams(bestParameters);
            }
            keptEpoch = bestEpoch;
            bestParameters.close();
        }
        network.setListeners();
        listener.onEvent(new TrainingEvent.Finished(Duration.ofNanos(System.nanoTime() - started), keptEpoch));
        return new GraphClassifier(info.withProvenance(request.provenance(lastEpoch, threads)), network,
                architecture.convolutionLayers());
    }
}
