package dev.exp.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** "Did you mean": by spelling first, then by a name the typed one begins. */
class SuggestTest {
  @Test
  void spellingThenPrefix() {
    assertEquals("solve", Suggest.closest("sovle", List.of("solve", "svd", "det")));   // a swap
    assertEquals("lstsq", Suggest.closest("lstqs", List.of("solve", "lstsq")));
    assertNull(Suggest.closest("zzzz", List.of("solve", "svd")));
    // one letter is one edit from every one-letter name: a name it begins wins (vi.V -> values)
    assertEquals("values", Suggest.closest("V", List.of("q", "values", "policy")));
    assertEquals("xs", Suggest.closest("x", List.of("y", "xs")));
    assertEquals("b", Suggest.closest("a", List.of("b")));
    // the REPL's last value _ is never the suggestion (x = 3 in the REPL used to suggest it)
    assertNull(Suggest.closest("x", List.of("_", "print")));
    assertEquals("y", Suggest.closest("x", List.of("_", "y")));
  }

  @Test
  void parameterNamesOfNumpyAndScikitLearnSuggestTheExpName() {
    assertEquals("; did you mean 'p'? (Exp's name for the NumPy/scikit-learn 'ord')",
        Suggest.parameter("ord", List.of("p", "axis")));
    assertEquals("; did you mean 'axis'?", Suggest.parameter("axes", List.of("p", "axis")), "spelling first");
    assertEquals("", Suggest.parameter("ord", List.of("axis")), "only a parameter the callee has");
  }

  @Test
  void aThirdOfTheNameMayBeWrongThenAStemItBegins() {
    List<String> names = List.of("cos", "eye", "len", "mean", "sum", "print");
    assertNull(Suggest.closest("foo", names), "two edits of three letters is another word");
    assertNull(Suggest.closest("xyz", names));
    assertEquals("sum", Suggest.closest("sm", names));
    assertEquals("mean", Suggest.closest("mena", names));
    assertEquals("mean", Suggest.closest("meen", names));
    assertEquals("print", Suggest.closest("pirnt", names));
    assertEquals("len", Suggest.closest("lenght", names), "no name is near: the one it begins with");
  }
}
