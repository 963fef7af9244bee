package org.switchboard.plugins.textclassifier;

/**
 * How a model is trained.
 *
 * @param dimensions   hashed feature buckets (a power of two)
 * @param hidden       hidden layer size
 * @param epochs       passes over the training examples
 * @param batchSize    examples per step
 * @param learningRate Adam's learning rate
 * @param seed         the engine's random seed, for repeatable training
 */
public record TrainingSettings(int dimensions, int hidden, int epochs, int batchSize, float learningRate, int seed) {

    /** What the shipped models and the admin's retraining use: about 2 MB of weights, 10-20 s on 2 cores. */
    public static final TrainingSettings DEFAULT = new TrainingSettings(8192, 64, 30, 32, 0.005f, 42);

    public TrainingSettings {
        if (Integer.bitCount(dimensions) != 1 || hidden < 1 || epochs < 1 || batchSize < 1 || learningRate <= 0) {
            throw new IllegalArgumentException("invalid training settings");
        }
    }
}
