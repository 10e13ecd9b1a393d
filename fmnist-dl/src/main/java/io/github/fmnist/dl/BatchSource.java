package io.github.fmnist.dl;

import java.util.List;

/** The mini-batches of one epoch, in order, for the training thread. */
interface BatchSource extends AutoCloseable {

    /** The next batch; valid until the call after next. */
    HostBatch next();

    @Override
    void close();

    /** How the training loop gets its batches and feeds them to the network. */
    enum Loop {
        /**
         * The loop before prefetching, kept to show the new one gives the same bits: each batch built on the
         * training thread when needed, fresh input arrays every step, DL4J recomputing each convolution's
         * pre-activation in backprop, DL4J's own ReLU derivative and max pooling.
         */
        SEQUENTIAL(false),
        /**
         * The next batch built on a background thread while the current one trains, input arrays reused, the
         * convolutions' pre-activations cached for backprop, ReLU derivative and max pooling swapped for faster code
         * giving the same bits ({@link MaskedReluBackprop}, {@link PlaneMaxPoolingLayer}).
         */
        PREFETCHING(true);

        private final boolean fast;

        Loop(boolean fast) {
            this.fast = fast;
        }

        /** Whether input arrays are reused, pre-activations cached and the faster layers swapped in. */
        boolean reusesAndCaches() {
            return fast;
        }

        BatchSource open(BatchMaker maker, int epoch, List<int[]> batches, HostBatch[] twoBuffers) {
            if (fast) {
                BatchPrefetcher prefetcher = new BatchPrefetcher(maker, epoch, batches, twoBuffers);
                return new BatchSource() {
                    @Override
                    public HostBatch next() {
                        return prefetcher.next();
                    }

                    @Override
                    public void close() {
                        prefetcher.close();
                    }
                };
            }
            return new BatchSource() {
                private int b;

                @Override
                public HostBatch next() {
                    HostBatch into = twoBuffers[b % 2];
                    maker.make(epoch, b, batches.get(b), into);
                    b++;
                    return into;
                }

                @Override
                public void close() {
                }
            };
        }
    }
}
