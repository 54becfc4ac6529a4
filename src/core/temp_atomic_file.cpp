// temporary: replaced by atomic_file.cpp
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <random>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_file.h"

namespace cut::core {

Result<Done, FileError> writeFileAtomic(const std::filesystem::path& path, std::string_view content, mode_t mode) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  std::random_device rd;
  const auto tmp = path.parent_path() / ("." + path.filename().string() + ".tmp-" + std::to_string(rd()));
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) return fail(FileError{.message = "cannot create " + tmp.string() + ": " + std::strerror(errno)});
  std::size_t done = 0;
  while (done < content.size()) {
    const auto n = ::write(fd, content.data() + done, content.size() - done);
    if (n <= 0) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return fail(FileError{.message = "cannot write " + tmp.string()});
    }
    done += static_cast<std::size_t>(n);
  }
  ::fsync(fd);
  ::close(fd);
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return fail(FileError{.message = "cannot rename to " + path.string()});
  }
  return Done{};
}

Result<std::string, ReadError> readFile(const std::filesystem::path& path, std::size_t maxBytes) {
  std::FILE* file = std::fopen(path.c_str(), "rbe");
  if (file == nullptr) return fail(ReadError{.message = "cannot open " + path.string(), .missing = errno == ENOENT});
  std::string text(maxBytes + 1, '\0');
  const std::size_t got = std::fread(text.data(), 1, text.size(), file);
  std::fclose(file);
  if (got > maxBytes) return fail(ReadError{.message = path.string() + " is too large"});
  text.resize(got);
  return text;
}

}  // namespace cut::core
