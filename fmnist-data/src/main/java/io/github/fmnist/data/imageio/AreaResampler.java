package io.github.fmnist.data.imageio;

/**
 * Area-averaging resize: every output pixel is the mean of the input area it covers, weighted by overlap. This is
 * the anti-aliased way to shrink by any factor (no moiré from skipped pixels); enlarging degrades to box sampling.
 */
final class AreaResampler {
    private AreaResampler() {
    }

    static float[] resize(float[] source, int width, int height, int targetWidth, int targetHeight) {
        float[] horizontal = new float[targetWidth * height];
        Weights columns = Weights.of(width, targetWidth);
        for (int y = 0; y < height; y++) {
            int base = y * width;
            int out = y * targetWidth;
            for (int x = 0; x < targetWidth; x++) {
                float sum = 0;
                int from = columns.first[x];
                for (int k = columns.start[x], end = columns.start[x + 1]; k < end; k++) {
                    sum += columns.weights[k] * source[base + from++];
                }
                horizontal[out + x] = sum;
            }
        }
        // rows are combined whole, one weighted source row at a time, which walks memory in order
        float[] result = new float[targetWidth * targetHeight];
        Weights rows = Weights.of(height, targetHeight);
        for (int y = 0; y < targetHeight; y++) {
            int out = y * targetWidth;
            int from = rows.first[y];
            for (int k = rows.start[y], end = rows.start[y + 1]; k < end; k++) {
                float w = rows.weights[k];
                int in = (from++) * targetWidth;
                for (int x = 0; x < targetWidth; x++) {
                    result[out + x] += w * horizontal[in + x];
                }
            }
        }
        return result;
    }

    /**
     * For each output index t, the first input index it covers ({@code first[t]}) and the overlap weights of the
     * inputs it covers ({@code weights[start[t] .. start[t + 1])}).
     */
    private static final class Weights {
        final int[] first;
        final int[] start;
        final float[] weights;

        private Weights(int[] first, int[] start, float[] weights) {
            this.first = first;
            this.start = start;
            this.weights = weights;
        }

        static Weights of(int sourceLength, int targetLength) {
            int[] first = new int[targetLength];
            int[] start = new int[targetLength + 1];
            double ratio = (double) sourceLength / targetLength;
            float[] all = new float[targetLength * ((int) Math.ceil(ratio) + 2)];
            int n = 0;
            for (int t = 0; t < targetLength; t++) {
                double begin = t * ratio;
                double end = Math.min(sourceLength, (t + 1) * ratio);
                int from = (int) Math.floor(begin);
                int to = Math.min(sourceLength, (int) Math.ceil(end));
                int count = Math.max(1, to - from);
                first[t] = from;
                start[t] = n;
                for (int s = from; s < from + count; s++) {
                    double overlap = Math.min(end, s + 1) - Math.max(begin, s);
                    all[n++] = (float) (Math.max(0, overlap) / (end - begin));
                }
            }
            start[targetLength] = n;
            return new Weights(first, start, all);
        }
    }
}
