package dev.exp.polyglot;

import dev.exp.eval.runtime.Callable;
import dev.exp.eval.runtime.Context;
import dev.exp.eval.runtime.ExpError;
import dev.exp.eval.runtime.Record;
import dev.exp.eval.runtime.ValueCodec;
import dev.exp.eval.runtime.Values;
import dev.exp.syntax.Loc;
import dev.exp.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * One session's JavaScript context (GraalJS through the polyglot API) and the conversions between
 * Exp and JavaScript values. The context is sandboxed: no host access (Java classes, objects), no IO,
 * no threads, no native code, no processes, no environment, no other languages. One thread at a time
 * uses it (calls are synchronized; parallel trials of one session take turns).
 */
final class JsRuntime implements AutoCloseable {
  /** Thrown when no JavaScript engine is installed. */
  static final class Unavailable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Unavailable(String message) {
      super(message);
    }
  }

  private static final int MAX_DEPTH = 64;
  private static volatile org.graalvm.polyglot.Engine shared;

  private final org.graalvm.polyglot.Context js;
  private final LineOutput out = new LineOutput();
  private final Value newArray;
  private final Value newObject;

  JsRuntime() {
    org.graalvm.polyglot.Engine engine = sharedEngine();
    this.js = org.graalvm.polyglot.Context.newBuilder("js")
        .engine(engine)
        .allowHostAccess(HostAccess.NONE)
        .allowHostClassLookup(name -> false)
        .allowHostClassLoading(false)
        .allowIO(IOAccess.NONE)
        .allowCreateThread(false)
        .allowNativeAccess(false)
        .allowCreateProcess(false)
        .allowEnvironmentAccess(EnvironmentAccess.NONE)
        .allowPolyglotAccess(PolyglotAccess.NONE)
        .allowExperimentalOptions(false)
        .option("js.load", "false")   // no load(file) builtin (IO is denied anyway)
        .out(out)
        .err(out)
        .build();
    this.newArray = js.eval(Source.create("js", "(n) => new Array(n)"));
    this.newObject = js.eval(Source.create("js", "() => ({})"));
  }

  /** Throws {@link Unavailable} when no JavaScript engine can be made. */
  static void check() {
    sharedEngine();
  }

  /** One polyglot engine for all sessions: contexts share parsed code, and start faster. */
  private static org.graalvm.polyglot.Engine sharedEngine() {
    org.graalvm.polyglot.Engine e = shared;
    if (e == null) {
      synchronized (JsRuntime.class) {
        e = shared;
        if (e == null) {
          try {
            e = org.graalvm.polyglot.Engine.newBuilder()
                .option("engine.WarnInterpreterOnly", "false")
                .build();
          } catch (IllegalStateException | IllegalArgumentException | PolyglotException x) {
            throw new Unavailable("no GraalVM language runtime on the class path (add "
                + "org.graalvm.polyglot:js-community, type pom, version 23.1.x)");
          }
          if (!e.getLanguages().containsKey("js")) {
            e.close();
            throw new Unavailable("GraalJS is not on the class path (add org.graalvm.polyglot:js-community, "
                + "type pom, version 23.1.x)");
          }
          shared = e;
        }
      }
    }
    return e;
  }

  /** Evaluates code; the result converted to an Exp value. */
  synchronized Object eval(Context ctx, String code, Loc loc) {
    Source src = Source.newBuilder("js", code, sourceName(loc)).buildLiteral();
    return guarded(ctx, loc, () -> toExp(js.eval(src), 0, loc));
  }

  /** Calls a JavaScript function with Exp arguments. */
  synchronized Object call(Context ctx, Value fn, Object[] args, String name, Loc loc) {
    return guarded(ctx, loc, () -> {
      Object[] a = new Object[args.length];
      for (int i = 0; i < args.length; i++) {
        a[i] = toJs(args[i], 0, name, loc);
      }
      return toExp(fn.execute(a), 0, loc);
    });
  }

  private interface Body {
    Object run();
  }

  /** Runs JavaScript with console output going to the Exp context, watched for time and interruption. */
  private Object guarded(Context ctx, Loc loc, Body body) {
    ctx.checkLimits(loc);
    out.target(ctx::print);
    JsWatchdog.Watch w = JsWatchdog.watch(js, ctx);
    try {
      return body.run();
    } catch (PolyglotException e) {
      if (e.isInterrupted() || e.isCancelled() || w.fired()) {
        if (w.interruptedThread() || (e.isInterrupted() && !w.fired())) {
          // Thread.interrupt() of this thread: the polyglot engine consumed it; restore it for the check
          Thread.currentThread().interrupt();
        }
        ctx.checkLimits(loc);   // throws the time-limit or interruption error that stopped it
        throw new ExpError("js: the JavaScript evaluation was interrupted", loc);
      }
      throw new ExpError("js: " + describe(e), loc);
    } catch (IllegalStateException e) {
      throw new ExpError("js: " + e.getMessage(), loc);
    } finally {
      w.close();
      out.flush();
    }
  }

  private static String sourceName(Loc loc) {
    if (loc == null || loc.line() <= 0) {
      return "js";
    }
    return "js@" + loc.file() + ":" + loc.line();
  }

  /** "ReferenceError: foo is not defined (at line 1, column 9 of the JavaScript from model.exp:12)". */
  static String describe(PolyglotException e) {
    String msg = e.getMessage() == null ? "error" : e.getMessage();
    if (e.isHostException()) {
      msg = "host error: " + e.asHostException();
    }
    if (e.isInternalError()) {
      msg = "internal error of the JavaScript engine: " + msg;
    }
    SourceSection s = e.getSourceLocation();
    if (s == null) {
      for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
        if (f.isGuestFrame() && f.getSourceLocation() != null) {
          s = f.getSourceLocation();
          break;
        }
      }
    }
    if (s != null && s.getSource() != null) {
      String from = s.getSource().getName();
      if (from.startsWith("js@")) {
        from = "the JavaScript from " + from.substring(3);
      }
      msg += " (at line " + s.getStartLine() + ", column " + s.getStartColumn() + " of " + from + ")";
    }
    return msg;
  }

  // ---------------------------------------------------------------- conversions

  /** A JavaScript value as an Exp value. */
  private Object toExp(Value v, int depth, Loc loc) {
    if (depth > MAX_DEPTH) {
      throw new ExpError("js: the JavaScript value is nested more than " + MAX_DEPTH + " levels deep "
          + "(a cycle?)", loc);
    }
    if (v.isNull()) {
      return null;
    }
    if (v.isBoolean()) {
      return v.asBoolean();
    }
    if (v.isNumber()) {
      return v.fitsInDouble() ? v.asDouble() : Double.parseDouble(v.toString());
    }
    if (v.isString()) {
      return v.asString();
    }
    if (v.canExecute()) {
      return new JsFunction(this, v, functionName(v));
    }
    if (v.hasArrayElements()) {
      long n = v.getArraySize();
      if (n > Integer.MAX_VALUE - 8) {
        throw new ExpError("js: the JavaScript array is too long (" + n + " elements)", loc);
      }
      List<Object> items = new ArrayList<>((int) n);
      for (long i = 0; i < n; i++) {
        items.add(toExp(v.getArrayElement(i), depth + 1, loc));
      }
      return ValueCodec.sequence(items);
    }
    if (v.hasMembers()) {
      Map<String, Object> fields = new LinkedHashMap<>();
      for (String k : v.getMemberKeys()) {
        fields.put(k, toExp(v.getMember(k), depth + 1, loc));
      }
      return ValueCodec.record(fields);
    }
    return v.toString();
  }

  private static String functionName(Value fn) {
    String n = null;
    try {
      Value name = fn.getMember("name");
      if (name != null && name.isString()) {
        n = name.asString();
      }
    } catch (RuntimeException e) {
      // a function without a readable name
    }
    return n == null || n.isEmpty() ? "js function" : "js function " + n;
  }

  /** An Exp value as a JavaScript value (numbers, strings, bools, null, arrays, objects). */
  private Object toJs(Object x, int depth, String who, Loc loc) {
    if (depth > MAX_DEPTH) {
      throw new ExpError(who + ": the value is nested too deeply to pass to JavaScript", loc);
    }
    if (x == null || x instanceof Double || x instanceof Boolean || x instanceof String) {
      return x;
    }
    if (x instanceof Tensor t) {
      if (t.rank() == 0) {
        return t.at(0);
      }
      return tensorToJs(t.raw(), t.shape(), 0, 0);
    }
    if (x instanceof JsFunction f && f.runtime == this) {
      return f.fn;
    }
    if (x instanceof List<?> l) {
      Value arr = newArray.execute(l.size());
      for (int i = 0; i < l.size(); i++) {
        arr.setArrayElement(i, toJs(l.get(i), depth + 1, who, loc));
      }
      return arr;
    }
    if (x instanceof Record r) {
      Value obj = newObject.execute();
      for (Map.Entry<String, Object> e : r.entrySet()) {
        obj.putMember(e.getKey(), toJs(e.getValue(), depth + 1, who, loc));
      }
      return obj;
    }
    if (x instanceof dev.exp.eval.runtime.Callable) {
      throw new ExpError(who + ": cannot pass an Exp function to JavaScript", loc);
    }
    Tensor t = Values.asTensorOperand(x);   // ranges
    if (t != null) {
      return toJs(t, depth, who, loc);
    }
    throw new ExpError(who + ": cannot pass " + Values.describe(x) + " to JavaScript", loc);
  }

  private Value tensorToJs(double[] data, int[] shape, int axis, int offset) {
    int n = shape[axis];
    Value arr = newArray.execute(n);
    if (axis == shape.length - 1) {
      for (int i = 0; i < n; i++) {
        arr.setArrayElement(i, data[offset + i]);
      }
      return arr;
    }
    int stride = 1;
    for (int k = axis + 1; k < shape.length; k++) {
      stride *= shape[k];
    }
    for (int i = 0; i < n; i++) {
      arr.setArrayElement(i, tensorToJs(data, shape, axis + 1, offset + i * stride));
    }
    return arr;
  }

  @Override
  public void close() {
    try {
      js.close(true);
    } catch (RuntimeException e) {
      // already closed or closing on another thread
    }
  }

  /** A JavaScript function as an Exp function. */
  static final class JsFunction implements Callable {
    final JsRuntime runtime;
    final Value fn;
    private final String name;
    private final dev.exp.eval.runtime.Signature sig;

    JsFunction(JsRuntime runtime, Value fn, String name) {
      this.runtime = runtime;
      this.fn = fn;
      this.name = name;
      this.sig = dev.exp.eval.runtime.Signature.rest(name, "args");
    }

    @Override
    public dev.exp.eval.runtime.Signature sig() {
      return sig;
    }

    @Override
    public Object invoke(Context ctx, Object[] bound, Loc loc) {
      return runtime.call(ctx, fn, ((java.util.List<?>) bound[0]).toArray(), name, loc);
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String doc() {
      return "A JavaScript function (from js(...)).";
    }

    @Override
    public String toString() {
      return "<" + name + ">";
    }
  }
}
