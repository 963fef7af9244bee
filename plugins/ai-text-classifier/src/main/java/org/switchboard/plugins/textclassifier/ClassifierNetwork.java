package org.switchboard.plugins.textclassifier;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;

/**
 * The network: hashed n-gram vector → one hidden ReLU layer → one logit per label. Small on purpose (about 2 MB of
 * weights, well under a millisecond per message on one core): a few hundred examples do not support more.
 */
final class ClassifierNetwork {

    private ClassifierNetwork() {
    }

    static Block create(int hidden, int labels) {
        return new SequentialBlock()
                .add(Linear.builder().setUnits(hidden).build())
                .add(Activation::relu)
                // Only active while training; keeps the net from memorising single rare n-grams.
                .add(Dropout.builder().optRate(0.3f).build())
                .add(Linear.builder().setUnits(labels).build());
    }
}
