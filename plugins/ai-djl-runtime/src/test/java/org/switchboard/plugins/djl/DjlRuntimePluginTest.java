package org.switchboard.plugins.djl;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.switchboard.plugin.testkit.TestPluginContext;

class DjlRuntimePluginTest {

    @Test
    void start_loads_the_pytorch_engine_from_the_bundled_natives_and_it_computes() {
        try (TestPluginContext context = new TestPluginContext("ai-djl-runtime")) {
            new DjlRuntimePlugin(context).start();

            assertThat(System.getProperty(DjlRuntimePlugin.OFFLINE_PROPERTY)).isEqualTo("true");
            assertThat(System.getProperty(DjlRuntimePlugin.THREADS_PROPERTY)).isEqualTo("1");
            Engine engine = Engine.getEngine("PyTorch");
            assertThat(engine.getVersion()).isEqualTo("2.7.1");
            try (NDManager manager = engine.newBaseManager()) {
                NDArray sum = manager.create(new float[] {1f, 2f, 3f}).sum();
                assertThat(sum.getFloat()).isEqualTo(6f);
            }
        }
    }
}
