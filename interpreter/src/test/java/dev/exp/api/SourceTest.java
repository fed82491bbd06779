package dev.exp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a script file: UTF-8 only, said where it is not; a byte-order mark is not a character of the script. */
class SourceTest {
  @TempDir Path dir;

  @Test
  void aFileThatIsNotUtf8IsAnErrorNamingTheByteAndItsPlace() throws IOException {
    Path bad = dir.resolve("bad.exp");
    Files.write(bad, new byte[] {'l', 'e', 't', ' ', 'a', ' ', '=', ' ', '1', '\n', 'p', '(', '"', (byte) 0xff, '"', ')', '\n'});
    IOException e = assertThrows(IOException.class, () -> Source.fromFile(bad));
    assertEquals("not UTF-8 text: byte 0xff at line 2, column 4 (re-save the file as UTF-8, e.g. iconv -f latin1 -t utf-8)",
        e.getMessage());
  }

  @Test
  void aByteOrderMarkIsDropped() throws IOException {
    Path bom = dir.resolve("bom.exp");
    byte[] text = "x = é".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    byte[] bytes = new byte[text.length + 3];
    bytes[0] = (byte) 0xef;
    bytes[1] = (byte) 0xbb;
    bytes[2] = (byte) 0xbf;
    System.arraycopy(text, 0, bytes, 3, text.length);
    Files.write(bom, bytes);
    assertEquals("x = é", Source.fromFile(bom).text());
  }
}
