#pragma once
// UTF-8 <-> UTF-16 for the Windows files: the program's strings are UTF-8, Windows' wide APIs take
// UTF-16. Internal to src/platform; Windows only.

#include <string>
#include <string_view>

namespace cut::platform::windows {

std::wstring widen(std::string_view utf8);
std::string narrow(std::wstring_view utf16);

/// `argument` quoted for a command line that CommandLineToArgvW (and the C runtime) splits back
/// into the same argument: quotes only when needed, backslashes doubled only before a quote.
std::wstring quoteArgument(std::wstring_view argument);

/// `text` when it has at most `maxUnits` UTF-16 units, else its start and an ellipsis in
/// `maxUnits` units, cut before a whole character: never between the two halves of a surrogate
/// pair, so what a fixed-size Windows field shows is still valid UTF-16.
std::wstring fitUtf16(std::wstring_view text, std::size_t maxUnits);

}  // namespace cut::platform::windows
