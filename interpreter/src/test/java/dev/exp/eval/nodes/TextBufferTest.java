package dev.exp.eval.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.exp.api.Engine;
import dev.exp.api.ExpRuntimeException;
import dev.exp.api.ExpStepLimitException;
import dev.exp.api.Limits;
import dev.exp.api.Session;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A global that a loop builds a string in is written back however the loop ends, and a host that
 * looks at it during the loop sees every append (the script tests, string_building.exp, cover what
 * scripts can observe).
 */
class TextBufferTest {
  @Test
  void anErrorInTheLoopLeavesTheAppendsBeforeIt() {
    try (Session s = Engine.create().newSession()) {
      s.eval("var out = \"\"");
      assertThrows(ExpRuntimeException.class,
          () -> s.eval("for i in 0..10 { out += \"{i}\"; if i == 3 { error(\"stop\") } }"));
      assertEquals("0123", s.get("out").asString());
    }
  }

  @Test
  void aStepLimitInTheLoopLeavesTheAppendsBeforeIt() {
    Engine engine = Engine.builder().limits(Limits.DEFAULT.withMaxSteps(50_000)).build();
    try (Session s = engine.newSession()) {
      s.eval("var out = \"\"");
      assertThrows(ExpStepLimitException.class, () -> s.eval("while true { out += \"x\" }"));
      String out = s.get("out").asString();
      assertEquals(out.length(), out.chars().filter(c -> c == 'x').count());
      assertEquals(true, out.length() > 1000, "appends before the limit: " + out.length());
      s.eval("out += \"!\"");   // the session goes on with that value
      assertEquals(out + "!", s.get("out").asString());
    }
  }

  @Test
  void aHostFunctionCalledInTheLoopSeesEveryAppend() {
    try (Session s = Engine.create().newSession()) {
      List<Integer> seen = new ArrayList<>();
      s.function("peek", a -> {
        seen.add(s.get("out").asString().length());
        return null;
      });
      s.eval("var out = \"\"\nfor i in 0..3 { out += \"ab\"; peek() }");
      assertEquals(List.of(2, 4, 6), seen);
      assertEquals("ababab", s.get("out").asString());
    }
  }
}
