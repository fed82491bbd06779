package dev.exp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index text is cut into string constants (at most 65535 UTF-8 bytes each) at line ends. */
class KernelIndexWriterTest {
  @Test
  void chunksEndAtLineEndsStayUnderTheConstantLimitAndJoinBackToTheText() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 9000; i++) {
      text.append("name").append(i).append("\tdev.exp.X\tμ-δ").append(i % 7).append('\n');
    }
    List<String> chunks = KernelIndexWriter.chunks(text.toString());
    assertTrue(chunks.size() > 2, "the text is " + text.length() + " chars: several chunks");
    for (String c : chunks) {
      assertTrue(c.endsWith("\n"), "a chunk ends at a line end");
      assertTrue(c.getBytes(StandardCharsets.UTF_8).length <= 65535);
    }
    assertEquals(text.toString(), String.join("", chunks));
    assertEquals(List.of("a\nb\n"), KernelIndexWriter.chunks("a\nb\n"));
    assertEquals(List.of(), KernelIndexWriter.chunks(""));
  }
}
