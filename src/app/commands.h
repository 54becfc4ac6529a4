#pragma once
// The commands' handlers, one file each; command_table.cpp lists them with their names. The full
// program's (widget, status, set-key, autostart, forget) are defined twice, chosen by the link: the real ones in
// cut_app, hand-overs to the full program in the front (front_handover.cpp).

#include "app/cli.h"

namespace cut::app {

int runWidget(const Options& options);               ///< widget_app.cpp
int runStatus(const Options& options);               ///< cmd_status.cpp
int runSetKey(const Options& options);               ///< cmd_set_key.cpp
int runHistory(const Options& options);              ///< cmd_history.cpp
int runStatusline(const Options& options);           ///< cmd_statusline.cpp
int runInstallStatusline(const Options& options);    ///< cmd_install_statusline.cpp
int runUninstallStatusline(const Options& options);  ///< cmd_install_statusline.cpp
int runAutostart(const Options& options);            ///< cmd_autostart.cpp
int runForget(const Options& options);               ///< cmd_forget.cpp

}  // namespace cut::app
