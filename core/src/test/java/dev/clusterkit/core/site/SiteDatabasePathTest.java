package dev.clusterkit.core.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clusterkit.core.site.Platform.Family;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteDatabasePathTest {

  private static String refused(String value, Family family) {
    return assertThrows(IllegalArgumentException.class, () -> new SiteDatabasePath(value, family))
        .getMessage();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/mnt/jobdb", "/mnt/other-jobdb", "/shared/jc_db.1", "/a", "/srv/jobdb@site,1"})
  void acceptsAbsolutePosixPaths(String path) {
    assertEquals(path, new SiteDatabasePath(path, Family.POSIX).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"X:\\Jobdb", "x:\\jobdb", "D:\\JobCenter Data\\site (1)", "Z:\\a\\b\\c"})
  void acceptsWindowsDrivePaths(String path) {
    assertEquals(path, new SiteDatabasePath(path, Family.WINDOWS).value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"mnt/jobdb", "./jobdb", "~/jobdb", "jobdb"})
  void refusesRelativePosixPaths(String path) {
    String m = refused(path, Family.POSIX);
    assertTrue(m.contains("'" + path + "' must be an absolute POSIX path"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"Jobdb", "\\Jobdb", "X:Jobdb", "X:/Jobdb", "\\\\server\\share\\jobdb", "/mnt/jobdb"})
  void refusesWhatIsNotAWindowsDrivePath(String path) {
    String m = refused(path, Family.WINDOWS);
    assertTrue(m.contains("must be an absolute Windows path"), m);
  }

  @Test
  void refusesEmpty() {
    assertEquals("site database path must not be empty", refused("", Family.POSIX));
    assertEquals("site database path must not be empty", refused("", Family.WINDOWS));
  }

  @Test
  void refusesTheRoot() {
    assertTrue(refused("/", Family.POSIX).contains("must not be the root directory"));
    String m = refused("X:\\", Family.WINDOWS);
    assertTrue(m.contains("'X:\\' must be a folder on the shared disk, not a drive root"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/mnt/../etc", "/mnt/jobdb/..", "/mnt/./jobdb", "/.."})
  void refusesDotSegmentsOnPosix(String path) {
    String m = refused(path, Family.POSIX);
    assertTrue(m.contains("must be normalised: no '.' or '..' segments"), m);
    assertTrue(m.contains("'" + path + "'"), "names the whole path: " + m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X:\\Jobdb\\..\\other", "X:\\.\\Jobdb"})
  void refusesDotSegmentsOnWindows(String path) {
    String m = refused(path, Family.WINDOWS);
    assertTrue(m.contains("must be normalised"), m);
    assertTrue(m.contains("'" + path + "'"), "names the whole path, drive included: " + m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"/mnt//jobdb", "/mnt/jobdb/"})
  void refusesEmptySegmentsOnPosix(String path) {
    String m = refused(path, Family.POSIX);
    assertTrue(m.contains("'" + path + "' has an empty segment"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X:\\Jobdb\\", "X:\\\\Jobdb"})
  void refusesEmptySegmentsOnWindows(String path) {
    String m = refused(path, Family.WINDOWS);
    assertTrue(m.contains("'" + path + "' has an empty segment"), m);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/mnt/job db", "/mnt/$HOME", "/mnt/jobdb;rm", "/mnt/job'db", "/mnt/job\"db", "/mnt/*",
        "/mnt/a&b", "/mnt/`x`", "/mnt/a\\b", "/mnt/jöbdb", "/mnt/a\nb"
      })
  void refusesShellMetacharactersOnPosix(String path) {
    String m = refused(path, Family.POSIX);
    assertTrue(m.contains("may hold only letters, digits and"), m);
  }

  @ParameterizedTest
  @ValueSource(strings = {"X:\\%TEMP%", "X:\\a&b", "X:\\a|b", "X:\\a^b", "X:\\a\"b", "X:\\a/b", "X:\\a!b"})
  void refusesCmdMetacharactersOnWindows(String path) {
    String m = refused(path, Family.WINDOWS);
    assertTrue(m.contains("may hold only letters, digits, spaces and"), m);
  }

  @Test
  void resolvesInsideTheDatabaseWithTheFamilySeparator() {
    assertEquals("/mnt/jobdb/nqs/daemon.conf", new SiteDatabasePath("/mnt/jobdb", Family.POSIX).resolve("nqs/daemon.conf"));
    assertEquals("X:\\Jobdb\\etc", new SiteDatabasePath("X:\\Jobdb", Family.WINDOWS).resolve("etc"));
  }

  @Test
  void toStringIsThePath() {
    assertEquals("/mnt/jobdb", new SiteDatabasePath("/mnt/jobdb", Family.POSIX).toString());
  }
}
