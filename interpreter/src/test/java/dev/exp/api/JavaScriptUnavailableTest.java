package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.exp.polyglot.JsBuiltin;
import org.junit.jupiter.api.Test;

/**
 * The interpreter module has only the polyglot API, no JavaScript engine: {@code js} then says so
 * clearly. (The JavaScript tests themselves run in the repl module, which ships GraalJS.)
 */
class JavaScriptUnavailableTest {
  @Test
  void jsWithoutGraalJsIsAClearError() {
    assumeFalse(JsBuiltin.isAvailable(), "GraalJS is on the class path");
    try (Session s = Engine.builder().grant(Capability.JAVASCRIPT).build().newSession()) {
      ExpRuntimeException e = assertThrows(ExpRuntimeException.class, () -> s.eval("js(\"1 + 2\")"));
      assertEquals("js: JavaScript is not available: no GraalVM language runtime on the class path (add "
          + "org.graalvm.polyglot:js-community, type pom, version 23.1.x)", e.getMessage());
      assertEquals(2.0, s.eval("1 + 1").asDouble());
    }
  }
}
