#pragma once
// Each command is one function with its own file; main() parses and dispatches.

#include "app/cli.h"

namespace cut::app {

int runWidget(const Options& options);               ///< widget_app.cpp
int runStatus(const Options& options);               ///< cmd_status.cpp
int runSetKey(const Options& options);               ///< cmd_set_key.cpp
int runStatusline(const Options& options);           ///< cmd_statusline.cpp
int runInstallStatusline(const Options& options);    ///< cmd_install_statusline.cpp
int runUninstallStatusline(const Options& options);  ///< cmd_install_statusline.cpp
int runAutostart(const Options& options);            ///< cmd_autostart.cpp
int runForget(const Options& options);               ///< cmd_forget.cpp

}  // namespace cut::app
