/* Test stub for a Windows program: appends its arguments, as the C runtime parsed them, to the
   file STUB_LOG names, tab-separated and UTF-8, one line per run; exits with STUB_EXIT (0 when
   unset), or with the number in the file STUB_EXIT_FILE names when that file exists.
   A resident program: with STUB_HOLD naming a file, it stays running while that file exists,
   except a run whose first argument is STUB_RELEASE_ARG, which deletes the file and returns (a
   daemon and its stop command). */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static void put(FILE *f, const wchar_t *s) {
  char buf[8192];
  int n = WideCharToMultiByte(CP_UTF8, 0, s, -1, buf, sizeof buf, NULL, NULL);
  if (n > 0) fputs(buf, f);
}

static int exit_code(void) {
  const wchar_t *file = _wgetenv(L"STUB_EXIT_FILE");
  FILE *f = file ? _wfopen(file, L"rb") : NULL;
  if (f) {
    int code = 0;
    if (fscanf(f, "%d", &code) != 1) code = 98;
    fclose(f);
    return code;
  }
  const wchar_t *code = _wgetenv(L"STUB_EXIT");
  return code ? _wtoi(code) : 0;
}

int wmain(int argc, wchar_t **argv) {
  const wchar_t *log = _wgetenv(L"STUB_LOG");
  FILE *f = log ? _wfopen(log, L"ab") : NULL;
  if (!f) return 99;
  put(f, argv[0]);
  for (int i = 1; i < argc; i++) { fputc('\t', f); put(f, argv[i]); }
  fputc('\n', f);
  fclose(f);
  const wchar_t *hold = _wgetenv(L"STUB_HOLD");
  const wchar_t *release = _wgetenv(L"STUB_RELEASE_ARG");
  if (hold) {
    if (release && argc > 1 && wcscmp(argv[1], release) == 0) {
      _wremove(hold);
    } else {
      while (GetFileAttributesW(hold) != INVALID_FILE_ATTRIBUTES) Sleep(20);
    }
  }
  return exit_code();
}
