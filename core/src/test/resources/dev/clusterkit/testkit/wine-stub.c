/* Test stub for a Windows program: appends its arguments, as the C runtime parsed them, to the
   file STUB_LOG names, tab-separated and UTF-8, one line per run; exits with STUB_EXIT (0 when
   unset). */
#include <windows.h>
#include <stdio.h>
#include <wchar.h>

static void put(FILE *f, const wchar_t *s) {
  char buf[8192];
  int n = WideCharToMultiByte(CP_UTF8, 0, s, -1, buf, sizeof buf, NULL, NULL);
  if (n > 0) fputs(buf, f);
}

int wmain(int argc, wchar_t **argv) {
  const wchar_t *log = _wgetenv(L"STUB_LOG");
  FILE *f = log ? _wfopen(log, L"ab") : NULL;
  if (!f) return 99;
  put(f, argv[0]);
  for (int i = 1; i < argc; i++) { fputc('\t', f); put(f, argv[i]); }
  fputc('\n', f);
  fclose(f);
  const wchar_t *code = _wgetenv(L"STUB_EXIT");
  return code ? _wtoi(code) : 0;
}
