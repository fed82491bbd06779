package dev.exp.jsr223;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.exp.api.Capability;
import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpSyntaxException;
import dev.exp.api.ExpTimeoutException;
import dev.exp.api.Limits;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.script.Bindings;
import javax.script.Compilable;
import javax.script.CompiledScript;
import javax.script.Invocable;
import javax.script.ScriptContext;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import javax.script.ScriptException;
import javax.script.SimpleBindings;
import javax.script.SimpleScriptContext;
import org.junit.jupiter.api.Test;

/** Exp through javax.script, as a host that knows only JSR-223 uses it. */
class Jsr223Test {
  private final ScriptEngineManager manager = new ScriptEngineManager();

  private ScriptEngine exp() {
    ScriptEngine e = manager.getEngineByName("exp");
    assertInstanceOf(ExpScriptEngine.class, e);
    return e;
  }

  @Test
  void foundByNameExtensionAndMimeType() {
    assertInstanceOf(ExpScriptEngine.class, manager.getEngineByExtension("exp"));
    assertInstanceOf(ExpScriptEngine.class, manager.getEngineByMimeType("text/x-exp"));
    assertInstanceOf(ExpScriptEngine.class, manager.getEngineByName("Exp"));
    ScriptEngineFactory f = exp().getFactory();
    assertEquals("Exp", f.getLanguageName());
    assertEquals(List.of("exp"), f.getExtensions());
    assertNull(f.getParameter("THREADING"), "not thread-safe: one engine per thread");
    assertEquals("exp", f.getParameter(ScriptEngine.NAME));
    assertEquals("Exp", f.getParameter(ScriptEngine.ENGINE));
  }

  @Test
  void evalReturnsPlainJavaValues() throws Exception {
    ScriptEngine e = exp();
    assertEquals(3.0, e.eval("1 + 2"));
    assertEquals("ab", e.eval("\"a\" + \"b\""));
    assertEquals(true, e.eval("1 < 2"));
    assertNull(e.eval("let z = 1"));
    assertArrayEquals(new double[] {1, 4, 9}, (double[]) e.eval("[1, 2, 3]^2"));
    assertArrayEquals(new double[][] {{1, 0}, {0, 1}}, (double[][]) e.eval("eye(2)"));
    Map<?, ?> rec = (Map<?, ?>) e.eval("{n: 2, s: \"x\"}");
    assertEquals(2.0, rec.get("n"));
    assertEquals(List.of("a", 1.0), e.eval("[\"a\", 1]"));
  }

  @Test
  void bindingsAreSessionGlobals() throws Exception {
    ScriptEngine e = exp();
    e.put("x", new double[][] {{1, 2}, {3, 4}});
    e.put("k", 10);
    assertArrayEquals(new double[][] {{70, 100}, {150, 220}}, (double[][]) e.eval("k * x @ x"));
    e.eval("let y = sum(x)\nvar counter = 0\nfn bump() { counter += 1 }");
    assertEquals(10.0, e.get("y"));
    e.eval("bump()\nbump()");
    assertEquals(2.0, e.get("counter"));
    Bindings b = e.getBindings(ScriptContext.ENGINE_SCOPE);
    assertTrue(b.keySet().containsAll(List.of("x", "k", "y", "counter", "bump")), b.keySet().toString());
    b.remove("y");
    ScriptException missing = assertThrows(ScriptException.class, () -> e.eval("y"));
    assertTrue(missing.getMessage().startsWith("undefined name 'y'"), missing.getMessage());
    // the file name key is kept, but is not a script global
    e.put(ScriptEngine.FILENAME, "job.exp");
    assertEquals("job.exp", e.get(ScriptEngine.FILENAME));
  }

  @Test
  void globalScopeAndForeignBindings() throws Exception {
    manager.put("shared", 5);   // global scope
    ScriptEngine e = exp();
    assertEquals(6.0, e.eval("shared + 1"));
    Bindings mine = new SimpleBindings();
    mine.put("a", 2);
    assertEquals(7.0, e.eval("let b = a + shared\nb", mine));
    assertEquals(7.0, mine.get("b"), "new globals are written back into foreign bindings");
    assertEquals(2, mine.get("a"), "unchanged entries are left as the host put them");
    e.eval("fn twice(x) = 2 * x", mine);
    assertEquals(14.0, e.eval("twice(b)", mine));
  }

  @Test
  void printGoesToTheContextWriter() throws Exception {
    ScriptEngine e = exp();
    StringWriter out = new StringWriter();
    e.getContext().setWriter(out);
    e.eval("print(\"hello\", 1 + 1)\n" + e.getFactory().getOutputStatement("{not interpolated} \"q\""));
    String nl = System.lineSeparator();
    assertEquals("hello 2" + nl + "{not interpolated} \"q\"" + nl, out.toString());
  }

  @Test
  void warningsGoToTheContextErrorWriter() throws Exception {
    ScriptEngine e = exp();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    e.getContext().setWriter(out);
    e.getContext().setErrorWriter(err);
    e.eval("let v = [1, 2] + [1]");
    assertEquals("", out.toString());
    assertTrue(err.toString().contains(":1:16: warning: + [1] adds 1 to each of the 2 elements"), err.toString());
  }

  @Test
  void compiledScriptsRunRepeatedly() throws Exception {
    ScriptEngine e = exp();
    CompiledScript c = ((Compilable) e).compile("total += step\ntotal");
    assertSame(e, c.getEngine());
    e.put("total", 0);
    e.put("step", 2.5);
    assertEquals(2.5, c.eval());
    assertEquals(5.0, c.eval());
    Bindings other = e.createBindings();
    other.put("total", 100);
    other.put("step", 1);
    assertEquals(101.0, c.eval(other));
    assertEquals(5.0, e.get("total"));
    ScriptException bad = assertThrows(ScriptException.class, () -> ((Compilable) e).compile("let = 1"));
    assertEquals(1, bad.getLineNumber());
  }

  @Test
  void invocable() throws Exception {
    ScriptEngine e = exp();
    e.eval("fn area(w, h) = w * h\nfn scale(v, k) = v * k\nlet shape = {area: (w) => w * w, name: \"square\"}");
    Invocable inv = (Invocable) e;
    assertEquals(6.0, inv.invokeFunction("area", 2, 3));
    assertArrayEquals(new double[] {2, 4}, (double[]) inv.invokeFunction("scale", new double[] {1, 2}, 2));
    assertEquals(3.0, (Double) inv.invokeFunction("linalg.det", (Object) new double[][] {{1, 2}, {-1, 1}}), 1e-12);
    assertThrows(NoSuchMethodException.class, () -> inv.invokeFunction("nope"));
    assertEquals(16.0, inv.invokeMethod(e.get("shape"), "area", 4));
    assertThrows(NoSuchMethodException.class, () -> inv.invokeMethod(e.get("shape"), "name"));

    Geometry g = inv.getInterface(Geometry.class);
    assertEquals(12.0, g.area(3, 4));
    assertArrayEquals(new double[] {3, 6}, g.scale(new double[] {1, 2}, 3));
    assertNull(inv.getInterface(Runnable.class), "no function 'run'");
    Square sq = inv.getInterface(e.get("shape"), Square.class);
    assertEquals(25.0, sq.area(5));
    ScriptException err = assertThrows(ScriptException.class, () -> inv.invokeFunction("area", "x", "y"));
    assertInstanceOf(ExpRuntimeException.class, err.getCause());

    // a script error through an interface: the unchecked ExpRuntimeException unless the method declares ScriptException
    e.eval("fn fail(x) = [1, 2] @ [x, 2, 3]");
    ExpRuntimeException unchecked = assertThrows(ExpRuntimeException.class, () -> inv.getInterface(Failing.class).fail(1));
    assertTrue(unchecked.getMessage().contains("[2]") && unchecked.getMessage().contains("[3]"), unchecked.getMessage());
    ScriptException checked = assertThrows(ScriptException.class, () -> inv.getInterface(CheckedFailing.class).fail(1));
    assertInstanceOf(ExpRuntimeException.class, checked.getCause());
  }

  /** A script function that fails, called through an interface without a checked exception. */
  public interface Failing {
    double fail(double x);
  }

  /** The same, declaring the engine's checked exception. */
  public interface CheckedFailing {
    double fail(double x) throws ScriptException;
  }

  /** Implemented by the script's functions. */
  public interface Geometry {
    double area(double w, double h);

    double[] scale(double[] v, double k);
  }

  /** Implemented by a record's function fields. */
  public interface Square {
    double area(double w);
  }

  @Test
  void withoutAFileNameEachScriptIsNamedSoAnErrorSaysWhichEvalDefinedTheFunction() {
    ScriptEngine e = exp();
    assertDoesNotThrow(() -> e.eval("let k = 2\n\nfn bad(x) = x + \"s\""));
    ScriptException x = assertThrows(ScriptException.class, () -> e.eval("bad(k)"));
    assertEquals("<script>", x.getFileName(), "the function was defined by the first eval");
    assertEquals(3, x.getLineNumber());
    ScriptException y = assertThrows(ScriptException.class, () -> e.eval("1\n[1, 2] @ [1]"));
    assertEquals("<script-3>", y.getFileName());
    assertEquals(2, y.getLineNumber());
  }

  @Test
  void errorsCarryFileLineAndColumn() {
    ScriptEngine e = exp();
    e.put(ScriptEngine.FILENAME, "model.exp");
    ScriptException runtime = assertThrows(ScriptException.class,
        () -> e.eval("let a = [1, 2]\nlet b = [1, 2, 3]\nlet c = a + b"));
    assertEquals("model.exp", runtime.getFileName());
    assertEquals(3, runtime.getLineNumber());
    assertEquals(11, runtime.getColumnNumber());
    assertTrue(runtime.getMessage().startsWith("operator '+'"), runtime.getMessage());
    assertTrue(runtime.getMessage().endsWith("in model.exp at line number 3 at column number 11"), runtime.getMessage());
    assertInstanceOf(ExpRuntimeException.class, runtime.getCause());

    ScriptException syntax = assertThrows(ScriptException.class, () -> e.eval("let x = 1\nlet y = lenght(x)"));
    assertEquals(2, syntax.getLineNumber());
    assertEquals(9, syntax.getColumnNumber());
    assertTrue(syntax.getMessage().startsWith("undefined name 'lenght'; did you mean 'length'?")
        || syntax.getMessage().startsWith("undefined name 'lenght'"), syntax.getMessage());
    assertInstanceOf(ExpSyntaxException.class, syntax.getCause());

    ScriptException convert = assertThrows(ScriptException.class, () -> e.eval("x", bindingsWith("x", new Object())));
    assertTrue(convert.getMessage().contains("cannot pass a java.lang.Object"), convert.getMessage());
  }

  private static Bindings bindingsWith(String k, Object v) {
    Bindings b = new SimpleBindings();
    b.put(k, v);
    return b;
  }

  @Test
  void sandboxedByDefaultConfigurableThroughTheFactory() throws Exception {
    ScriptException denied = assertThrows(ScriptException.class, () -> exp().eval("env(\"PATH\")"));
    assertTrue(denied.getMessage().contains("Capability.ENV"), denied.getMessage());
    Engine engine = Engine.builder().grant(Capability.ENV)
        .limits(Limits.DEFAULT.withTimeout(Duration.ofMillis(300))).build();
    ScriptEngine e = new ExpScriptEngineFactory(engine).getScriptEngine();
    assertEquals(System.getenv("PATH"), e.eval("env(\"PATH\")"));
    ScriptException slow = assertThrows(ScriptException.class, () -> e.eval("while true { }"));
    assertInstanceOf(ExpTimeoutException.class, slow.getCause());
    assertEquals(1, slow.getLineNumber());
  }

  @Test
  void contextsWithTheirOwnBindings() throws Exception {
    ScriptEngine e = exp();
    ScriptContext ctx = new SimpleScriptContext();
    ctx.setBindings(e.createBindings(), ScriptContext.ENGINE_SCOPE);
    e.eval("let only_here = 1", ctx);
    assertEquals(1.0, ctx.getAttribute("only_here"));
    assertNull(e.get("only_here"));
  }
}
