// Process hardening on Windows. A crash must neither wait on a dialog nor leave a dump holding the
// session key: no error boxes (SetErrorMode), and an unhandled-exception filter that ends the
// process at once with the exception's code, before Windows Error Reporting would collect a
// report or a dump. Not covered: crashes that bypass the filter (fail-fast, stack exhaustion on
// some versions) and dumps an administrator configured machine-wide (WER LocalDumps); the other
// half of the Linux call (no debugger attaching) has no per-process switch on Windows.
#include <windows.h>

#include "platform/process_hardening.h"

namespace cut::platform {
namespace {

LONG WINAPI endWithoutReport(EXCEPTION_POINTERS* exception) {
  const DWORD code = exception && exception->ExceptionRecord ? exception->ExceptionRecord->ExceptionCode : 1;
  TerminateProcess(GetCurrentProcess(), static_cast<UINT>(code));
  return EXCEPTION_EXECUTE_HANDLER;
}

}  // namespace

void disableCoreDumps() {
  SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX);
  SetUnhandledExceptionFilter(endWithoutReport);
}

}  // namespace cut::platform
