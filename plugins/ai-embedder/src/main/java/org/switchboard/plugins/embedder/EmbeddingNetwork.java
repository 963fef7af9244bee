package org.switchboard.plugins.embedder;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The network. The encoder (hashed n-grams → one tanh layer) is what the plugin ships and runs; training puts a
 * topic classifier on top of it and throws that head away afterwards. Learning to tell the topics apart pulls
 * the texts of one topic together in the hidden layer, whatever words they use.
 */
final class EmbeddingNetwork {

    private EmbeddingNetwork() {
    }

    /** Features → vector of {@code hidden} values in (-1, 1). */
    static SequentialBlock encoder(int hidden) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh);
    }

    /** The encoder with a topic head, for training only. */
    static Block withTopicHead(Block encoder, int topics) {
        return new SequentialBlock()
                .add(encoder)
                // Only active while training; keeps single rare n-grams from deciding a topic.
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(topics).build());
    }
}
