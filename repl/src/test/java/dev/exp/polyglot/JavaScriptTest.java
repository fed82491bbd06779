package dev.exp.polyglot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.exp.api.Capability;
import dev.exp.api.Engine;
import dev.exp.api.ExpInterruptedException;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpTimeoutException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import dev.exp.api.Source;
import dev.exp.api.Value;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** js(...) through GraalJS, which the exp application ships (this module's class path has it). */
class JavaScriptTest {
  private static Engine engine;
  private final List<String> printed = new ArrayList<>();

  @BeforeAll
  static void setUp() {
    assumeTrue(JsBuiltin.isAvailable(), "GraalJS is not on the class path");
    engine = Engine.builder().grant(Capability.JAVASCRIPT).output(line -> { }).build();
  }

  private Session session() {
    return engine.newSession().output(printed::add);
  }

  private static String error(Session s, String code) {
    return assertThrows(ExpRuntimeException.class, () -> s.eval(new Source("t.exp", code))).getMessage();
  }

  @Test
  void valuesComeBackAsExpValues() {
    try (Session s = session()) {
      assertEquals(3.0, s.eval("js(\"1 + 2\")").asDouble());
      assertEquals("ab", s.eval("js(\"'a' + 'b'\")").asString());
      assertTrue(s.eval("js(\"1 < 2\")").asBoolean());
      assertTrue(s.eval("js(\"undefined\")").isNone());
      assertTrue(s.eval("js(\"null\")").isNone());
      assertArrayEquals(new double[] {1, 2.5}, s.eval("js(\"[1, 2.5]\")").asDoubleArray());
      assertArrayEquals(new double[][] {{1, 2}, {3, 4}}, s.eval("js(\"[[1, 2], [3, 4]]\")").asMatrix());
      assertEquals("list", s.eval("type(js(\"[1, 'a']\"))").asString());
      Value rec = s.eval("js(\"({{n: 1, name: 'x', xs: [1, 2]}})\")");
      assertEquals(1.0, rec.get("n").asDouble());
      assertEquals("x", rec.get("name").asString());
      assertArrayEquals(new double[] {1, 2}, rec.get("xs").asDoubleArray());
      assertEquals(2.0, s.eval("js(\"({{n: 1, name: 'x'}})\").n + 1").asDouble());
    }
  }

  @Test
  void functionsAreCallableAlsoInPipelines() {
    try (Session s = session()) {
      s.eval("let sq = js(\"xs => xs.map(v => v * v)\")\nlet add = js(\"(a, b) => a + b\")");
      assertArrayEquals(new double[] {1, 4, 9}, s.eval("[1, 2, 3] |> sq").asDoubleArray());
      assertEquals(5.0, s.eval("2 |> add(3)").asDouble());
      assertArrayEquals(new double[] {1, 4, 9}, s.eval("[1, 2, 3] |> sq |> map(x => x)").asDoubleArray());
      assertEquals(14.0, s.eval("[1, 2, 3] |> sq |> sum").asDouble());
      assertEquals("function", s.eval("type(sq)").asString());
    }
  }

  @Test
  void tensorsCrossAsArraysAndBack() {
    try (Session s = session()) {
      s.eval("let shape = js(\"m => [m.length, m[0].length, Array.isArray(m[0])]\")");
      Value shape = s.eval("shape([[1, 2, 3], [4, 5, 6]])");
      assertEquals("[2, 3, true]", shape.toString());
      s.eval("let double = js(\"m => m.map(r => r.map(v => 2 * v))\")");
      assertArrayEquals(new double[][] {{2, 4}, {6, 8}}, s.eval("double([[1, 2], [3, 4]])").asMatrix());
      s.eval("let cube = js(\"t => t[1][0][1]\")");
      assertEquals(5.0, s.eval("cube(reshape(range(8), [2, 2, 2]))").asDouble());
      s.eval("let rec = js(\"r => r.a + r.b.length\")");
      assertEquals(4.0, s.eval("rec({a: 1, b: [1, 2, 3]})").asDouble());
      assertEquals("a,b", s.eval("js(\"l => l.join(',')\")([\"a\", \"b\"])").asString());
    }
  }

  @Test
  void definitionsPersistWithinASession() {
    try (Session s = session(); Session other = session()) {
      s.eval("js(\"var counter = 0; function next() {{ return ++counter; }}\")");
      assertEquals(1.0, s.eval("js(\"next()\")").asDouble());
      assertEquals(2.0, s.eval("js(\"next()\")").asDouble());
      assertEquals("undefined", other.eval("js(\"typeof counter\")").asString());
    }
  }

  @Test
  void exceptionsNameTheJavaScriptLocation() {
    try (Session s = session()) {
      s.eval(new Source("t.exp", "let f = js(\"function f(x) {{\\n  return x.y.z;\\n}}\\nf\")"));
      String m = error(s, "f({a: 1})");
      assertTrue(m.startsWith("js: TypeError: Cannot read property 'z' of undefined"), m);
      assertTrue(m.endsWith("(at line 2, column 10 of the JavaScript from t.exp:1)"), m);
      m = error(s, "\njs(\"throw new RangeError('too big')\")");
      assertEquals("js: RangeError: too big (at line 1, column 7 of the JavaScript from t.exp:2)", m);
      m = error(s, "js(\"1 +\")");
      assertTrue(m.startsWith("js: SyntaxError"), m);
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval(new Source("t.exp", "\n\nf(1)")));
      assertEquals(3, e.location().line(), "the Exp location of the failing call");
      assertEquals(2.0, s.eval("js(\"1 + 1\")").asDouble(), "the session and its JavaScript stay usable");
    }
  }

  @Test
  void javascriptHasNoHostAccess() {
    try (Session s = session()) {
      String type = error(s, "js(\"Java.type('java.lang.System')\")");
      assertTrue(type.startsWith("js: "), type);
      assertEquals("undefined", s.eval("js(\"typeof load\")").asString());
      String java = error(s, "js(\"java.lang.System.getProperty('user.home')\")");
      assertTrue(java.startsWith("js: TypeError"), java);
      assertEquals("undefined", s.eval("js(\"typeof require\")").asString());
      String io = error(s, "js(\"load('/etc/hostname')\")");
      assertTrue(io.startsWith("js: "), io);
      String poly = error(s, "js(\"Polyglot.eval('python', '1')\")");
      assertTrue(poly.startsWith("js: "), poly);
      String thread = error(s, "js(\"new Worker('x')\")");
      assertTrue(thread.startsWith("js: "), thread);
      // Exp functions are not handed to JavaScript (it could call back into the host through them)
      String fn = error(s, "js(\"f => f(1)\")(x => x)");
      assertEquals("js function: cannot pass an Exp function to JavaScript", fn);
    }
  }

  @Test
  void consoleLogPrintsLikePrint() {
    try (Session s = session()) {
      s.eval("js(\"console.log('from js', 1 + 1)\")\nprint(\"from exp\")");
      assertEquals(List.of("from js 2", "from exp"), printed);
    }
  }

  @Test
  void timeoutStopsRunningJavaScript() {
    Engine limited = Engine.builder().grant(Capability.JAVASCRIPT)
        .limits(Limits.DEFAULT.withTimeout(Duration.ofSeconds(1))).build();
    try (Session s = limited.newSession()) {
      s.eval("js(\"var spins = 0\")");
      long t0 = System.nanoTime();
      ExpTimeoutException e = assertThrows(ExpTimeoutException.class,
          () -> s.eval(new Source("spin.exp", "\njs(\"while (true) {{ spins++; }}\")")));
      long elapsed = System.nanoTime() - t0;
      assertTrue(elapsed < TimeUnit.SECONDS.toNanos(2), "stopped after " + elapsed / 1e6 + " ms");
      assertEquals(2, e.location().line());
      assertTrue(s.eval("js(\"spins\")").asDouble() > 0, "the JavaScript context keeps its state");
    }
  }

  @Test
  void threadInterruptStopsRunningJavaScript() throws Exception {
    try (Session s = session()) {
      s.eval("js(\"1\")");   // start the context first
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread t = new Thread(() -> {
        try {
          s.eval("js(\"while (true) {{ }}\")");
        } catch (Throwable x) {
          thrown.set(x);
        }
      });
      t.start();
      Thread.sleep(300);
      t.interrupt();
      t.join(TimeUnit.SECONDS.toMillis(5));
      assertFalse(t.isAlive());
      assertTrue(thrown.get() instanceof ExpInterruptedException, String.valueOf(thrown.get()));
      assertEquals(3.0, s.eval("js(\"1 + 2\")").asDouble());
    }
  }
}
