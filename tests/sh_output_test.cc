// Tests of the native interpreter's output streams: where `N>&M` points fds
// 1 and 2, what is not understood, and the bytes of echo.
#include <boost/test/unit_test.hpp>

#include "sh_output.h"

namespace rcjail {
namespace {

ShRedirect dup(int fd, const std::string& op, const std::string& target) {
  ShRedirect r;
  r.fd = fd;
  r.op = op;
  ShWordPart part;
  part.text = target;
  r.target.parts.push_back(part);
  return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(sh_output)

BOOST_AUTO_TEST_CASE(writes_go_to_the_stream_each_fd_points_at) {
  ShOutput out;
  out.write(1, "a");
  out.write(2, "b");
  const ShOutput::Mapping before = out.mapping();
  BOOST_TEST(!out.redirect({dup(-1, ">&", "2")}));  // >&2
  out.write(1, "c");
  out.restore(before);
  out.write(1, "d");
  BOOST_TEST(!out.redirect({dup(2, ">&", "1"), dup(1, ">&", "2")}));  // 2>&1 1>&2: both to stdout
  out.write(1, "e");
  out.write(2, "f");
  BOOST_TEST(out.text(ShOutput::Out) == "adef");
  BOOST_TEST(out.text(ShOutput::Err) == "bc");
}

BOOST_AUTO_TEST_CASE(other_redirections_are_named_and_not_applied) {
  ShOutput out;
  BOOST_TEST(out.redirect({dup(2, ">&", "1"), dup(-1, ">", "/dev/null")}).value() == "a redirection (>)");
  BOOST_TEST(out.redirect({dup(3, ">&", "1")}).value() == "a redirection (3>&)");
  BOOST_TEST(out.redirect({dup(-1, ">&", "-")}).value() == "a redirection (>&)");
  BOOST_TEST(out.redirect({dup(-1, "<&", "2")}).value() == "a redirection (<&)");
  out.write(2, "x");  // the first, valid redirection of the refused list was not applied
  BOOST_TEST(out.text(ShOutput::Err) == "x");
}

BOOST_AUTO_TEST_CASE(echo_bytes_or_nothing_where_shells_differ) {
  BOOST_TEST(shEchoText({"echo"}).value() == "\n");
  BOOST_TEST(shEchoText({"echo", "a", "", "b c"}).value() == "a  b c\n");
  BOOST_TEST(shEchoText({"echo", "a", "-n"}).value() == "a -n\n");
  BOOST_TEST(!shEchoText({"echo", "-n", "a"}));
  BOOST_TEST(!shEchoText({"echo", "-e"}));
  BOOST_TEST(!shEchoText({"echo", "a\\c"}));
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace rcjail
