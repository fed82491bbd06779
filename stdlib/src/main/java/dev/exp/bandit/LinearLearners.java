package dev.exp.bandit;

import dev.exp.kernel.KernelException;
import dev.exp.learn.decompose.Gaussian;
import dev.exp.random.Rng;
import dev.exp.tensor.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/** The per-run state of the linear bandit policies (L21): LinUCB / OFUL and linear Thompson sampling. */
final class LinearLearners {
  private LinearLearners() {}

  /** Ridge statistics: V⁻¹ = (λI + Σ x xᵀ)⁻¹ kept by Sherman–Morrison, b = Σ r x, θ̂ = V⁻¹ b. */
  abstract static class Ridge implements Learner {
    final int d;
    final double[] vinv;
    final double[] b;
    int t;

    Ridge(int d, double lambda) {
      if (d < 1) {
        throw new KernelException("linear bandit policies need an environment with arm features (bandit.linear)");
      }
      this.d = d;
      vinv = new double[d * d];
      b = new double[d];
      for (int i = 0; i < d; i++) {
        vinv[i * d + i] = 1 / lambda;
      }
    }

    Ridge(Ridge o) {
      d = o.d;
      vinv = o.vinv.clone();
      b = o.b.clone();
      t = o.t;
    }

    double[] theta() {
      double[] th = new double[d];
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += vinv[i * d + j] * b[j];
        }
        th[i] = s;
      }
      return th;
    }

    /** xᵀ V⁻¹ x for the feature row at offset o. */
    double norm2(double[] x, int o) {
      double s = 0;
      for (int i = 0; i < d; i++) {
        double r = 0;
        for (int j = 0; j < d; j++) {
          r += vinv[i * d + j] * x[o + j];
        }
        s += x[o + i] * r;
      }
      return s;
    }

    static void requireFeatures(double[] features, String name) {
      if (features == null) {
        throw new KernelException(name + " needs the arm features of the round (pass features)");
      }
    }

    @Override
    public void update(int arm, double reward, double[] features, double[] all) {
      requireFeatures(features, "linear bandit update");
      int o = arm * d;
      double[] u = new double[d];
      for (int i = 0; i < d; i++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += vinv[i * d + j] * features[o + j];
        }
        u[i] = s;
      }
      double den = 1;
      for (int i = 0; i < d; i++) {
        den += features[o + i] * u[i];
      }
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          vinv[i * d + j] -= u[i] * u[j] / den;
        }
        b[i] += reward * features[o + i];
      }
      t++;
    }

    @Override
    public Map<String, Object> fields() {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("theta", Tensor.vector(theta()));
      f.put("v_inv", Tensor.wrap(new int[] {d, d}, vinv.clone()));
      f.put("t", (double) t);
      return f;
    }
  }

  static final class LinUcb extends Ridge {
    private final double alpha;

    LinUcb(int d, double alpha, double lambda) {
      super(d, lambda);
      this.alpha = alpha;
    }

    private LinUcb(LinUcb o) {
      super(o);
      this.alpha = o.alpha;
    }

    @Override
    public int select(int round, double[] features, Rng rng) {
      requireFeatures(features, "linucb");
      double[] th = theta();
      int k = features.length / d;
      double[] idx = new double[k];
      for (int a = 0; a < k; a++) {
        double m = 0;
        for (int j = 0; j < d; j++) {
          m += th[j] * features[a * d + j];
        }
        idx[a] = m + alpha * Math.sqrt(Math.max(0, norm2(features, a * d)));
      }
      return Counts.argmax(idx);
    }

    @Override
    public Learner copy() {
      return new LinUcb(this);
    }
  }

  static final class LinThompson extends Ridge {
    private final double v;

    LinThompson(int d, double v, double lambda) {
      super(d, lambda);
      this.v = v;
    }

    private LinThompson(LinThompson o) {
      super(o);
      this.v = o.v;
    }

    @Override
    public int select(int round, double[] features, Rng rng) {
      requireFeatures(features, "lin_thompson");
      double[] th = theta();
      double[] sym = new double[d * d];
      for (int i = 0; i < d; i++) {
        for (int j = 0; j < d; j++) {
          sym[i * d + j] = 0.5 * (vinv[i * d + j] + vinv[j * d + i]);
        }
      }
      double[] l = Gaussian.cholesky(sym, d);
      double[] z = new double[d];
      for (int i = 0; i < d; i++) {
        z[i] = rng.nextGaussian();
      }
      double[] draw = th.clone();
      if (l != null) {
        for (int i = 0; i < d; i++) {
          double s = 0;
          for (int j = 0; j <= i; j++) {
            s += l[i * d + j] * z[j];
          }
          draw[i] += v * s;
        }
      }
      int k = features.length / d;
      double[] val = new double[k];
      for (int a = 0; a < k; a++) {
        for (int j = 0; j < d; j++) {
          val[a] += draw[j] * features[a * d + j];
        }
      }
      return Counts.argmax(val);
    }

    @Override
    public Learner copy() {
      return new LinThompson(this);
    }
  }
}
