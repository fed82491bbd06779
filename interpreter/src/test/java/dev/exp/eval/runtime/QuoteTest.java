package dev.exp.eval.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Strings inside lists and records print as literals that read back to the same string. */
class QuoteTest {
  @Test
  void controlCharactersPrintEscaped() {
    assertEquals("\"\\u0001a\\tb\\n\"", Printer.quote("\u0001a\tb\n"));
    assertEquals("\"\\u007f\"", Printer.quote("\u007f"));
  }
}
