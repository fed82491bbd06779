package dev.exp;

import java.util.List;

/**
 * The index of kernel classes: every class listed here has public static methods annotated with
 * {@link dev.exp.kernel.Kernel}. The interpreter binds them once per engine; the library reference
 * ({@code docs/stdlib.md}) is generated from the same list. Add new kernel classes here.
 */
public final class Stdlib {
  private Stdlib() {}

  /** Kernel classes, in the order their sections appear in the reference. */
  public static List<Class<?>> kernelClasses() {
    return List.of(
        // core tensor functions (globals)
        dev.exp.tensor.Creation.class,
        dev.exp.tensor.Random.class,
        dev.exp.tensor.Shapes.class,
        dev.exp.tensor.ElementWise.class,
        dev.exp.tensor.Reductions.class,
        dev.exp.tensor.Sorting.class,
        dev.exp.tensor.Indexing.class,
        dev.exp.tensor.MatMul.class,
        // linalg
        dev.exp.linalg.Linalg.class,
        dev.exp.linalg.Decompositions.class,
        // attention, data, metrics
        dev.exp.attention.SoftmaxAttention.class,
        dev.exp.attention.MultiHeadAttention.class,
        dev.exp.attention.Rope.class,
        dev.exp.attention.Layers.class,
        dev.exp.attention.LinearSelfAttention.class,
        // stats, tables, plots, io
        dev.exp.table.TableKernels.class,
        dev.exp.stats.Stats.class,
        dev.exp.plot.PlotKernels.class,
        dev.exp.io.IoKernels.class
        );
  }

  /** Namespace documentation: namespace name to one-paragraph description. */
  public static java.util.Map<String, String> namespaces() {
    java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("", "Core tensor functions: creation, random numbers, shape, element-wise math, reductions.");
    m.put("linalg", "Dense linear algebra on EJML: solves, decompositions, norms.");
    m.put("attention", "Sequence-mixing operators of transformer research. Softmax family: scaled dot-product "
        + "attention with causal, sliding-window, prefix-LM, block-diagonal, explicit and additive-bias masks "
        + "(exact two-pass with weights, or tiled online softmax that never forms the n×m matrix), multi-head "
        + "attention, rotary position embeddings, layer/RMS norm, GELU and feed-forward blocks for a transformer "
        + "layer, and linear self-attention as an in-context gradient-descent learner. Linear family: "
        + "feature-map linear attention and its recurrent, parallel and chunkwise forms, gated/decayed and "
        + "delta-rule recurrences and selective scans.");
    m.put("stats", "Statistics for results: Student-t and bootstrap confidence intervals, t-tests, power-law fits, quantiles.");
    m.put("plot", "Figures from tables and tensors: line (with CI bands), scatter, histogram, heat map; save as SVG or PNG.");
    m.put("io", "Files: read CSV and JSON into tables, read and write text and JSON (writes are atomic).");
    return m;
  }
}
