package org.switchboard.plugins.embedder;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The network: an encoder (hashed n-grams → one tanh layer, whose output is the vector) and a topic head on top of
 * it. Training teaches the whole to tell the topics apart, which pulls the texts of one topic together in the
 * encoder's output whatever words they use. At run time the head says how sure the model is that a text is about
 * a topic it knows at all (see {@link EmbeddingModel#embed}).
 *
 * @param encoder features → vector of {@code hidden} values in (-1, 1)
 * @param head    vector → one logit per topic
 * @param whole   encoder, dropout (active in training only), head: what is trained and saved
 */
record EmbeddingNetwork(Block encoder, Block head, Block whole) {

    static EmbeddingNetwork create(int hidden, int topics) {
        Block encoder = new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::tanh);
        Block head = Linear.builder().setUnits(topics).build();
        Block whole = new SequentialBlock()
                .add(encoder)
                // Keeps single rare n-grams from deciding a topic.
                .add(Dropout.builder().optRate(0.3f).build())
                .add(head);
        return new EmbeddingNetwork(encoder, head, whole);
    }
}
