package dev.clusterkit.core.render;

/** How lines of a text artifact end on disk. Templates always produce LF. */
public enum LineEnding {
  LF("\n"),
  CRLF("\r\n");

  private final String chars;

  LineEnding(String chars) {
    this.chars = chars;
  }

  public String chars() {
    return chars;
  }

  /** Converts LF-only text to this line ending. */
  public String apply(String lfText) {
    if (lfText.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("text must use LF line ends before conversion");
    }
    return this == LF ? lfText : lfText.replace("\n", chars);
  }
}
