package org.hawkeye.engine.generate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import org.hawkeye.engine.graph.Graph;
import org.hawkeye.engine.onnx.OnnxImporter;

/**
 * Runs the many profiles of one generation or sweep on every core. Profiles of one {@link
 * org.hawkeye.engine.Profiler} share its rule base and protocol costs; each worker thread imports its own copy of a
 * model, since shape inference writes the shapes of one profile into the graph.
 */
final class Workers {
    private final ThreadLocal<Map<Path, Graph>> graphs = ThreadLocal.withInitial(HashMap::new);

    /** This thread's copy of the model in {@code file}. */
    Graph graph(Path file) {
        return graphs.get().computeIfAbsent(file, OnnxImporter::read);
    }

    /**
     * Runs {@code task} for 0..count-1 and returns the results in that order; {@code onDone} hears how many are
     * done after each. A task's exception reaches the caller as itself (the first in task order).
     */
    <T> List<T> run(int count, IntFunction<T> task, IntConsumer onDone) {
        int threads = Math.max(1, Math.min(count, Runtime.getRuntime().availableProcessors()));
        if (threads == 1) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(task.apply(i));
                onDone.accept(i + 1);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "hawkeye-worker");
            t.setDaemon(true);
            return t;
        });
        int[] done = {0};
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    T result = task.apply(index);
                    synchronized (done) {
                        onDone.accept(++done[0]);
                    }
                    return result;
                }));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
