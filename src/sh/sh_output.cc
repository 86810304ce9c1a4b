// The two output streams of the native sh interpreter and its `echo`.
#include "sh_output.h"

namespace rcjail {

void ShOutput::write(int fd, std::string_view bytes) {
  text_[fd == 2 ? mapping_.fd2 : mapping_.fd1].append(bytes);
}

std::optional<std::string> ShOutput::redirect(const std::vector<ShRedirect>& redirects) {
  Mapping next = mapping_;
  for (const ShRedirect& r : redirects) {
    const int fd = r.fd < 0 ? (r.op[0] == '<' ? 0 : 1) : r.fd;
    const std::string_view target = r.target.plainText();
    if (r.op != ">&" || (fd != 1 && fd != 2) || (target != "1" && target != "2")) {
      return "a redirection (" + (r.fd < 0 ? std::string() : std::to_string(r.fd)) + r.op + ")";
    }
    const Stream to = target == "1" ? next.fd1 : next.fd2;
    (fd == 1 ? next.fd1 : next.fd2) = to;
  }
  mapping_ = next;
  return std::nullopt;
}

std::optional<std::string> shEchoText(const std::vector<std::string>& args) {
  std::string text;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if ((i == 1 && !arg.empty() && arg[0] == '-') || arg.find('\\') != std::string::npos) return std::nullopt;
    if (i > 1) text += ' ';
    text += arg;
  }
  return text + '\n';
}

}  // namespace rcjail
