package dev.exp.learn.online;

import dev.exp.kernel.Arg;
import dev.exp.kernel.Kernel;
import dev.exp.kernel.KernelContext;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.Numbers;
import dev.exp.learn.cluster.Inputs;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Online learning of linear predictors over a stream of examples (L23, namespace {@code learn}):
 * projected online gradient descent on convex losses and online ridge regression by Sherman–Morrison.
 * Both predict each example before learning from it and report the per-round losses.
 */
public final class Online {
  private Online() {}

  private static final int POLL_EVERY = 1024;

  private static double[] targets(Tensor y, int n, String fn) {
    double[] v = y.raw();
    if (v.length != n) {
      throw KernelException.of("%s: y has %d values but X has %d rows", fn, v.length, n);
    }
    for (double e : v) {
      if (!Double.isFinite(e)) {
        throw new KernelException(fn + ": y contains " + Numbers.format(e) + " (values must be finite)");
      }
    }
    return v;
  }

  @Kernel(name = "learn.online_gd", doc = "Projected online gradient descent (Zinkevich 2003) for a linear predictor "
      + "p_t = ⟨w_t, x_t⟩ over the rows of X in order: predict, suffer loss ℓ_t(w_t), then w_{t+1} = Π(w_t − η_t ∇ℓ_t(w_t)) "
      + "with η_t = eta/√t and Π the projection onto the ball ‖w‖ ≤ radius (none: no projection). loss: \"squared\" "
      + "½(p − y)², \"absolute\" |p − y|, \"logistic\" log(1 + e^{−yp}) and \"hinge\" max(0, 1 − yp) (labels y = ±1 "
      + "for the last two). With gradients bounded by G and radius R, eta = 2R/G gives regret ≤ 3·R·G·√T against "
      + "every fixed w in the ball. Starts at w_1 = 0. Returns {coef (the last iterate), average_coef, predictions, "
      + "losses, cumulative_loss (running sum), average_loss}. Example: learn.online_gd(X, y, loss: \"hinge\", eta: 2, "
      + "radius: 1)")
  public static Map<String, Object> onlineGd(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "loss", dflt = "\"squared\"") String loss, @Arg(value = "eta", dflt = "0.1") double eta,
      @Arg(value = "radius", dflt = "none") Double radius, KernelContext ctx) {
    String fn = "learn.online_gd";
    double[] v = Inputs.matrix(x, fn, "X", 1);
    int n = x.dim(0);
    int d = x.dim(1);
    double[] t = targets(y, n, fn);
    if (!(eta > 0)) {
      throw KernelException.of("%s: eta must be positive, got %s", fn, eta);
    }
    if (radius != null && !(radius > 0)) {
      throw KernelException.of("%s: radius must be positive, got %s", fn, radius);
    }
    boolean classification = loss.equals("logistic") || loss.equals("hinge");
    if (!classification && !loss.equals("squared") && !loss.equals("absolute")) {
      throw new KernelException(fn + ": loss must be \"squared\", \"absolute\", \"logistic\" or \"hinge\", got \""
          + loss + "\"");
    }
    if (classification) {
      for (int i = 0; i < n; i++) {
        if (t[i] != 1 && t[i] != -1) {
          throw KernelException.of("%s: the %s loss needs labels y = ±1, found %s at row %d", fn, loss,
              dev.exp.tensor.TensorArgs.fmt(t[i]), i);
        }
      }
    }
    double[] w = new double[d];
    double[] avg = new double[d];
    double[] pred = new double[n];
    double[] losses = new double[n];
    double[] cum = new double[n];
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (i % POLL_EVERY == POLL_EVERY - 1) {
        ctx.poll();
      }
      double p = 0;
      for (int j = 0; j < d; j++) {
        p += w[j] * v[i * d + j];
        avg[j] += (w[j] - avg[j]) / (i + 1);
      }
      pred[i] = p;
      double g;
      double l;
      switch (loss) {
        case "squared" -> {
          l = 0.5 * (p - t[i]) * (p - t[i]);
          g = p - t[i];
        }
        case "absolute" -> {
          l = Math.abs(p - t[i]);
          g = Math.signum(p - t[i]);
        }
        case "logistic" -> {
          double m = t[i] * p;
          l = m > 0 ? Math.log1p(Math.exp(-m)) : -m + Math.log1p(Math.exp(m));
          g = -t[i] / (1 + Math.exp(m));
        }
        default -> {
          l = Math.max(0, 1 - t[i] * p);
          g = 1 - t[i] * p > 0 ? -t[i] : 0;
        }
      }
      losses[i] = l;
      total += l;
      cum[i] = total;
      double step = eta / Math.sqrt(i + 1);
      double norm = 0;
      for (int j = 0; j < d; j++) {
        w[j] -= step * g * v[i * d + j];
        norm += w[j] * w[j];
      }
      if (radius != null && norm > radius * radius) {
        double s = radius / Math.sqrt(norm);
        for (int j = 0; j < d; j++) {
          w[j] *= s;
        }
      }
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("coef", Tensor.vector(w));
    r.put("average_coef", Tensor.vector(avg));
    r.put("predictions", Tensor.vector(pred));
    r.put("losses", Tensor.vector(losses));
    r.put("cumulative_loss", Tensor.vector(cum));
    r.put("average_loss", total / n);
    return r;
  }

  @Kernel(name = "learn.online_ridge", doc = "Online ridge regression over the rows of X in order, by Sherman–Morrison "
      + "updates of A⁻¹ = (lambda·I + Σ_{s<t} x_s x_sᵀ)⁻¹ (O(d²) per row): before seeing y_t it predicts ⟨w_{t−1}, x_t⟩ "
      + "with w_{t−1} the batch ridge solution on the first t − 1 rows; with vaw: true the Vovk–Azoury–Warmuth "
      + "forecaster instead, which also puts x_t into A before predicting. coef after the last row equals batch "
      + "ridge (lambda I + XᵀX)⁻¹Xᵀy on all rows. Returns {coef, predictions, losses (squared errors), "
      + "cumulative_loss, average_loss}. Example: learn.online_ridge(X, y, lambda: 1).coef")
  public static Map<String, Object> onlineRidge(@Arg("X") Tensor x, @Arg("y") Tensor y,
      @Arg(value = "lambda", dflt = "1") double lambda, @Arg(value = "vaw", dflt = "false") boolean vaw,
      KernelContext ctx) {
    String fn = "learn.online_ridge";
    double[] v = Inputs.matrix(x, fn, "X", 1);
    int n = x.dim(0);
    int d = x.dim(1);
    double[] t = targets(y, n, fn);
    if (!(lambda > 0)) {
      throw KernelException.of("%s: lambda must be positive, got %s", fn, lambda);
    }
    double[] ainv = new double[d * d];
    for (int i = 0; i < d; i++) {
      ainv[i * d + i] = 1 / lambda;
    }
    double[] b = new double[d];
    double[] w = new double[d];
    double[] pred = new double[n];
    double[] losses = new double[n];
    double[] cum = new double[n];
    double[] u = new double[d];
    double total = 0;
    for (int i = 0; i < n; i++) {
      if (i % POLL_EVERY == POLL_EVERY - 1) {
        ctx.poll();
      }
      int o = i * d;
      if (!vaw) {
        double p = 0;
        for (int j = 0; j < d; j++) {
          p += w[j] * v[o + j];
        }
        pred[i] = p;
      }
      // A⁻¹ ← A⁻¹ − (A⁻¹x)(A⁻¹x)ᵀ / (1 + xᵀA⁻¹x)
      double den = 1;
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += ainv[a * d + c] * v[o + c];
        }
        u[a] = s;
        den += v[o + a] * s;
      }
      for (int a = 0; a < d; a++) {
        for (int c = 0; c < d; c++) {
          ainv[a * d + c] -= u[a] * u[c] / den;
        }
      }
      if (vaw) {
        double p = 0;
        for (int a = 0; a < d; a++) {
          double s = 0;
          for (int c = 0; c < d; c++) {
            s += ainv[a * d + c] * b[c];
          }
          p += v[o + a] * s;
        }
        pred[i] = p;
      }
      for (int a = 0; a < d; a++) {
        b[a] += t[i] * v[o + a];
      }
      for (int a = 0; a < d; a++) {
        double s = 0;
        for (int c = 0; c < d; c++) {
          s += ainv[a * d + c] * b[c];
        }
        w[a] = s;
      }
      double e = pred[i] - t[i];
      losses[i] = e * e;
      total += losses[i];
      cum[i] = total;
    }
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("coef", Tensor.vector(w));
    r.put("predictions", Tensor.vector(pred));
    r.put("losses", Tensor.vector(losses));
    r.put("cumulative_loss", Tensor.vector(cum));
    r.put("average_loss", total / n);
    return r;
  }
}
