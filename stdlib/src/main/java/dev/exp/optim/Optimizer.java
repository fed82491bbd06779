package dev.exp.optim;

import dev.exp.kernel.Numbers;
import dev.exp.optim.schedule.Schedule;
import dev.exp.kernel.KernelException;
import dev.exp.kernel.ScriptObject;
import dev.exp.kernel.Values;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A first-order optimizer as an immutable script value: its kind and hyper-parameters (fields), and
 * the update rule. The optimizer holds no state; {@link #update} maps (x, g, state) to (x', state'),
 * where the state is a record {step, buffers...} named as in PyTorch ({@code exp_avg}, {@code
 * exp_avg_sq}, {@code momentum_buffer}, {@code sum}, {@code square_avg}, ...). The rules are PyTorch's
 * (torch.optim) with PyTorch's defaults; Lion follows Chen et al. 2023 and sign-SGD is x ← x − η·sign(g).
 * A {@link GradientTransform} (clipping, gradient noise) may act on g before the rule.
 */
public final class Optimizer implements ScriptObject {
  /** The update rules. */
  enum Kind {
    SGD, ADAGRAD, RMSPROP, ADAM, ADAMW, LION, SIGN_SGD
  }

  final Kind kind;
  final String name;
  final Schedule lr;
  final double momentum;
  final double dampening;
  final boolean nesterov;
  final double weightDecay;
  final double beta1;
  final double beta2;
  final double eps;
  final boolean amsgrad;
  final boolean centered;
  final double lrDecay;
  final double initialAccumulator;
  final double alpha;
  final GradientTransform transform;
  private final Map<String, Object> fields = new LinkedHashMap<>();

  Optimizer(String name, Kind kind, Schedule lr, double momentum, double dampening, boolean nesterov,
      double weightDecay, double beta1, double beta2, double eps, boolean amsgrad, boolean centered, double lrDecay,
      double initialAccumulator, double alpha) {
    this.name = name;
    this.kind = kind;
    this.lr = lr;
    this.momentum = momentum;
    this.dampening = dampening;
    this.nesterov = nesterov;
    this.weightDecay = weightDecay;
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.amsgrad = amsgrad;
    this.centered = centered;
    this.lrDecay = lrDecay;
    this.initialAccumulator = initialAccumulator;
    this.alpha = alpha;
    this.transform = GradientTransform.NONE;
    fields.put("kind", name);
    fields.put("lr", lr.kind().equals("constant") ? lr.at(0) : lr);
    switch (kind) {
      case SGD -> {
        fields.put("momentum", momentum);
        fields.put("dampening", dampening);
        fields.put("nesterov", nesterov);
        fields.put("weight_decay", weightDecay);
      }
      case ADAGRAD -> {
        fields.put("lr_decay", lrDecay);
        fields.put("weight_decay", weightDecay);
        fields.put("initial_accumulator_value", initialAccumulator);
        fields.put("eps", eps);
      }
      case RMSPROP -> {
        fields.put("alpha", alpha);
        fields.put("eps", eps);
        fields.put("weight_decay", weightDecay);
        fields.put("momentum", momentum);
        fields.put("centered", centered);
      }
      case ADAM, ADAMW -> {
        fields.put("beta1", beta1);
        fields.put("beta2", beta2);
        fields.put("eps", eps);
        fields.put("weight_decay", weightDecay);
        fields.put("amsgrad", amsgrad);
      }
      case LION -> {
        fields.put("beta1", beta1);
        fields.put("beta2", beta2);
        fields.put("weight_decay", weightDecay);
      }
      case SIGN_SGD -> fields.put("weight_decay", weightDecay);
    }
  }

  private Optimizer(Optimizer o, GradientTransform t) {
    this.name = o.name;
    this.kind = o.kind;
    this.lr = o.lr;
    this.momentum = o.momentum;
    this.dampening = o.dampening;
    this.nesterov = o.nesterov;
    this.weightDecay = o.weightDecay;
    this.beta1 = o.beta1;
    this.beta2 = o.beta2;
    this.eps = o.eps;
    this.amsgrad = o.amsgrad;
    this.centered = o.centered;
    this.lrDecay = o.lrDecay;
    this.initialAccumulator = o.initialAccumulator;
    this.alpha = o.alpha;
    this.transform = t;
    fields.putAll(o.fields);
    fields.keySet().removeAll(o.transform.fields().keySet());
    fields.putAll(t.fields());
  }

  /** The same optimizer with another gradient transform (clipping, noise). */
  Optimizer withTransform(GradientTransform t) {
    return new Optimizer(this, t);
  }

  /** The mutable working state of one run (Java side); scripts see it as a record. */
  static final class State {
    int step;
    double[] a;
    double[] b;
    double[] c;

    State(int n, Optimizer o) {
      if (o.kind == Kind.ADAGRAD) {
        a = new double[n];
        java.util.Arrays.fill(a, o.initialAccumulator);
      }
    }
  }

  /** Names of the state buffers a, b, c for this kind (null: unused). */
  String[] bufferNames() {
    return switch (kind) {
      case SGD -> new String[] {"momentum_buffer", null, null};
      case ADAGRAD -> new String[] {"sum", null, null};
      case RMSPROP -> new String[] {"square_avg", "momentum_buffer", "grad_avg"};
      case ADAM, ADAMW -> new String[] {"exp_avg", "exp_avg_sq", "max_exp_avg_sq"};
      case LION -> new String[] {"exp_avg", null, null};
      case SIGN_SGD -> new String[] {null, null, null};
    };
  }

  /** One step in place: x ← x', s ← s' for gradient g (g is not modified). */
  void step(double[] x, double[] grad, State s) {
    int n = x.length;
    double[] g = transform.apply(grad, s.step);
    double eta = lr.at(s.step);
    s.step++;
    int t = s.step;
    switch (kind) {
      case SGD -> {
        for (int i = 0; i < n; i++) {
          double gi = g[i] + weightDecay * x[i];
          if (momentum != 0) {
            if (s.a == null) {
              s.a = new double[n];
            }
            s.a[i] = t == 1 ? gi : momentum * s.a[i] + (1 - dampening) * gi;
            gi = nesterov ? gi + momentum * s.a[i] : s.a[i];
          }
          x[i] -= eta * gi;
        }
      }
      case ADAGRAD -> {
        double clr = eta / (1 + (t - 1) * lrDecay);
        for (int i = 0; i < n; i++) {
          double gi = g[i] + weightDecay * x[i];
          s.a[i] += gi * gi;
          x[i] -= clr * gi / (Math.sqrt(s.a[i]) + eps);
        }
      }
      case RMSPROP -> {
        if (s.a == null) {
          s.a = new double[n];
        }
        if (momentum > 0 && s.b == null) {
          s.b = new double[n];
        }
        if (centered && s.c == null) {
          s.c = new double[n];
        }
        for (int i = 0; i < n; i++) {
          double gi = g[i] + weightDecay * x[i];
          s.a[i] = alpha * s.a[i] + (1 - alpha) * gi * gi;
          double avg = s.a[i];
          if (centered) {
            s.c[i] = alpha * s.c[i] + (1 - alpha) * gi;
            avg -= s.c[i] * s.c[i];
          }
          double denom = Math.sqrt(avg) + eps;
          if (momentum > 0) {
            s.b[i] = momentum * s.b[i] + gi / denom;
            x[i] -= eta * s.b[i];
          } else {
            x[i] -= eta * gi / denom;
          }
        }
      }
      case ADAM, ADAMW -> {
        if (s.a == null) {
          s.a = new double[n];
          s.b = new double[n];
        }
        if (amsgrad && s.c == null) {
          s.c = new double[n];
        }
        double bc1 = 1 - Math.pow(beta1, t);
        double bc2 = 1 - Math.pow(beta2, t);
        double sq2 = Math.sqrt(bc2);
        for (int i = 0; i < n; i++) {
          double gi = g[i];
          if (kind == Kind.ADAMW) {
            x[i] *= 1 - eta * weightDecay;
          } else {
            gi += weightDecay * x[i];
          }
          s.a[i] = beta1 * s.a[i] + (1 - beta1) * gi;
          s.b[i] = beta2 * s.b[i] + (1 - beta2) * gi * gi;
          double v = s.b[i];
          if (amsgrad) {
            s.c[i] = Math.max(s.c[i], s.b[i]);
            v = s.c[i];
          }
          x[i] -= eta / bc1 * s.a[i] / (Math.sqrt(v) / sq2 + eps);
        }
      }
      case LION -> {
        if (s.a == null) {
          s.a = new double[n];
        }
        for (int i = 0; i < n; i++) {
          double c = beta1 * s.a[i] + (1 - beta1) * g[i];
          x[i] -= eta * (Math.signum(c) + weightDecay * x[i]);
          s.a[i] = beta2 * s.a[i] + (1 - beta2) * g[i];
        }
      }
      case SIGN_SGD -> {
        for (int i = 0; i < n; i++) {
          x[i] -= eta * (Math.signum(g[i]) + weightDecay * x[i]);
        }
      }
    }
  }

  /** The functional step of scripts: {x, state} from x, g and the previous state record (null: fresh). */
  Map<String, Object> update(Tensor x, Tensor g, Map<?, ?> state) {
    String fn = "optim.update";
    if (x.isComplex() || g.isComplex() || !x.sameShape(g)) {
      throw KernelException.of("%s: x and g must be real tensors of one shape, got x %s and g %s", fn,
          Tensor.shapeString(x.shape()), Tensor.shapeString(g.shape()));
    }
    int n = x.size();
    State s = fromRecord(state, n);
    double[] xv = x.raw().clone();
    step(xv, g.raw(), s);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("x", Tensor.wrap(x.shape(), xv));
    r.put("state", toRecord(s, x.shape()));
    return r;
  }

  /** The state as a record {step, buffers...} (copies). */
  Map<String, Object> toRecord(State s, int[] shape) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("step", (double) s.step);
    String[] names = bufferNames();
    double[][] bufs = {s.a, s.b, s.c};
    for (int k = 0; k < 3; k++) {
      if (names[k] != null && bufs[k] != null) {
        m.put(names[k], Tensor.wrap(shape, bufs[k].clone()));
      }
    }
    return m;
  }

  State fromRecord(Map<?, ?> rec, int n) {
    State s = new State(n, this);
    if (rec == null) {
      return s;
    }
    Object step = rec.get("step");
    if (!(step instanceof Number num) || num.doubleValue() < 0 || num.doubleValue() != Math.rint(num.doubleValue())) {
      throw KernelException.of("optim.update: state must be the state record of a previous update (with an integer "
          + "field step), got %s", Values.describe(rec));
    }
    s.step = num.intValue();
    String[] names = bufferNames();
    double[][] bufs = new double[3][];
    for (int k = 0; k < 3; k++) {
      if (names[k] == null) {
        continue;
      }
      Object b = rec.get(names[k]);
      if (b == null) {
        bufs[k] = k == 0 && kind == Kind.ADAGRAD ? s.a : null;
        continue;
      }
      if (!(b instanceof Tensor t) || t.size() != n || t.isComplex()) {
        throw KernelException.of("optim.update: state.%s must be a tensor of %d values (x's size), got %s", names[k],
            n, Values.describe(b));
      }
      bufs[k] = t.raw().clone();
    }
    s.a = bufs[0];
    s.b = bufs[1];
    s.c = bufs[2];
    return s;
  }

  @Override
  public String typeName() {
    return "optimizer";
  }

  @Override
  public List<String> fieldNames() {
    return new ArrayList<>(fields.keySet());
  }

  @Override
  public Object field(String f) {
    return fields.get(f);
  }

  @Override
  public String summary() {
    StringBuilder b = new StringBuilder("<optimizer ").append(name);
    for (Map.Entry<String, Object> e : fields.entrySet()) {
      if (!e.getKey().equals("kind")) {
        Object v = e.getValue();
        b.append(", ").append(e.getKey()).append(' ')
            .append(v instanceof Schedule s ? s.summary() : Numbers.value(v));
      }
    }
    return b.append('>').toString();
  }
}
