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
        dev.exp.tensor.SpecialFunctions.class,
        dev.exp.tensor.ComplexKernels.class,
        dev.exp.tensor.Reductions.class,
        dev.exp.tensor.AxisReductions.class,
        dev.exp.tensor.Sorting.class,
        dev.exp.tensor.Counting.class,
        dev.exp.stats.Covariance.class,
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
        dev.exp.attention.FeatureMaps.class,
        dev.exp.attention.LinearAttention.class,
        dev.exp.attention.ChunkwiseLinearAttention.class,
        dev.exp.attention.GatedRecurrence.class,
        dev.exp.attention.DeltaRule.class,
        dev.exp.attention.DeltaRuleChunkwise.class,
        dev.exp.attention.SelectiveScan.class,
        dev.exp.data.MarkovKernels.class,
        dev.exp.data.KGram.class,
        dev.exp.data.InContextRegression.class,
        dev.exp.data.AlgorithmicTasks.class,
        dev.exp.data.LinearSystemFamilies.class,
        dev.exp.metrics.Losses.class,
        dev.exp.metrics.Information.class,
        // transforms
        dev.exp.fft.FftKernels.class,
        dev.exp.fft.Frequencies.class,
        dev.exp.fft.DctKernels.class,
        dev.exp.fft.Convolution.class,
        dev.exp.transforms.Walsh.class,
        dev.exp.transforms.Qary.class,
        dev.exp.transforms.Lattice.class,
        dev.exp.transforms.Interactions.class,
        dev.exp.transforms.Sampling.class,
        dev.exp.transforms.SparseFunctions.class,
        dev.exp.transforms.SparseFourier.class,
        dev.exp.transforms.SparseMobius.class,
        dev.exp.transforms.Haar.class,
        dev.exp.transforms.Sketches.class,
        dev.exp.transforms.Kronecker.class,
        dev.exp.tokens.TokenKernels.class,
        dev.exp.tokens.Bpe.class,
        // learners
        dev.exp.learn.ModelKernels.class,
        // sparse matrices and linear-system solvers (issue 13 part A)
        dev.exp.sparse.SparseKernels.class,
        dev.exp.sparse.CscKernels.class,
        dev.exp.sparse.Stencils.class,
        dev.exp.sparse.LinearSystems.class,
        dev.exp.solvers.Stationary.class,
        dev.exp.solvers.ConjugateGradient.class,
        dev.exp.solvers.ConjugateDirections.class,
        dev.exp.solvers.Gmres.class,
        dev.exp.solvers.Minres.class,
        dev.exp.solvers.Bicgstab.class,
        dev.exp.solvers.PowerIteration.class,
        dev.exp.solvers.IterationMatrix.class,
        dev.exp.solvers.Lanczos.class,
        dev.exp.solvers.Arnoldi.class,
        dev.exp.solvers.ConditionEstimate.class,
        // optimization (optim, schedule): first-order optimizers, schedules, quasi-Newton, least squares,
        // proximal and projection methods, fixed points, min-max
        dev.exp.optim.OptimizerKernels.class,
        dev.exp.optim.schedule.ScheduleKernels.class,
        dev.exp.optim.MinimizeKernels.class,
        dev.exp.optim.LeastSquaresKernels.class,
        dev.exp.optim.CurveFitKernels.class,
        dev.exp.optim.ProxKernels.class,
        dev.exp.optim.ProjectionKernels.class,
        dev.exp.optim.ProximalGradient.class,
        dev.exp.optim.FixedPoint.class,
        dev.exp.optim.MinMax.class,
        dev.exp.optim.BlockCoordinateDescent.class,
        dev.exp.optim.Curvature.class,
        // solvers part C (odeot): LP, assignment, optimal transport, ODE/SDE, MDPs
        dev.exp.lp.LinProg.class,
        dev.exp.lp.LinearAssignment.class,
        dev.exp.ot.Emd.class,
        dev.exp.ot.Sinkhorn.class,
        dev.exp.ode.OdeKernels.class,
        dev.exp.ode.Sde.class,
        dev.exp.mdp.MdpKernels.class,
        dev.exp.mdp.MdpModels.class,
        // unsupervised learners, bandits, online learning, evaluation metrics (issue 14 part B)
        dev.exp.learn.cluster.KMeans.class,
        dev.exp.learn.decompose.Pca.class,
        dev.exp.learn.cluster.Gmm.class,
        dev.exp.learn.cluster.Spectral.class,
        dev.exp.learn.decompose.LatentFactors.class,
        dev.exp.learn.online.Online.class,
        dev.exp.metrics.Classification.class,
        dev.exp.metrics.Confusion.class,
        dev.exp.metrics.Calibration.class,
        dev.exp.metrics.Ranking.class,
        dev.exp.stats.Correlation.class,
        dev.exp.stats.Inference.class,
        dev.exp.stats.Normal.class,
        dev.exp.bandit.Environments.class,
        dev.exp.bandit.Policies.class,
        dev.exp.bandit.Simulator.class,
        dev.exp.bandit.Stepping.class,
        // learners: supervised (issue 14 part A: learn.*, data generators D04/D05, metrics.pinball_loss)
        dev.exp.learn.linear.LeastSquares.class,
        dev.exp.learn.linear.KernelRidge.class,
        dev.exp.learn.linear.Sparse.class,
        dev.exp.learn.linear.GroupLasso.class,
        dev.exp.learn.linear.Quantiles.class,
        dev.exp.learn.linear.BayesLinear.class,
        dev.exp.learn.classify.Laplace.class,
        dev.exp.learn.classify.Logistic.class,
        dev.exp.learn.classify.GaussianNb.class,
        dev.exp.learn.classify.MultinomialNb.class,
        dev.exp.learn.classify.Lda.class,
        dev.exp.learn.classify.Qda.class,
        dev.exp.learn.neighbors.Neighbors.class,
        dev.exp.learn.neighbors.NadarayaWatson.class,
        dev.exp.learn.conformal.Conformal.class,
        dev.exp.learn.features.RandomFeatures.class,
        dev.exp.learn.features.RandomFeatureRidge.class,
        dev.exp.data.LabelledMixtures.class,
        dev.exp.data.SparseLinear.class,
        // issue 13/14 gaps: gradient clipping and noise (S09), variance-reduced Halpern (S07)
        dev.exp.optim.GradientKernels.class,
        dev.exp.optim.VrHalpern.class,
        dev.exp.metrics.Retrieval.class,
        dev.exp.metrics.Scoring.class,
        dev.exp.metrics.Selective.class,
        dev.exp.metrics.Agreement.class,
        dev.exp.stats.Bounds.class,
        dev.exp.learn.linear.BestSubset.class,
        dev.exp.solvers.TriangularSolve.class,
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
    m.put("", "Core tensor functions: creation, random numbers, shape, element-wise math, reductions.\n\n"
        + "**Dtypes.** A tensor is float64 (the default) or complex128 (`x.dtype`); a list literal mixing numbers and "
        + "complex numbers (`[1, 2i]`) is complex128, and a 0-d complex tensor is a complex number (`1+2i`). "
        + "`complex`, `real`, `imag`, `conj`, `angle` and `abs` (the magnitude, a real result) work on both; "
        + "`z.re` and `z.im` are O(1) float64 views of a complex tensor's parts. Complex values also go through "
        + "`+ - * / ^`, `@`, `exp`, `log`, `sqrt`, `square`, `sin`, `cos`, `tan`, `sinh`, `cosh`, `tanh`, `sum`, "
        + "`mean`, `prod`, `cumsum`, `cumprod`, `var` and `std` (real: the mean of |z − mean(z)|², as NumPy), "
        + "`linalg.solve`, `inv` and `det` (one matrix at a time) and the FFTs. Kernels that need real input say so in their error.\n\n"
        + "**Views.** Basic indexing (`x[i]`, `x[a:b:s]` with negative steps, `x[i, j]`), `.T`, `transpose`, "
        + "`flip`, `squeeze`, `expand_dims`, `reshape` of contiguous data and broadcasting return O(1) views that share "
        + "the input's storage; indexing with an integer tensor (`x[idx]`) gathers a copy whose axis is replaced by "
        + "idx's shape, as `take`. Views are invisible to scripts: `x[i] = v` on a `var` never changes another variable. "
        + "Kernels accept views; a kernel that needs row-major data copies a non-contiguous view once.");
    m.put("linalg", "Dense linear algebra on LAPACK (native OpenBLAS) with EJML as the pure-Java fallback: solves, decompositions, norms.");
    m.put("attention", "Sequence-mixing operators, float64, on [n, d] matrices of queries, keys and values. Softmax "
        + "attention (causal, sliding-window, prefix-LM, block-diagonal, explicit and additive-bias masks; a tiled "
        + "online softmax that never forms the n×m matrix), multi-head layers, RoPE, layer/RMS norm, GELU and "
        + "feed-forward blocks, linear self-attention as one gradient-descent step; and the linear family: feature maps φ "
        + "(elu+1, ReLU, Taylor-2, FAVOR+ and random Fourier features, Hedgehog) with linear attention in parallel, "
        + "recurrent and chunkwise (Lightning-2) forms, optional decay and the implied weight matrix; gated linear "
        + "recurrences (GLA / RetNet); the delta rule (DeltaNet) with its WY chunkwise form; and diagonal selective "
        + "scans (Mamba-style) with unit or signed transitions. Equivalent forms of one operator agree to rounding.");
    m.put("data", "Seeded synthetic data: k-th order Markov sources (Dirichlet tables, flip source, sampling, "
        + "stationary law, exact entropy rate, true conditionals), add-β k-gram estimators (Krichevsky–Trofimov, "
        + "online predictions), in-context linear regression prompts, and algorithmic tasks (parity, counting mod m, "
        + "copying, associative recall); labelled Gaussian mixtures with their Bayes error, noisy halfspaces, sparse "
        + "and multi-task linear models.");
    m.put("metrics", "Losses and information measures: MSE, RMSE, MAE, accuracy, NLL, cross-entropy and perplexity; "
        + "entropy, KL, Jensen–Shannon, total variation and χ² over the last (distribution) axis, in nats or any base. "
        + "Classification, calibration and ranking diagnostics: ROC and precision–recall curves and areas, confusion "
        + "matrix, precision/recall/F1, log loss, Brier score, ECE with reliability data, nDCG, MRR, recall@k; the pinball (quantile) loss.");
    m.put("fft", "Fourier transforms with NumPy/SciPy's names and conventions (on JTransforms): fft, ifft, rfft, irfft "
        + "and their 2-D and n-D forms over chosen axes, any length (primes too), norm \"backward\", \"ortho\" or "
        + "\"forward\"; fftfreq, rfftfreq, fftshift; DCT and DST types I–IV (scipy.fft); convolution and "
        + "cross-correlation (full/same/valid) by FFT or directly; re, im, abs of complex results.");
    m.put("transforms", "Transforms of functions on the Boolean cube, Z_q^n and the Boolean lattice: the fast "
        + "Walsh–Hadamard transform (natural, sequency, dyadic order), the q-ary Fourier transform, zeta and Möbius "
        + "transforms (subset and superset), Shapley/Banzhaf values and interaction indices (Shapley, Banzhaf, "
        + "Shapley–Taylor, Faith-Shap, Faith-Banzhaf) from Möbius coefficients, their Monte Carlo estimates with "
        + "confidence intervals from a black-box game, seeded K-sparse set and q-ary functions, sparse recovery "
        + "from queries (sparse WHT / q-SFT and the sparse Möbius transform, each reporting its query count), "
        + "Haar wavelets, random sketches with sketch-and-solve least squares, and Kronecker / Khatri–Rao products.");
    m.put("tokens", "Tokenizers over strings (UTF-8 bytes or code points) and integer symbol sequences: byte and "
        + "character tokens, byte-pair encoding (training with the merge list and pair counts, encode, decode), "
        + "the LZ78 dictionary parse, and an add-β unigram model over tokens scored in bits.");
    // sparse matrices and linear-system solvers (issue 13 part A)
    m.put("sparse", "Sparse matrices in CSR form (a value of type \"sparse\" with fields shape, nnz, data, indices, "
        + "indptr; `S @ x` multiplies it with a vector or a dense matrix): from triplets (duplicates summed) or dense, "
        + "transpose, diagonals, triangles, banded `diags`, sums and sparse products; Poisson (1-D, 2-D 5-point, 3-D "
        + "7-point) and convection–diffusion stencils; seeded families of test systems (SPD with a chosen condition "
        + "number, diagonally dominant, shifted A + cI). See docs/solvers.md.");
    m.put("solvers", "Iterative methods for linear systems and eigenvalues on a dense matrix, a sparse matrix or a "
        + "function x -> A x: Jacobi, Gauss–Seidel, SOR and SSOR; CG, PCG (Jacobi, SSOR, IC(0) or your own M⁻¹), "
        + "GMRES(m), MINRES and BiCGSTAB; power iteration, Lanczos and Arnoldi extreme eigenvalues, iteration matrices "
        + "and their spectral radius, condition estimates. Every solver returns {x, iterations, residuals (the "
        + "history), converged, reason} and never reports an unconverged answer as converged. See docs/solvers.md.");
    m.put("optim", "Optimization. First-order optimizers as immutable values (SGD, momentum, Nesterov, AdaGrad, "
        + "RMSprop, Adam, AdamW, Lion, sign-SGD; PyTorch's rules and defaults) stepped functionally with "
        + "`optim.update(opt, x, g, state)` → {x, state}; `optim.minimize` over an objective returning {value, grad} "
        + "(or a number: finite differences); BFGS, L-BFGS (bounds by projection), damped Newton and the strong-Wolfe "
        + "line search. Optimizers return {x, fun, grad, iterations, evaluations, converged, message, history}.");
    m.put("schedule", "Learning-rate schedules as values: call one with the step (`s(100)`), read its parameters as "
        + "fields, tabulate it with `schedule.values(s, n)`, or pass it as an optimizer's lr. Constant, step, "
        + "exponential, cosine, linear, REX, linear warm-up, warmup-stable-decay and inverse square root.");
    // solvers part C (odeot); optim.linprog and optim.linear_sum_assignment live in the optim namespace
    m.put("ot", "Discrete optimal transport between weighted point sets: the exact plan (ot.emd: linear assignment "
        + "for equal uniform sizes, a transportation simplex otherwise) and entropic transport by Sinkhorn in the "
        + "log domain (stable at ε = 1e-3) or with scalings, returning the plan, its cost ⟨P, C⟩, the dual "
        + "potentials and the marginal error.");
    m.put("ode", "Initial value problems with a script right-hand side f(t, y): fixed-step RK4 and adaptive "
        + "Dormand–Prince RK45 / DOP853 (Hipparchus) with times to report and a callable dense output, like "
        + "scipy.integrate.solve_ivp; stochastic integrators vectorised over many paths: Euler–Maruyama for Itô SDEs "
        + "and (annealed) Langevin sampling from a score function.");
    m.put("mdp", "Dynamic programming for small discounted Markov decision processes, P [S, A, S] and R [S, A] or "
        + "[S, A, S]: value iteration, Howard's policy iteration, exact policy evaluation (deterministic or "
        + "stochastic policies), seeded random MDPs and a gridworld with slip.");
    m.put("stats", "Statistics for results: Student-t and bootstrap confidence intervals, t-tests, power-law fits, quantiles; "
        + "the normal distribution's pdf, cdf and quantile (norm_pdf, norm_cdf, norm_ppf); "
        + "Pearson, Spearman and Kendall correlations with p-values and Fisher-z intervals; paired t and Wilcoxon tests, "
        + "paired bootstrap intervals of differences and multiple-comparison corrections (Bonferroni, Holm, BH).");
    // unsupervised learners and bandits (issue 14 part B)
    m.put("bandit", "Multi-armed bandits: environments with their regret oracles (Bernoulli, Gaussian, linear, "
        + "adversarial), policies as values (ε-greedy, UCB1, KL-UCB, Thompson sampling, successive elimination, Hedge, "
        + "EXP3, EXP3-IX, LinUCB, linear Thompson sampling), a parallel seeded simulator with regret curves and bands, "
        + "and an immutable state for hand-written loops.");
    m.put("learn", "Learners as fitted model values (issue 14). Supervised: least squares, ridge (primal/dual, "
        + "multi-output, leave-one-out and GCV shortcuts), kernel ridge, Bayesian linear regression; lasso, elastic net, "
        + "regularisation paths and group lasso; logistic and multinomial regression (Newton or L-BFGS), Laplace "
        + "approximation, linear probes; Gaussian and multinomial naive Bayes, LDA, QDA; exact k-NN search, k-NN and "
        + "Nadaraya–Watson; random-feature models; exact linear quantile regression, rearrangement and quantile "
        + "aggregation; split conformal intervals, CQR and conformal classification sets. Unsupervised and online: "
        + "k-means, Gaussian mixtures by EM, spectral clustering, PCA, probabilistic PCA, factor analysis, online "
        + "gradient descent and online ridge. A fitted model prints a one-line summary, exposes its parameters as "
        + "fields (m.coef, m.intercept) and answers predict, predict_proba, score and transform, in pipelines too "
        + "(learn.ridge(X, y) |> predict(X_test)). See docs/learners.md and docs/learners-unsupervised.md.");
    m.put("plot", "Figures from tables and tensors: line (with CI bands), scatter, histogram, heat map; save as SVG or PNG. "
        + "Long data stay small files without changing the picture: a line with more than 4 points per pixel column "
        + "is drawn through each column's first, lowest, highest and last point (M4), and a scatter draws one mark "
        + "per half-pixel.");
    m.put("io", "Files: read CSV and JSON into tables, read and write text and JSON (writes are atomic).");
    return m;
  }
}
