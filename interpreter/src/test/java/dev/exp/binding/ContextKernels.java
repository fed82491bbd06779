package dev.exp.binding;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Fn;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.Parallel;
import dev.exp.tensor.Tensor;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Test kernels that use the {@link KernelContext}: callbacks, polling, the stream, the location. */
public final class ContextKernels {
  private ContextKernels() {}

  /** Names of the threads the last {@code kc.map_parallel} callbacks ran on. */
  static final Set<String> THREADS = ConcurrentHashMap.newKeySet();

  /** About a millisecond of arithmetic that the JIT cannot remove. */
  static double busy(double seed) {
    double x = seed;
    for (int i = 0; i < 300_000; i++) {
      x = x * 0.999_999 + 1e-9;
    }
    return x;
  }

  @Kernel(name = "kc.map", doc = "f(i) for i in 0 until n, computed by up to 4 threads.")
  public static Tensor map(KernelContext ctx, @Arg("n") int n, @Arg("f") Fn f) {
    THREADS.clear();
    double[] out = new double[n];
    Parallel.withThreads(4, () -> {
      Parallel.forEach(n, i -> {
        THREADS.add(Thread.currentThread().getName());
        out[i] = ((Number) ctx.call(f, (double) i)).doubleValue();
        try {
          Thread.sleep(1);   // lets every worker take tasks
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      return null;
    });
    return Tensor.vector(out);
  }

  @Kernel(name = "kc.spin", doc = "Runs blocks of about 1 ms each, polling between them; returns blocks.")
  public static double spin(KernelContext ctx, @Arg("blocks") int blocks) {
    double x = 0;
    for (int b = 0; b < blocks; b++) {
      ctx.poll();
      x += busy(b);
    }
    return x > 0 ? blocks : -1;
  }

  @Kernel(name = "kc.spin_parallel", doc = "Runs blocks of about 1 ms each on Parallel.forEach (which polls).")
  public static double spinParallel(@Arg("blocks") int blocks) {
    double[] sink = new double[blocks];
    Parallel.forEach(blocks, b -> sink[b] = busy(b));
    return blocks;
  }

  @Kernel(name = "kc.where", doc = "The location of this call.")
  public static String where(KernelContext ctx) {
    return ctx.location();
  }

  @Kernel(name = "kc.draw", doc = "One uniform draw from the session's stream.")
  public static double draw(KernelContext ctx) {
    return ctx.rng().nextDouble();
  }

  @Kernel(name = "kc.scale", doc = "x times factor.")
  public static double scale(@Arg("x") double x, @Arg(value = "factor", dflt = "2") double factor) {
    return x * factor;
  }
}
