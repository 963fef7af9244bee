package org.switchboard.plugins.embedder;

/**
 * How an embedding model is trained.
 *
 * @param dimensions   hashed feature buckets (a power of two)
 * @param hidden       the vector's length
 * @param epochs       passes over the examples
 * @param batchSize    examples per step
 * @param learningRate Adam's learning rate
 * @param seed         the engine's random seed, for repeatable training
 * @param minTopicConfidence recorded in the model: below it a text's vector is all zeros (see
 *                     {@link EmbeddingModel#embed}); 0.55 kept 18 of 20 questions on topics the model never saw
 *                     out of the ranking and 49 of 60 on known topics in it (the evaluation's leave-out run)
 */
record EmbeddingSettings(int dimensions, int hidden, int epochs, int batchSize, float learningRate, int seed,
        double minTopicConfidence) {

    /** What the shipped model uses: 4 MB of weights, a few seconds of training on one core. */
    static final EmbeddingSettings DEFAULT = new EmbeddingSettings(8192, 128, 40, 32, 0.005f, 42, 0.55);

    EmbeddingSettings {
        if (Integer.bitCount(dimensions) != 1 || hidden < 2 || epochs < 1 || batchSize < 1 || learningRate <= 0
                || minTopicConfidence < 0 || minTopicConfidence >= 1) {
            throw new IllegalArgumentException("invalid training settings");
        }
    }
}
