package dev.exp.learn.cluster;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.linalg.Decompositions;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** Spectral clustering with the normalised graph Laplacian (namespace {@code learn}). */
public final class Spectral {
  private Spectral() {}

  @Kernel(name = "learn.spectral_clustering", doc = "Spectral clustering of the rows of X (n×d) into k clusters, as "
      + "scikit-learn's SpectralClustering with assign_labels \"kmeans\": build the affinity A — \"rbf\" (default) "
      + "exp(−gamma‖x_i − x_j‖²) with gamma default 1, or \"knn\", the symmetrised n_neighbors (default 10) nearest "
      + "neighbour graph (each point its own neighbour) ½(C + Cᵀ) — take the k eigenvectors of the largest "
      + "eigenvalues of D^{-1/2} A D^{-1/2} (the smallest of the normalised Laplacian; degrees D without self loops), "
      + "divide each row by √degree and cluster the rows by learn.kmeans (k-means++, n_init 10). Dense: O(n²) memory "
      + "and an O(n³) eigen-decomposition, so for up to a few thousand points. Returns {labels, embedding (n×k), "
      + "eigenvalues (of the normalised Laplacian, ascending), affinity}. Example: learn.spectral_clustering(X, 2, "
      + "affinity: \"knn\", n_neighbors: 8).labels")
  public static Map<String, Object> spectralClustering(@Arg("X") Tensor x, @Arg("k") int k,
      @Arg(value = "affinity", dflt = "\"rbf\"") String affinity, @Arg(value = "gamma", dflt = "1") double gamma,
      @Arg(value = "n_neighbors", dflt = "10") int nNeighbors, @Arg(value = "seed", dflt = "none") Rng rng,
      KernelContext ctx) {
    String fn = "learn.spectral_clustering";
    double[] v = Inputs.matrix(x, fn, "X", 2);
    int n = x.dim(0);
    int d = x.dim(1);
    Inputs.positive(fn, "k", k);
    if (k > n) {
      throw KernelException.of("%s: k = %d clusters but X has only %d rows", fn, k, n);
    }
    if (n > 5000) {
      throw KernelException.of("%s: X has %d rows; the dense affinity is limited to 5000 points", fn, n);
    }
    double[] xn = Distances.rowNorms(v, n, d);
    double[] dist = new double[n * n];
    Distances.squared(v, xn, 0, n, d, v, xn, n, dist);
    double[] a = new double[n * n];
    if (affinity.equals("rbf")) {
      if (!(gamma > 0)) {
        throw KernelException.of("%s: gamma must be positive, got %s", fn, gamma);
      }
      for (int i = 0; i < n * n; i++) {
        a[i] = Math.exp(-gamma * dist[i]);
      }
    } else if (affinity.equals("knn")) {
      if (nNeighbors < 1 || nNeighbors > n) {
        throw KernelException.of("%s: n_neighbors must be in [1, %d], got %d", fn, n, nNeighbors);
      }
      for (int i = 0; i < n; i++) {
        ctx.poll();
        Integer[] ord = new Integer[n];
        for (int j = 0; j < n; j++) {
          ord[j] = j;
        }
        final int row = i;
        dist[i * n + i] = -1; // each point is its own nearest neighbour
        java.util.Arrays.sort(ord, (p, q) -> Double.compare(dist[row * n + p], dist[row * n + q]));
        for (int t = 0; t < nNeighbors; t++) {
          a[i * n + ord[t]] += 0.5;
          a[ord[t] * n + i] += 0.5;
        }
      }
    } else {
      throw new KernelException(fn + ": affinity must be \"rbf\" or \"knn\", got \"" + affinity + "\"");
    }
    double[] deg = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < n; j++) {
        s += i == j ? 0 : a[i * n + j];
      }
      if (!(s > 0)) {
        throw KernelException.of("%s: point %d has no neighbours in the affinity graph (raise gamma's scale or "
            + "n_neighbors)", fn, i);
      }
      deg[i] = Math.sqrt(s);
    }
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i * n + j] = i == j ? 0 : a[i * n + j] / (deg[i] * deg[j]);
      }
    }
    ctx.poll();
    Map<String, Object> eig = Decompositions.eigh(Tensor.wrap(new int[] {n, n}, m));
    double[] w = ((Tensor) eig.get("values")).raw();
    double[] vec = ((Tensor) eig.get("vectors")).raw();
    double[] emb = new double[n * k];
    double[] lap = new double[k];
    for (int c = 0; c < k; c++) {
      int col = n - 1 - c;
      lap[c] = 1 - w[col];
      // deterministic sign: the largest |entry| of each eigenvector positive (as scikit-learn)
      int big = 0;
      for (int i = 0; i < n; i++) {
        big = Math.abs(vec[i * n + col] / deg[i]) > Math.abs(vec[big * n + col] / deg[big]) ? i : big;
      }
      double sign = vec[big * n + col] < 0 ? -1 : 1;
      for (int i = 0; i < n; i++) {
        emb[i * k + c] = sign * vec[i * n + col] / deg[i];
      }
    }
    Tensor embedding = Tensor.wrap(new int[] {n, k}, emb);
    KMeansModel km = KMeans.kmeans(embedding, k, "k-means++", 10, 300, 1e-4, rng != null ? rng : new Rng(0), ctx);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("labels", km.field("labels"));
    r.put("embedding", embedding);
    r.put("eigenvalues", Tensor.vector(lap));
    r.put("affinity", affinity);
    return r;
  }
}
