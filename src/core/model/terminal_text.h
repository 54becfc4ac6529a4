#pragma once
// The one gate for outside text on its way to a terminal: a directory, model or branch name from
// Claude Code, an organization name or limit label from the server. An escape sequence there could
// rewrite the terminal's title or colours, and a newline would break the status line's one line.

#include <string>
#include <string_view>

namespace cut::core {

/// `text` with every C0 control byte (below 0x20: newline and escape included), DEL (0x7f) and
/// every UTF-8-encoded C1 control (U+0080..U+009F, which some terminals obey like ESC [) replaced
/// by '?'. Everything else, other UTF-8 included, is kept byte for byte.
std::string terminalSafe(std::string_view text);

}  // namespace cut::core
