package dev.exp.eval.builtins;

import dev.exp.eval.nodes.CollectionNodes;
import dev.exp.eval.nodes.ControlNodes;
import dev.exp.eval.nodes.ItemBuffer;
import dev.exp.eval.runtime.Builtin;
import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.LazyTable;
import dev.exp.eval.runtime.Namespace;
import dev.exp.eval.runtime.HelpText;
import dev.exp.eval.runtime.Printer;
import dev.exp.eval.runtime.RangeValue;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.ScriptList;
import dev.exp.eval.runtime.Signature;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import dev.exp.text.FormatSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The language's own builtins: printing, collections, higher-order functions, assertions, help. */
public final class Builtins {
  private Builtins() {}

  /**
   * Adds the language's own builtins to a table that already holds the bound kernels (a few, such as
   * {@code sort}, dispatch lists to the language and everything else to the kernel of that name).
   */
  public static void install(Map<String, Object> g) {
    g.put("pi", Math.PI);
    g.put("inf", Double.POSITIVE_INFINITY);
    g.put("nan", Double.NaN);
    Object kernelSort = g instanceof LazyTable lazy ? lazy.raw("sort") : g.get("sort");
    Object kernelJoin = g instanceof LazyTable lazy2 ? lazy2.raw("join") : g.get("join");
    add(g, "print", new String[] {"*values"}, 0, "Prints the values separated by spaces, then a newline.",
        (ctx, a, loc) -> {
          List<?> vs = (List<?>) a[0];
          StringBuilder sb = new StringBuilder();
          for (int i = 0; i < vs.size(); i++) {
            sb.append(i > 0 ? " " : "").append(Printer.str(vs.get(i)));
          }
          ctx.print(sb.toString());
          return null;
        });
    g.put("len", new Builtin("len", new String[] {"x"}, 1,
        "Length: items of a list, first dimension of a tensor, characters of a string, fields of a record.",
        (ctx, a, loc) -> (double) length(a[0], loc)).asIntrinsic("len"));
    add(g, "clock", new String[] {}, 0,
        "Seconds on a monotonic clock (for measuring elapsed time: clock() - t0); its origin is arbitrary.",
        (ctx, a, loc) -> System.nanoTime() / 1e9);
    add(g, "timeit", new String[] {"f", "n", "warmup"}, 1,
        "Times a function of no arguments: runs it warmup times (default 1) unmeasured, then n times "
            + "(default 5). Returns {median, min, mean, times} in seconds, plus the last result as value. "
            + "Example: timeit(() => a @ b, n: 10).median",
        (ctx, a, loc) -> Timing.timeit(ctx, callable(a[0], "timeit", loc),
            a[1] == null ? 5 : (int) Values.integer(a[1], "n", loc),
            a[2] == null ? 1 : (int) Values.integer(a[2], "warmup", loc), loc));
    add(g, "range", new String[] {"start", "stop", "step"}, 1,
        "Integers from start (default 0) up to but excluding stop, by step: range(5), range(2, 10, 2).",
        (ctx, a, loc) -> {
          long start = a[1] == null ? 0 : Values.integer(a[0], "start", loc);
          long stop = Values.integer(a[1] == null ? a[0] : a[1], "stop", loc);
          long step = a[2] == null ? 1 : Values.integer(a[2], "step", loc);
          if (step == 0) {
            throw new ExpError("range step cannot be 0", loc);
          }
          return new RangeValue(start, stop, step);
        });
    add(g, "map", new String[] {"xs", "f"}, 2,
        "Applies f to every item: xs |> map(x => x * x). Numbers in, numbers out gives a tensor.",
        (ctx, a, loc) -> {
          Callable f = callable(a[1], "map", loc);
          reserveItems(ctx, a[0], "map", loc);
          ItemBuffer out = new ItemBuffer();
          for (Iterator<?> it = ControlNodes.iterate(a[0], false, loc); it.hasNext(); ) {
            ctx.tick(loc);
            out.add(f.call1(ctx, it.next(), loc));
          }
          return out.result();
        });
    add(g, "filter", new String[] {"xs", "f"}, 2, "The items for which f returns true: xs |> filter(x => x > 0).",
        (ctx, a, loc) -> {
          Callable f = callable(a[1], "filter", loc);
          ItemBuffer out = new ItemBuffer();
          int i = 0;
          for (Iterator<?> it = ControlNodes.iterate(a[0], false, loc); it.hasNext(); i++) {
            ctx.tick(loc);
            Object x = it.next();
            Object keep = f.call1(ctx, x, loc);
            if (!(keep instanceof Boolean) && !(keep instanceof Tensor t && t.size() == 1)) {
              throw new ExpError("filter: the function must return a bool (true keeps the item), got "
                  + Values.describe(keep) + " for item " + i + " (" + Printer.repr(x) + ")", loc);
            }
            if (Values.truth(keep, loc)) {
              out.add(x);
            }
          }
          return out.resultSelecting(a[0]);
        });
    add(g, "reduce", new String[] {"xs", "f", "init"}, 2,
        "Folds the items with f(acc, x), starting from init (or the first item): xs |> reduce((a, b) => a + b).",
        (ctx, a, loc) -> {
          Callable f = callable(a[1], "reduce", loc);
          Iterator<?> it = ControlNodes.iterate(a[0], false, loc);
          Object acc = a[2];
          if (acc == null) {
            if (!it.hasNext()) {
              throw new ExpError("reduce of an empty sequence with no init", loc);
            }
            acc = it.next();
          }
          while (it.hasNext()) {
            acc = f.call2(ctx, acc, it.next(), loc);
          }
          return acc;
        });
    add(g, "zip", new String[] {"*lists"}, 0, "Pairs items up: zip([1, 2], [\"a\", \"b\"]) is [[1, \"a\"], [2, \"b\"]].",
        (ctx, a, loc) -> {
          List<?> lists = (List<?>) a[0];
          List<Iterator<?>> its = new ArrayList<>();
          for (Object l : lists) {
            its.add(ControlNodes.iterate(l, false, loc));
          }
          List<Object> out = new ArrayList<>();
          while (!its.isEmpty() && its.stream().allMatch(Iterator::hasNext)) {
            List<Object> tuple = new ArrayList<>();
            for (Iterator<?> it : its) {
              tuple.add(it.next());
            }
            out.add(Values.list(tuple));
          }
          return Values.list(out);
        });
    add(g, "enumerate", new String[] {"xs"}, 1, "Pairs each item with its index: for (i, x) in enumerate(xs) { }.",
        (ctx, a, loc) -> {
          List<Object> out = new ArrayList<>();
          int i = 0;
          for (Iterator<?> it = ControlNodes.iterate(a[0], false, loc); it.hasNext(); ) {
            out.add(Values.list(new ArrayList<>(List.of((double) i++, it.next()))));
          }
          return Values.list(out);
        });
    add(g, "keys", new String[] {"r"}, 1, "The field names of a record, as a list of strings.",
        (ctx, a, loc) -> Values.list(new ArrayList<>(List.of(record(a[0], "keys", loc).fieldNames()))));
    add(g, "values", new String[] {"r"}, 1, "The field values of a record, as a list.",
        (ctx, a, loc) -> Values.list(new ArrayList<>(List.of(record(a[0], "values", loc).fieldValues()))));
    add(g, "type", new String[] {"x"}, 1,
        "The kind of a value: number, bool, string, none, tensor, list, record, function, range, table, ...",
        (ctx, a, loc) -> Values.typeName(a[0]));
    add(g, "str", new String[] {"x"}, 1, "The text print would show for x.", (ctx, a, loc) -> Printer.str(a[0]));
    add(g, "num", new String[] {"x"}, 1, "A number from a string (\"2.5\"), a bool, or a one-element tensor.",
        (ctx, a, loc) -> {
          if (a[0] instanceof String s) {
            try {
              return Double.parseDouble(s.trim().replace("inf", "Infinity").replace("nan", "NaN"));
            } catch (NumberFormatException e) {
              throw new ExpError("num: cannot read a number from \"" + s + "\"", loc);
            }
          }
          if (a[0] instanceof Boolean b) {
            return b ? 1.0 : 0.0;
          }
          return Values.number(a[0], "num's argument", loc);
        });
    add(g, "format", new String[] {"x", "spec"}, 2, "Formats a value with a format spec: format(pi, \".3f\") is \"3.142\".",
        (ctx, a, loc) -> {
          if (!(a[1] instanceof String spec)) {
            throw new ExpError("format: spec must be a string", loc);
          }
          String problem = FormatSpec.check(spec);
          if (problem != null) {
            throw new ExpError("format: bad spec '" + spec + "': " + problem, loc);
          }
          return CollectionNodes.Interp.format(a[0], FormatSpec.parse(spec), loc);
        });
    add(g, "list", new String[] {"xs"}, 1, "A list of the items of a tensor (first axis), range, string or list.",
        (ctx, a, loc) -> {
          reserveItems(ctx, a[0], "list", loc);
          List<Object> out = new ArrayList<>();
          for (Iterator<?> it = ControlNodes.iterate(a[0], false, loc); it.hasNext(); ) {
            ctx.poll(loc);
            out.add(it.next());
          }
          return Values.list(out);
        });
    add(g, "tensor", new String[] {"x"}, 1, "A tensor from a range or a (nested) list of numbers; a number stays a "
        + "number (a 0-d tensor is a number). Example: tensor(0..3) is [0, 1, 2]",
        (ctx, a, loc) -> {
          Tensor t = Values.asTensorOperand(a[0]);
          if (t == null) {
            String why = Values.whyNotTensor(a[0]);
            throw new ExpError("tensor: cannot make a tensor from " + Values.describe(a[0])
                + (why == null ? "" : ": " + why), loc);
          }
          return Values.unwrapScalar(t);
        });
    add(g, "error", new String[] {"message"}, 1, "Stops with a runtime error carrying the message.",
        (ctx, a, loc) -> {
          throw new ExpError(Printer.str(a[0]), loc);
        });
    Builtin listSort = new Builtin("sort", new String[] {"xs", "key", "descending"}, 1,
        "Sorts a list (by key(x) when given; descending: true reverses). Tensors and tables have their own sort.",
        (ctx, a, loc) -> {
          if (!(a[0] instanceof List<?> l)) {
            throw new ExpError("sort: expected a list, tensor or table, got " + Values.describe(a[0]), loc);
          }
          Callable key = a[1] == null ? null : callable(a[1], "sort", loc);
          List<Object[]> keyed = new ArrayList<>();
          for (Object x : l) {
            keyed.add(new Object[] {key == null ? x : key.call(ctx, new Object[] {x}, null, loc), x});
          }
          Comparator<Object[]> cmp = (p, q) -> compare(p[0], q[0], loc);
          if (Boolean.TRUE.equals(a[2])) {
            cmp = cmp.reversed();
          }
          keyed.sort(cmp);
          List<Object> out = new ArrayList<>();
          for (Object[] k : keyed) {
            out.add(k[1]);
          }
          return Values.list(out);
        });
    g.put("sort", kernelSort != null ? new ListOrKernel(listSort, kernelSort) : listSort);
    Builtin listJoin = new Builtin("join", new String[] {"xs", "sep"}, 1,
        "Joins a list of strings, with sep (default \"\") between them; other items as str shows them. Tables "
        + "have their own join. Example: join([\"a\", \"b\", 3], \", \") is \"a, b, 3\"",
        (ctx, a, loc) -> {
          if (!(a[0] instanceof List<?> l)) {
            throw new ExpError("join: expected a list of strings or two tables, got " + Values.describe(a[0]), loc);
          }
          if (a[1] != null && !(a[1] instanceof String)) {
            throw new ExpError("join: sep must be a string, got " + Values.describe(a[1]), loc);
          }
          String sep = a[1] == null ? "" : (String) a[1];
          StringBuilder sb = new StringBuilder();
          long check = 1 << 16;   // a long text is held to the memory budget and polled every 64k characters
          for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
              sb.append(sep);
            }
            Object x = l.get(i);
            sb.append(x instanceof String t ? t : Printer.str(x));
            if (sb.length() > check) {
              Context.reserveHere(2L * sb.length(), "a string", sb.length(), "characters", loc);
              ctx.poll(loc);
              check = sb.length() + (1 << 16);
            }
          }
          return sb.toString();
        });
    g.put("join", kernelJoin != null ? new ListOrKernel(listJoin, kernelJoin) : listJoin);
    add(g, "help", new String[] {"x"}, 0, "Prints the signature and documentation of a function or namespace.",
        (ctx, a, loc) -> {
          Object target = a[0];
          if (target instanceof String s) {
            Object found = ctx.environment.lookup(s);
            if (found == null) {
              throw new ExpError("help: no function or namespace named '" + s + "'", loc);
            }
            target = found;
          }
          if (target == null) {
            ctx.print("Namespaces: " + String.join(", ", namespaces(ctx)) + ". Try help(\"linalg\") or help(print).");
            return null;
          }
          ctx.print(HelpText.of(target));
          return null;
        });
    Assertions.install(g);
    StringBuiltins.install(g);
    HostBuiltins.install(g);
    for (String name : NEVER_CALL_BACK) {
      if ((g instanceof LazyTable lazy ? lazy.raw(name) : g.get(name)) instanceof Builtin b) {
        b.neverCallsBack();
      }
    }
    for (String name : KEEP_NO_ARGUMENT) {
      if ((g instanceof LazyTable lazy ? lazy.raw(name) : g.get(name)) instanceof Builtin b) {
        b.keepsNoArgument();
      }
    }
  }

  /**
   * The builtins whose result never holds or shares an argument (see {@link Callable#keepsArguments}):
   * numbers, bools, strings and fresh lists of strings.
   */
  private static final String[] KEEP_NO_ARGUMENT = {
    "print", "len", "keys", "type", "str", "format", "contains", "starts_with", "ends_with", "split",
    "replace", "strip", "lower", "upper", "num",
  };

  /** The builtins that take no function and run no script code (see {@link Callable#mayCallBack}). */
  private static final String[] NEVER_CALL_BACK = {
    "print", "len", "clock", "range", "zip", "enumerate", "keys", "values", "type", "str", "num", "format",
    "list", "tensor", "error", "split", "replace", "strip", "lower", "upper", "starts_with", "ends_with",
    "contains",
  };

  /** Lists go to the language's list version; everything else to the kernel of the same name. */
  private record ListOrKernel(Builtin forLists, Object kernelValue) implements Callable {
    /** The kernel (bound on first use). */
    private Callable kernel() {
      return (Callable) (kernelValue instanceof LazyTable.Lazy l ? l.resolve() : kernelValue);
    }

    @Override
    public Object call(Context ctx, Object[] args, String[] names, Loc loc) {
      boolean list = args.length > 0 && (names == null || names[0] == null) && args[0] instanceof List<?>;
      if (!list && args.length > 0 && args[0] instanceof Tensor t && t.rank() == 1 && !t.isComplex()
          && namesOnlyTheListVersionHas(names)) {
        // sort([3, 1, 2], key: f): a vector's items sorted as a list's (the literal is a tensor)
        Object[] items = args.clone();
        List<Object> xs = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
          xs.add(t.at(i));
        }
        items[0] = Values.list(xs);
        return forLists.call(ctx, items, names, loc);
      }
      return list ? forLists.call(ctx, args, names, loc) : kernel().call(ctx, args, names, loc);
    }

    /** Whether the call names a parameter of the list version that no version of the kernel has ({@code key}). */
    private boolean namesOnlyTheListVersionHas(String[] names) {
      if (names == null) {
        return false;
      }
      for (String n : names) {
        if (n != null && forLists.sig().indexOf(n) >= 0
            && kernel().signatures().stream().noneMatch(sg -> sg.indexOf(n) >= 0)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public Signature sig() {
      return null;
    }

    @Override
    public List<Signature> signatures() {
      List<Signature> all = new ArrayList<>(forLists.signatures());
      all.addAll(kernel().signatures());
      return all;
    }

    @Override
    public Object invoke(Context ctx, Object[] bound, Loc loc) {
      throw new IllegalStateException("sort is called through call()");
    }

    @Override
    public String name() {
      return kernel().name();
    }

    @Override
    public String signature() {
      return forLists.signature() + " | " + kernel().signature();
    }

    @Override
    public String doc() {
      return forLists.signature() + ": " + forLists.doc() + "\n\n" + kernel().doc();
    }
  }

  static void add(Map<String, Object> g, String name, String[] params, int required, String doc, Builtin.Body body) {
    g.put(name, new Builtin(name, params, required, doc, body));
  }

  private static List<String> namespaces(Context ctx) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, Object> e : ctx.environment.builtins().entrySet()) {
      if (e.getValue() instanceof Namespace) {
        out.add(e.getKey());
      }
    }
    return out;
  }

  static int compare(Object a, Object b, Loc loc) {
    if (a instanceof Double x && b instanceof Double y) {
      return Double.compare(x, y);
    }
    if (a instanceof String x && b instanceof String y) {
      return dev.exp.kernel.TextOrder.compare(x, y);
    }
    throw new ExpError("cannot order " + Values.describe(a) + " and " + Values.describe(b), loc);
  }

  /** Checks the list {@code who} would build from the items of {@code xs} against the memory budget. */
  public static void reserveItems(Context ctx, Object xs, String who, Loc loc) {
    long n = xs instanceof RangeValue r ? r.length() : xs instanceof List<?> l ? l.size()
        : xs instanceof Tensor t && t.rank() > 0 ? t.dim(0) : 0;
    ctx.reserve(Context.LIST_ITEM_BYTES * n, who + ": a list of " + n + " items", loc);
    if (n > Integer.MAX_VALUE - 8) {
      throw new ExpError(who + ": " + n + " items are too many for a list (at most " + (Integer.MAX_VALUE - 8) + ")", loc);
    }
  }

  static Callable callable(Object f, String who, Loc loc) {
    if (f instanceof Callable c) {
      return c;
    }
    throw new ExpError(who + ": expected a function, got " + Values.describe(f), loc);
  }

  static Record record(Object r, String who, Loc loc) {
    if (r instanceof Record rec) {
      return rec;
    }
    throw new ExpError(who + ": expected a record, got " + Values.describe(r), loc);
  }

  static long length(Object x, Loc loc) {
    if (x instanceof ScriptList l) {   // the lists scripts make, without interface dispatch
      return l.size();
    }
    if (x instanceof List<?> l) {
      return l.size();
    }
    if (x instanceof Tensor t) {
      if (t.rank() == 0) {
        throw new ExpError("len of a 0-dimensional tensor", loc);
      }
      return t.dim(0);
    }
    if (x instanceof String s) {
      return s.codePointCount(0, s.length());
    }
    if (x instanceof Record r) {
      return r.size();
    }
    if (x instanceof RangeValue r) {
      return r.length();
    }
    if (x instanceof java.util.Collection<?> c) {
      return c.size();
    }
    throw new ExpError("len: " + Values.describe(x) + " has no length", loc);
  }
}
