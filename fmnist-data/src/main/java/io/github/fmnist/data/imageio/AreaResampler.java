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
            for (int x = 0; x < targetWidth; x++) {
                horizontal[y * targetWidth + x] = columns.apply(x, source, y * width, 1);
            }
        }
        float[] result = new float[targetWidth * targetHeight];
        Weights rows = Weights.of(height, targetHeight);
        for (int y = 0; y < targetHeight; y++) {
            for (int x = 0; x < targetWidth; x++) {
                result[y * targetWidth + x] = rows.apply(y, horizontal, x, targetWidth);
            }
        }
        return result;
    }

    /** For each output index, the first input index it covers and the overlap weight of each covered input. */
    private record Weights(int[] first, float[][] weights) {
        static Weights of(int sourceLength, int targetLength) {
            int[] first = new int[targetLength];
            float[][] weights = new float[targetLength][];
            double ratio = (double) sourceLength / targetLength;
            for (int t = 0; t < targetLength; t++) {
                double start = t * ratio;
                double end = Math.min(sourceLength, (t + 1) * ratio);
                int from = (int) Math.floor(start);
                int to = Math.min(sourceLength, (int) Math.ceil(end));
                float[] w = new float[Math.max(1, to - from)];
                for (int s = from; s < from + w.length; s++) {
                    double overlap = Math.min(end, s + 1) - Math.max(start, s);
                    w[s - from] = (float) (Math.max(0, overlap) / (end - start));
                }
                first[t] = from;
                weights[t] = w;
            }
            return new Weights(first, weights);
        }

        float apply(int target, float[] values, int base, int stride) {
            float[] w = weights[target];
            int from = first[target];
            float sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += w[i] * values[base + (from + i) * stride];
            }
            return sum;
        }
    }
}
