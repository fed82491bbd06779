package dev.exp.eval;

import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Blocks, conditionals, loops and the jumps out of them. */
final class ControlNodes {
  private ControlNodes() {}

  /** Jumps are exceptions without stack traces. */
  static final class BreakSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final BreakSignal INSTANCE = new BreakSignal();

    private BreakSignal() {
      super(null, null, false, false);
    }
  }

  static final class ContinueSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final ContinueSignal INSTANCE = new ContinueSignal();

    private ContinueSignal() {
      super(null, null, false, false);
    }
  }

  static final class ReturnSignal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final Object value;

    ReturnSignal(Object value) {
      super(null, null, false, false);
      this.value = value;
    }
  }

  /** Statements in order; the value is the last statement's (none for non-expressions). */
  static final class Block extends Node {
    final Node[] statements;

    Block(Loc loc, Node[] statements) {
      super(loc);
      this.statements = statements;
    }

    @Override
    Object eval(Frame f) {
      Object last = null;
      for (Node s : statements) {
        last = s.eval(f);
      }
      return last;
    }
  }

  /** A statement whose value is discarded (declarations, assignments). */
  static final class Discard extends Node {
    final Node inner;

    Discard(Loc loc, Node inner) {
      super(loc);
      this.inner = inner;
    }

    @Override
    Object eval(Frame f) {
      inner.eval(f);
      return null;
    }
  }

  static final class If extends Node {
    final Node cond;
    final Node then;
    final Node otherwise;

    If(Loc loc, Node cond, Node then, Node otherwise) {
      super(loc);
      this.cond = cond;
      this.then = then;
      this.otherwise = otherwise;
    }

    @Override
    Object eval(Frame f) {
      if (Values.truth(cond.eval(f), cond.loc)) {
        return then.eval(f);
      }
      return otherwise == null ? null : otherwise.eval(f);
    }
  }

  static final class While extends Node {
    final Node cond;
    final Node body;

    While(Loc loc, Node cond, Node body) {
      super(loc);
      this.cond = cond;
      this.body = body;
    }

    @Override
    Object eval(Frame f) {
      Context ctx = f.ctx;
      while (Values.truth(cond.eval(f), cond.loc)) {
        ctx.tick(loc);
        try {
          body.eval(f);
        } catch (BreakSignal b) {
          break;
        } catch (ContinueSignal c) {
          // next iteration
        }
      }
      return null;
    }
  }

  /** {@code for x in source} (or {@code for (k, v) in record}); a variable writer per target name. */
  static final class For extends Node {
    final Node source;
    final Binder first;
    final Binder second;
    final Node body;

    For(Loc loc, Node source, Binder first, Binder second, Node body) {
      super(loc);
      this.source = source;
      this.first = first;
      this.second = second;
      this.body = body;
    }

    @Override
    Object eval(Frame f) {
      Object src = source.eval(f);
      Context ctx = f.ctx;
      if (src instanceof RangeValue r && second == null) {
        long n = r.length();
        for (long i = 0; i < n; i++) {
          ctx.tick(loc);
          first.bind(f, (double) r.get(i));
          if (!runBody(f)) {
            break;
          }
        }
        return null;
      }
      Iterator<?> it = iterate(src, second != null, source.loc);
      while (it.hasNext()) {
        ctx.tick(loc);
        Object item = it.next();
        if (second != null) {
          Object[] pair = pair(item, source.loc);
          first.bind(f, pair[0]);
          second.bind(f, pair[1]);
        } else {
          first.bind(f, item);
        }
        if (!runBody(f)) {
          break;
        }
      }
      return null;
    }

    private boolean runBody(Frame f) {
      try {
        body.eval(f);
      } catch (BreakSignal b) {
        return false;
      } catch (ContinueSignal c) {
        return true;
      }
      return true;
    }
  }

  /** Writes a loop or comprehension variable. */
  interface Binder {
    void bind(Frame f, Object value);
  }

  static Binder binder(LocalVar v) {
    return (f, value) -> {
      if (v.captured) {
        f.slots[v.slot] = new Cell(value);
      } else {
        f.slots[v.slot] = value;
      }
    };
  }

  /** Iterates lists, tensors (along the first axis), ranges, records (field names, or pairs), strings. */
  static Iterator<?> iterate(Object src, boolean pairs, Loc loc) {
    if (src instanceof Record r) {
      List<Object> items = new ArrayList<>();
      for (int i = 0; i < r.keys.length; i++) {
        items.add(pairs ? new Object[] {r.keys[i], r.values[i]} : r.keys[i]);
      }
      return items.iterator();
    }
    if (src instanceof Tensor t) {
      if (t.rank() == 0) {
        throw new ExpError("cannot iterate over a 0-dimensional tensor", loc);
      }
      int n = t.dim(0);
      return new Iterator<Object>() {
        int i;

        @Override
        public boolean hasNext() {
          return i < n;
        }

        @Override
        public Object next() {
          return Indexing.row(t, i++);
        }
      };
    }
    if (src instanceof String s) {
      List<Object> chars = new ArrayList<>();
      s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
      return chars.iterator();
    }
    if (src instanceof Iterable<?> it) {
      return it.iterator();
    }
    throw new ExpError("cannot iterate over " + Values.describe(src), loc);
  }

  static Object[] pair(Object item, Loc loc) {
    if (item instanceof Object[] p) {
      return p;
    }
    if (item instanceof List<?> l && l.size() == 2) {
      return new Object[] {l.get(0), l.get(1)};
    }
    if (item instanceof Tensor t && t.rank() == 1 && t.size() == 2) {
      return new Object[] {t.at(0), t.at(1)};
    }
    if (item instanceof Map.Entry<?, ?> e) {
      return new Object[] {e.getKey(), e.getValue()};
    }
    throw new ExpError("cannot unpack " + Values.describe(item) + " into two names", loc);
  }

  static final class Break extends Node {
    Break(Loc loc) {
      super(loc);
    }

    @Override
    Object eval(Frame f) {
      throw BreakSignal.INSTANCE;
    }
  }

  static final class Continue extends Node {
    Continue(Loc loc) {
      super(loc);
    }

    @Override
    Object eval(Frame f) {
      throw ContinueSignal.INSTANCE;
    }
  }

  static final class Return extends Node {
    final Node value;

    Return(Loc loc, Node value) {
      super(loc);
      this.value = value;
    }

    @Override
    Object eval(Frame f) {
      throw new ReturnSignal(value == null ? null : value.eval(f));
    }
  }

  /** {@code [elem for x in src if cond]}. */
  static final class Comprehension extends Node {
    final Node source;
    final Binder first;
    final Binder second;
    final Node element;
    final Node filter;

    Comprehension(Loc loc, Node source, Binder first, Binder second, Node element, Node filter) {
      super(loc);
      this.source = source;
      this.first = first;
      this.second = second;
      this.element = element;
      this.filter = filter;
    }

    @Override
    Object eval(Frame f) {
      Object src = source.eval(f);
      Iterator<?> it = iterate(src, second != null, source.loc);
      List<Object> out = new ArrayList<>();
      while (it.hasNext()) {
        f.ctx.tick(loc);
        Object item = it.next();
        if (second != null) {
          Object[] p = pair(item, source.loc);
          first.bind(f, p[0]);
          second.bind(f, p[1]);
        } else {
          first.bind(f, item);
        }
        if (filter == null || Values.truth(filter.eval(f), filter.loc)) {
          out.add(element.eval(f));
        }
      }
      return CollectionNodes.listOrTensor(out, false);
    }
  }
}
