package dev.clusterkit.core.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceFileTest {

  @Test
  void normalisesCrlf() {
    SourceFile f = new SourceFile("a/b.sh", "x\r\ny\r\n");
    assertEquals("x\ny\n", f.text());
    assertEquals(List.of("x", "y"), f.lines());
  }

  @Test
  void linesIgnoreOneFinalNewlineOnly() {
    assertEquals(List.of(), new SourceFile("f", "").lines());
    assertEquals(List.of(""), new SourceFile("f", "\n").lines());
    assertEquals(List.of("a"), new SourceFile("f", "a").lines());
    assertEquals(List.of("a", ""), new SourceFile("f", "a\n\n").lines());
    assertEquals(List.of("", "a"), new SourceFile("f", "\na\n").lines());
  }

  @Test
  void fileNameWithEitherSeparator() {
    assertEquals("site.conf", new SourceFile("X:\\Jobdb\\etc\\site.conf", "").fileName());
    assertEquals("daemon.conf", new SourceFile("/mnt/jobdb/nqs/daemon.conf", "").fileName());
    assertEquals("start.sh", new SourceFile("start.sh", "").fileName());
  }

  @Test
  void locations() {
    SourceFile f = new SourceFile("p", "");
    assertEquals(new Location("p", 3, 0), f.at(3));
    assertEquals(new Location("p", 3, 7), f.at(3, 7));
  }
}
