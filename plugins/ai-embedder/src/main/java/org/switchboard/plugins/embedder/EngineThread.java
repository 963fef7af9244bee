package org.switchboard.plugins.embedder;

import ai.djl.engine.Engine;

/**
 * Runs DJL calls with the thread's context class loader set to the loader that holds DJL.
 *
 * <p>DJL discovers its engines with a {@link java.util.ServiceLoader} on the context class loader and finds the
 * natives as resources through it. Inside the portal the caller is a host thread whose context loader is the
 * application's, which sees neither; DJL's own loader (the {@code ai-djl-runtime} plugin's) sees both.
 */
final class EngineThread {

    private EngineThread() {
    }

    static <T, E extends Exception> T call(ThrowingSupplier<T, E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return work.get();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** A supplier with a precise exception type. */
    @FunctionalInterface
    interface ThrowingSupplier<T, E extends Exception> {
        T get() throws E;
    }
}
