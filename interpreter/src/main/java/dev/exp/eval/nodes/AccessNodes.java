package dev.exp.eval.nodes;

import dev.exp.eval.runtime.CallPlan;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Chars;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.HostCalls;
import dev.exp.eval.runtime.HostMembers;
import dev.exp.eval.runtime.Indexing;
import dev.exp.eval.runtime.Limit;
import dev.exp.eval.runtime.Namespace;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.ScriptList;
import dev.exp.eval.runtime.Signature;
import dev.exp.kernel.Suggest;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.List;

/** Calls, indexing and member access (reads; the assignments are {@link AssignNodes}). */
public final class AccessNodes {
  private AccessNodes() {}

  /**
   * A call. The callee's arguments are bound by a {@link CallPlan} computed once for this site (kept
   * while the callee's signature is the same), so names are never matched per call. A closure's
   * arguments are evaluated straight into its new frame; other callees get one argument array, which
   * is passed on as the bound array when the call is positional and complete.
   */
  static final class Call extends Node {
    final Node callee;
    final Node[] args;
    final String[] names;
    /** The plan of the last signature seen here (one immutable object: safe under parallel trials). */
    private CallPlan cached;
    /** Whether every argument evaluated here so far was a number (then passed unboxed); a benign race. */
    private boolean typedArgs = true;

    Call(Loc loc, Node callee, Node[] args, String[] names) {
      super(loc);
      this.callee = callee;
      this.args = args;
      this.names = names;
    }

    private CallPlan plan(Signature sig) {
      CallPlan p = cached;
      if (p == null || p.sig != sig) {
        p = sig.plan(args.length, names, loc);
        cached = p;
      }
      return p;
    }

    /** The callee's value; a global callee (a top-level fn) is read without a virtual call. */
    private Object callee(Frame f) {
      Node n = callee;
      return n instanceof VariableNodes.GlobalGet g ? g.read() : n.eval(f);
    }

    @Override
    public Object eval(Frame f) {
      Object fn = callee(f);
      if (fn instanceof Closure c) {
        CallPlan p = plan(c.code.sig);
        int size = c.code.frameSize;
        Frame nf = f.callee(size, c.captures);
        try {
          argumentsInto(c, p, f, nf);
          return c.run(nf, p.unbound, loc);
        } catch (ExpError e) {
          e.locateIfUnknown(loc);
          throw e;
        } catch (StackOverflowError e) {
          throw depth(loc);
        } finally {
          f.giveBack(nf, size);
        }
      }
      return finish(f, fn);
    }

    /** The call of a callee that is not a closure: builtins, kernels, host values. */
    private Object finish(Frame f, Object fn) {
      Context ctx = f.ctx;
      Object[] values = new Object[args.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = args[i].eval(f);
      }
      if (!(fn instanceof Callable c)) {
        return HostCalls.call(ctx, fn, values, names, loc);
      }
      ctx.tick(loc);
      try {
        Signature sig = c.sig();
        if (sig == null) {
          return c.call(ctx, values, names, loc);
        }
        return c.invoke(ctx, plan(sig).bind(values), loc);
      } catch (ExpError e) {
        e.locateIfUnknown(loc);
        throw e;
      } catch (StackOverflowError e) {
        throw depth(loc);
      }
    }

    /**
     * The call evaluated typed: a closure's body runs typed too, so numeric recursion ({@code fib})
     * passes results without boxing. Other callees and non-numeric results go through {@link #eval}
     * or come back as {@link UnexpectedType}.
     */
    @Override
    double evalDouble(Frame f) throws UnexpectedType {
      Object fn = callee(f);
      if (!(fn instanceof Closure c)) {
        return Arithmetic.number(finish(f, fn));
      }
      CallPlan p = plan(c.code.sig);
      int size = c.code.frameSize;
      Frame nf = f.callee(size, c.captures);
      try {
        argumentsInto(c, p, f, nf);
        return c.runDouble(nf, p.unbound, loc);
      } catch (ExpError e) {
        e.locateIfUnknown(loc);
        throw e;
      } catch (StackOverflowError e) {
        throw depth(loc);
      } finally {
        f.giveBack(nf, size);
      }
    }

    /**
     * Evaluates this call's arguments (in f) into the slots of closure c's frame nf and counts the
     * step. Numbers go in unboxed while the site has seen only numbers, unless a parameter is
     * captured (its slot then holds a cell).
     */
    private void argumentsInto(Closure c, CallPlan p, Frame f, Frame nf) {
      Object[] slots = nf.slots;
      int[] t = p.target;
      Node[] a = args;
      if (typedArgs && !c.code.capturedParams) {
        for (int i = 0; i < a.length; i++) {
          try {
            nf.setNum(t[i], a[i].evalDouble(f));
          } catch (UnexpectedType e) {
            typedArgs = false;   // this site passes other values: boxed from now on
            slots[t[i]] = e.value;
          }
        }
      } else {
        for (int i = 0; i < a.length; i++) {
          slots[t[i]] = a[i].eval(f);
        }
      }
      f.ctx.tick(loc);
    }

    /** Calls a function value with positional/named arguments from Java code (builtins, experiments). */
    static Object invoke(Context ctx, Object fn, Object[] values, String[] names, Loc loc) {
      if (!(fn instanceof Callable c)) {
        return HostCalls.call(ctx, fn, values, names, loc);
      }
      ctx.tick(loc);
      try {
        return c.call(ctx, values, names, loc);
      } catch (ExpError e) {
        e.locateIfUnknown(loc);
        throw e;
      } catch (StackOverflowError e) {
        throw depth(loc);
      }
    }

    static ExpError depth(Loc loc) {
      return new Context.LimitError(Limit.CALL_DEPTH,
          "call depth limit exceeded: the Java stack overflowed (unbounded recursion?)", loc);
    }
  }

  /**
   * The call node for a call site: a call to a callee known when compiling (a builtin or kernel
   * folded to a constant) gets a node with the callee and its plan fixed, so the call is a direct one
   * (no callee evaluation, no signature check, one call target per site for the JIT).
   */
  public static Node call(Loc loc, Node callee, Node[] args, String[] names) {
    if (callee instanceof VariableNodes.Const k && k.value instanceof Callable c && c.sig() != null
        && c.sig().check(args.length, names) == null) {
      return new ConstCall(loc, c, c.sig().plan(args.length, names, loc), args);
    }
    return new Call(loc, callee, args, names);
  }

  /** A call to a constant callee with a fixed plan (see {@link #call}). */
  static final class ConstCall extends Node {
    final Callable fn;
    final CallPlan plan;
    final Node[] args;
    /** The callee keeps no argument: variables passed keep their exclusive hold on their values. */
    final boolean peek;

    ConstCall(Loc loc, Callable fn, CallPlan plan, Node[] args) {
      super(loc);
      this.fn = fn;
      this.plan = plan;
      this.args = args;
      this.peek = !fn.keepsArguments();
    }

    @Override
    public Object eval(Frame f) {
      Node[] a = args;
      Object[] values = new Object[a.length];
      Context ctx = f.ctx;
      try {
        // inside the try: an error without a location from an argument (a limit hit inside an
        // operator's kernel) is reported at this call
        for (int i = 0; i < a.length; i++) {
          values[i] = peek ? Ownership.peek(a[i], f) : a[i].eval(f);
        }
        ctx.tick(loc);
        return fn.invoke(ctx, plan.bind(values), loc);
      } catch (ExpError e) {
        e.locateIfUnknown(loc);
        throw e;
      } catch (StackOverflowError e) {
        throw Call.depth(loc);
      }
    }
  }

  public static final class Index extends Node {
    final Node target;
    final Node[][] items;
    final boolean[] slices;
    final Loc[] itemLocs;

    public Index(Loc loc, Node target, Node[][] items, boolean[] slices, Loc[] itemLocs) {
      super(loc);
      this.target = target;
      this.items = items;
      this.slices = slices;
      this.itemLocs = itemLocs;
    }

    /** Whether {@code ix} is one index item that is not a slice ({@code [i]}, not {@code [a:b]} or {@code [i, j]}). */
    static boolean isPoint(Index ix) {
      return ix != null && ix.items.length == 1 && !ix.slices[0];
    }

    /** {@code t[i, j]} made of the point reads {@code t[i]} and {@code [j]} (see {@link #isPoint}). */
    static Index element(Loc loc, Node target, Index first, Index second) {
      return new Index(loc, target, new Node[][] {first.items[0], second.items[0]}, new boolean[2],
          new Loc[] {first.itemLocs[0], second.itemLocs[0]});
    }

    /**
     * For the numeric tier: {@code t[i][j]} read below a variable as {@code t[i, j]} (the same element
     * when {@code t} is a rank-2 tensor, which the tier checks before it runs); otherwise this read.
     */
    Index asElement() {
      if (isPoint(this) && target instanceof Index inner && isPoint(inner)
          && (inner.target instanceof VariableNodes.LocalGet || inner.target instanceof VariableNodes.GlobalGet)) {
        Index e = elementForm;
        if (e == null) {
          e = element(loc, inner.target, inner, this);
          elementForm = e;
        }
        return e;
      }
      return this;
    }

    private Index elementForm;   // asElement, made once

    Indexing.Item[] evalItems(Frame f) {
      Indexing.Item[] out = new Indexing.Item[items.length];
      for (int i = 0; i < out.length; i++) {
        Node[] it = items[i];
        if (slices[i]) {
          out[i] = new Indexing.Item(true, null, ev(it[0], f), ev(it[1], f), ev(it[2], f), itemLocs[i]);
        } else {
          out[i] = new Indexing.Item(false, it[0].eval(f), null, null, null, itemLocs[i]);
        }
      }
      return out;
    }

    private static Object ev(Node n, Frame f) {
      return n == null ? null : n.eval(f);
    }

    @Override
    public Object eval(Frame f) {
      Object t = Ownership.peek(target, f);
      return Ownership.escape(target, t, select(t, f), f);
    }

    /** The indexed value without marking it as escaped: for the inner steps of a longer read. */
    Object read(Frame f) {
      return select(Ownership.peek(target, f), f);
    }

    /**
     * The position an index {@code d} picks among {@code n} (negative counts from the end), or -1
     * when it is fractional or out of range (then the general indexing gives the error).
     */
    static int position(double d, int n) {
      double i = d < 0 ? d + n : d;
      return i >= 0 && i < n && i == Math.rint(i) ? (int) i : -1;
    }

    /** {@code t[p]} for one index that is not a slice, through the general indexing. */
    private Object point(Object t, Object p) {
      return Indexing.get(t, new Indexing.Item[] {new Indexing.Item(false, p, null, null, null, itemLocs[0])}, loc);
    }

    /** Set once this read's one index was not a number: it is then evaluated boxed. */
    private boolean boxedIndex;

    private Object select(Object t, Frame f) {
      if (items.length == 1 && !slices[0]) {
        if (boxedIndex) {
          return point(t, items[0][0].eval(f));
        }
        double d;
        try {
          d = items[0][0].evalDouble(f);   // the index unboxed: x[i] in a loop allocates nothing
        } catch (UnexpectedType e) {
          boxedIndex = true;   // a key, a mask, an index tensor
          return point(t, e.value);
        }
        int i;
        if (t instanceof Tensor tensor && tensor.rank() > 0) {
          if ((i = position(d, tensor.dim(0))) >= 0) {
            return Indexing.row(tensor, i);
          }
        } else if (t instanceof ScriptList l) {   // a list the interpreter made: no interface dispatch
          if ((i = position(d, l.size())) >= 0) {
            return l.itemAt(i);
          }
        } else if (t instanceof List<?> l) {
          if ((i = position(d, l.size())) >= 0) {
            return l.get(i);
          }
        } else if (t instanceof String str) {
          int n = str.length();
          if ((i = position(d, n)) >= 0 && str.codePointCount(0, n) == n) {   // no surrogate pairs
            return Chars.of(str.charAt(i));
          }
        }
        return point(t, d);
      }
      return Indexing.get(t, evalItems(f), loc);
    }
  }

  public static final class Member extends Node {
    private static final List<String> TENSOR_PROPERTIES = List.of("shape", "size", "ndim", "T", "dtype", "re", "im");

    final Node target;
    final String name;
    /** Added to a missing-member error: how to call the function of that name ({@code s.upper()}). */
    private final String hint;

    public Member(Loc loc, Node target, String name) {
      this(loc, target, name, "");
    }

    /** @param hint appended to the error when the value has no such member (empty: none) */
    public Member(Loc loc, Node target, String name, String hint) {
      super(loc);
      this.target = target;
      this.name = name;
      this.hint = hint;
    }

    /** This member read with {@code hint} added to its missing-member error. */
    public Member withHint(String hint) {
      return new Member(loc, target, name, hint);
    }

    /** The field names and this member's position among them in the last record read here. */
    private record Slot(Object shape, int index) {}

    private Slot slot;

    @Override
    public Object eval(Frame f) {
      Object t = Ownership.peek(target, f);
      return Ownership.escape(target, t, select(t), f);
    }

    /** The field's value without marking it as escaped: for the inner steps of a longer read. */
    Object read(Frame f) {
      return select(Ownership.peek(target, f));
    }

    private Object select(Object t) {
      if (t instanceof Record r) {
        Slot s = slot;
        if (s != null && s.shape == r.shape() && s.index < r.size()) {
          return r.value(s.index);
        }
        int i = r.indexOf(name);
        if (i >= 0) {
          slot = new Slot(r.shape(), i);
          return r.value(i);
        }
      }
      return member(t, name, loc, hint);
    }

    static Object member(Object t, String name, Loc loc) {
      return member(t, name, loc, "");
    }

    static Object member(Object t, String name, Loc loc, String hint) {
      if (t instanceof Record r) {
        int i = r.indexOf(name);
        if (i < 0) {
          throw new ExpError("record has no field '" + name + "'" + Suggest.didYouMean(name, List.of(r.fieldNames()))
              + " (fields: " + String.join(", ", r.fieldNames()) + ")" + hint, loc);
        }
        return r.value(i);
      }
      if (t instanceof Namespace ns) {
        if (!ns.has(name)) {
          throw new ExpError("'" + ns.name() + "' has no member '" + name + "'"
              + Suggest.didYouMean(name, ns.memberNames()), loc);
        }
        return ns.member(name);
      }
      if (t instanceof Tensor x) {
        switch (name) {
          case "shape": {
            int[] s = x.shape();
            double[] d = new double[s.length];
            for (int i = 0; i < s.length; i++) {
              d[i] = s[i];
            }
            return Tensor.wrap(new int[] {d.length}, d);
          }
          case "size":
            return (double) x.size();
          case "ndim":
            return (double) x.rank();
          case "T":
            return dev.exp.tensor.Views.transpose(x);
          case "re":
            return Values.unwrapScalar(x.isComplex() ? dev.exp.tensor.ComplexKernels.partView(x, true) : x);
          case "im":
            return Values.unwrapScalar(x.isComplex() ? dev.exp.tensor.ComplexKernels.partView(x, false)
                : Tensor.zeros(x.shape()));
          case "dtype":
            return x.dtype().label();
          default:
            throw new ExpError("a tensor has no property '" + name + "'"
                + Suggest.didYouMean(name, TENSOR_PROPERTIES) + " (properties: " + String.join(", ", TENSOR_PROPERTIES)
                + ")" + hint, loc);
        }
      }
      if (t instanceof dev.exp.tensor.Complex z) {
        switch (name) {
          case "re":
            return z.re();
          case "im":
            return z.im();
          default:
            throw new ExpError("a complex number has no property '" + name + "'"
                + Suggest.didYouMean(name, List.of("re", "im")) + " (properties: re, im)" + hint, loc);
        }
      }
      if (t instanceof Double d && (name.equals("re") || name.equals("im"))) {
        return name.equals("re") ? d : 0.0;
      }
      if (t instanceof List<?> l && name.equals("length")) {
        return (double) l.size();
      }
      Object host = t == null ? null : HostMembers.member(t, name);
      if (host != null) {
        return host;
      }
      java.util.List<String> fields = HostMembers.names(t);
      throw new ExpError(Values.describe(t) + " has no field '" + name + "'"
          + (fields.isEmpty() ? "" : Suggest.didYouMean(name, fields) + " (fields: " + String.join(", ", fields) + ")")
          + hint, loc);
    }
  }

  /** Stores a value into a variable (local, captured or global). */
  public interface Writer {
    void write(Frame f, Object value);
  }
}
