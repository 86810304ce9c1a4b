// jail.conf reader: statement forms, per-jail merging with wildcards,
// equalopts and variables, and the typed reads jail(8) makes.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "jail_conf.h"
#include "jail_conf_test_support.h"

namespace {

using jail_conf_test::jailNames;
using jail_conf_test::jailOf;
using jail_conf_test::paramNames;
using jail_conf_test::parse;
using jail_conf_test::Strings;
using rcjail::JailConf;
using rcjail::JailConfJail;

}  // namespace

BOOST_AUTO_TEST_SUITE(jail_conf)

BOOST_AUTO_TEST_CASE(defaults_jails_and_enforced_values) {
  JailConf conf = parse(R"(# defaults first, jails after, enforced values last
exec.start = "/bin/sh /etc/rc";
exec.stop = "/bin/sh /etc/rc.shutdown jail";
exec.clean;
mount.devfs;
path = "/var/jail/$name";
host.hostname = "$name.example.net";

www {
	ip4.addr = 10.1.1.1, 10.1.1.2;
	allow.raw_sockets;
}
mail {
	ip4.addr += 10.1.1.3;
	host.hostname = "smtp.example.net";
	exec.start += "/usr/local/bin/mail-extra";
}
* { securelevel = 3; }
)");
  BOOST_TEST(jailNames(conf) == (Strings{"www", "mail"}));
  const JailConfJail& www = jailOf(conf, "www");
  BOOST_TEST(paramNames(www) == (Strings{"name", "exec.start", "exec.stop", "exec.clean", "mount.devfs", "path",
                                         "host.hostname", "ip4.addr", "allow.raw_sockets", "securelevel"}));
  BOOST_TEST(www.last("path") == "/var/jail/www");
  BOOST_TEST(www.last("host.hostname") == "www.example.net");
  BOOST_TEST(www.values("ip4.addr") == (Strings{"10.1.1.1", "10.1.1.2"}));
  BOOST_TEST(*www.flag("exec.clean"));
  BOOST_TEST(!www.find("exec.clean")->hasValue);
  BOOST_TEST(www.last("securelevel") == "3");
  BOOST_TEST(www.errors.empty());
  BOOST_TEST(www.where.str() == "test.conf:9");
  BOOST_TEST(www.find("path")->where.str() == "test.conf:6");

  const JailConfJail& mail = jailOf(conf, "mail");
  BOOST_TEST(mail.last("host.hostname") == "smtp.example.net");
  BOOST_TEST(mail.values("exec.start") == (Strings{"/bin/sh /etc/rc", "/usr/local/bin/mail-extra"}));
  BOOST_TEST(mail.values("ip4.addr") == (Strings{"10.1.1.3"}));
  BOOST_TEST(mail.find("exec.start")->where.str() == "test.conf:16");
  BOOST_TEST(!mail.find("allow.raw_sockets"));
}

BOOST_AUTO_TEST_CASE(statement_forms) {
  JailConf conf = parse(R"(;;
j {
	;
	exec.start "/bin/sh /etc/rc";
	list a, "b c", 'd';
	cleared = a; cleared; cleared += b;
	appended = a; appended += b, c;
	replaced = a, b; replaced = c;
	empty = "";
	.include = "not a directive";
};
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(j.values("exec.start") == (Strings{"/bin/sh /etc/rc"}));
  BOOST_TEST(j.values("list") == (Strings{"a", "b c", "d"}));
  BOOST_TEST(j.values("cleared") == (Strings{"b"}));
  BOOST_TEST(j.values("appended") == (Strings{"a", "b", "c"}));
  BOOST_TEST(j.values("replaced") == (Strings{"c"}));
  BOOST_TEST(j.values("empty") == (Strings{""}));
  BOOST_TEST(j.find("empty")->hasValue);
  BOOST_TEST(j.last(".include") == "not a directive");
}

BOOST_AUTO_TEST_CASE(quoted_and_numeric_jail_names) {
  JailConf conf = parse(R"("my jail" { x = 1; }
'single' { }
5 { name = web; }
0 { }
007 { }
)");
  BOOST_TEST(jailNames(conf) == (Strings{"my jail", "single", "5", "0", "007"}));
  BOOST_TEST(jailOf(conf, "my jail").last("name") == "my jail");
  const JailConfJail& five = jailOf(conf, "5");
  BOOST_TEST(paramNames(five) == (Strings{"jid", "name"}));
  BOOST_TEST(five.last("jid") == "5");
  BOOST_TEST(five.last("name") == "web");
  BOOST_TEST(five.errors.empty());
  BOOST_TEST(paramNames(jailOf(conf, "0")) == (Strings{"name"}));  // 0 is no jid
  BOOST_TEST(jailOf(conf, "007").last("jid") == "007");
}

BOOST_AUTO_TEST_CASE(name_and_jid_cannot_be_redefined) {
  JailConf conf = parse(R"(a { name = other; }
5 { jid = 6; name = x; name = y; }
b { noname; }
* { name = late; }
)");
  BOOST_TEST(jailOf(conf, "a").errors ==
             (Strings{"cannot redefine parameter \"name\".", "cannot redefine parameter \"name\"."}));
  BOOST_TEST(jailOf(conf, "a").last("name") == "a");
  BOOST_TEST(jailOf(conf, "5").errors ==
             (Strings{"cannot redefine parameter \"jid\".", "cannot redefine parameter \"name\".",
                      "cannot redefine parameter \"name\"."}));
  BOOST_TEST(jailOf(conf, "5").last("name") == "x");
  BOOST_TEST(jailOf(conf, "b").errors.size() == 2U);
}

BOOST_AUTO_TEST_CASE(equalopts_names) {
  using rcjail::jailConfEqualOpts;
  BOOST_TEST(jailConfEqualOpts("persist", "persist"));
  BOOST_TEST(jailConfEqualOpts("persist", "nopersist"));
  BOOST_TEST(jailConfEqualOpts("nopersist", "persist"));
  BOOST_TEST(jailConfEqualOpts("allow.mount", "allow.nomount"));
  BOOST_TEST(jailConfEqualOpts("allow.mount", "noallow.mount"));
  BOOST_TEST(jailConfEqualOpts("a.b.c", "a.nob.c"));
  BOOST_TEST(jailConfEqualOpts("a.b.noc", "a.b.c"));
  BOOST_TEST(!jailConfEqualOpts("nonopersist", "persist"));
  BOOST_TEST(!jailConfEqualOpts("allow.mount", "allow.mount.devfs"));
  BOOST_TEST(!jailConfEqualOpts("a.b", "a.c"));
  BOOST_TEST(!jailConfEqualOpts("x.nob.c", "a.b.c"));
}

BOOST_AUTO_TEST_CASE(equalopts_merge_and_flags) {
  JailConf conf = parse(R"(persist;
allow.mount;
j {
	nopersist;
	allow.nomount = 1;
	mount.devfs = false;
	mount.fdescfs = 0;
	mount.procfs = TRUE;
	exec.clean = 5;
	ip_hostname = "yes?";
}
k { allow.mount = 0; allow.mount = true; }
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(paramNames(j) == (Strings{"name", "nopersist", "allow.nomount", "mount.devfs", "mount.fdescfs",
                                       "mount.procfs", "exec.clean", "ip_hostname"}));
  BOOST_TEST(!*j.flag("persist"));
  BOOST_TEST(!*j.flag("nopersist"));  // the same parameter, read the same way
  BOOST_TEST(!*j.flag("allow.mount"));
  BOOST_TEST(j.find("allow.mount")->name == "allow.nomount");
  BOOST_TEST(!*j.flag("mount.devfs"));
  BOOST_TEST(!*j.flag("mount.fdescfs"));
  BOOST_TEST(*j.flag("mount.procfs"));
  BOOST_TEST(*j.flag("exec.clean"));
  BOOST_TEST(!*j.flag("ip_hostname"));
  BOOST_TEST(!j.flag("vnet").has_value());
  BOOST_TEST(*jailOf(conf, "k").flag("allow.mount"));
}

BOOST_AUTO_TEST_CASE(internal_value_checks_and_integers) {
  JailConf conf = parse(R"(j {
	exec.clean = yes;
	mount.devfs = "";
	ip_hostname = TRUE;
	exec.system_jail_user = " 1";
	exec.fib = 1x;
	stop.timeout = "";
	exec.timeout = " 30";
	allow.mount = bogus;
	persist = maybe;
}
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(rcjail::checkJailConfInternalValues(j) ==
             (Strings{"exec.clean: unknown boolean value \"yes\"", "exec.fib: non-integer value \"1x\"",
                      "stop.timeout: non-integer value \"\""}));
  BOOST_TEST(*j.integer("exec.timeout") == 30);
  BOOST_TEST(*j.integer("exec.fib") == 1);
  BOOST_TEST(!j.integer("exec.consolelog").has_value());
  BOOST_TEST(*j.flag("exec.system_jail_user"));
}

BOOST_AUTO_TEST_CASE(known_parameter_table) {
  using rcjail::findJailConfKnownParam;
  using rcjail::JailConfParamType;
  BOOST_TEST(findJailConfKnownParam("mount.nodevfs")->name == "mount.devfs");
  BOOST_TEST(findJailConfKnownParam("nopersist")->name == "persist");
  BOOST_TEST((findJailConfKnownParam("exec.start")->type == JailConfParamType::List));
  BOOST_TEST((findJailConfKnownParam("stop.timeout")->type == JailConfParamType::Integer));
  BOOST_TEST(findJailConfKnownParam("mount")->reversedOnStop);
  BOOST_TEST(findJailConfKnownParam("name")->immutable);
  BOOST_TEST(!findJailConfKnownParam("allow.nosuch"));
  BOOST_TEST(rcjail::jailConfKnownParams().size() == 45U);
}

BOOST_AUTO_TEST_CASE(wildcard_names) {
  using rcjail::isJailConfWildcard;
  using rcjail::jailConfWildcardMatches;
  BOOST_TEST(isJailConfWildcard("*"));
  BOOST_TEST(isJailConfWildcard("web.*"));
  BOOST_TEST(isJailConfWildcard("*.db"));
  BOOST_TEST(isJailConfWildcard("a.*.c"));
  BOOST_TEST(!isJailConfWildcard("a*"));
  BOOST_TEST(!isJailConfWildcard("a.*b"));
  BOOST_TEST(!isJailConfWildcard("**"));
  BOOST_TEST(jailConfWildcardMatches("*", "a"));
  BOOST_TEST(jailConfWildcardMatches("*", "a.b"));
  BOOST_TEST(jailConfWildcardMatches("web.*", "web.a"));
  BOOST_TEST(jailConfWildcardMatches("web.*", "web.a.b"));
  BOOST_TEST(!jailConfWildcardMatches("web.*", "web"));
  BOOST_TEST(!jailConfWildcardMatches("web.*", "webx.a"));
  BOOST_TEST(jailConfWildcardMatches("*.db", "a.db"));
  BOOST_TEST(!jailConfWildcardMatches("*.db", "a.b.db"));
  BOOST_TEST(jailConfWildcardMatches("a.*.c", "a.x.c"));
  BOOST_TEST(!jailConfWildcardMatches("a.*.c", "a.x.y.c"));
}

BOOST_AUTO_TEST_CASE(wildcard_precedence) {
  JailConf conf = parse(R"(tag = global-default;
persist;
a { persist = 0; tag = a; }
* { tag = enforced; }
b { tag = b; }
"web.*" { role = web; tag = web-default; }
web.front { tag = front; }
web.back.db { }
web { }
"*.db" { role = db; }
)");
  BOOST_TEST(jailNames(conf) == (Strings{"a", "b", "web.front", "web.back.db", "web"}));
  BOOST_TEST(jailOf(conf, "a").last("tag") == "enforced");  // the `*` block below a wins
  BOOST_TEST(!*jailOf(conf, "a").flag("persist"));
  BOOST_TEST(jailOf(conf, "b").last("tag") == "b");  // above b: a default b overrides
  BOOST_TEST(*jailOf(conf, "b").flag("persist"));
  BOOST_TEST(jailOf(conf, "web.front").last("tag") == "front");
  BOOST_TEST(jailOf(conf, "web.front").last("role") == "web");
  BOOST_TEST(jailOf(conf, "web.back.db").last("tag") == "web-default");
  BOOST_TEST(jailOf(conf, "web.back.db").last("role") == "web");  // *.db needs two components
  BOOST_TEST(!jailOf(conf, "web").find("role"));
}

BOOST_AUTO_TEST_CASE(global_statements_form_one_block_at_the_first) {
  // jail(8) since June 2023: the `x = late;` run joins the globals written
  // before `a`, so a's own value wins (jail_conf_grammar_test.cc has the
  // older rule, where it came after a and won).
  JailConf conf = parse(R"(y = 1;
a { x = own; }
x = late;
b { x = own; }
)");
  BOOST_TEST(jailOf(conf, "a").last("x") == "own");
  BOOST_TEST(jailOf(conf, "b").last("x") == "own");
  BOOST_TEST(jailOf(conf, "a").last("y") == "1");
}

BOOST_AUTO_TEST_CASE(duplicate_blocks_stay_separate_jails) {
  JailConf conf = parse("a { x = 1; }\na { x = 2; }\n");
  BOOST_TEST(jailNames(conf) == (Strings{"a", "a"}));
  BOOST_TEST(conf.find("a")->last("x") == "1");
}

BOOST_AUTO_TEST_CASE(variables_and_parameters_as_references) {
  JailConf conf = parse(R"($domain = example.org;
host.hostname = "$name.$domain";
j {
	exec.start = "echo ${host.hostname}";
	host = H;
	dotted = "$host.hostname";
	path = /jails/$name;
}
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(j.errors.empty());
  BOOST_TEST(j.last("host.hostname") == "j.example.org");
  BOOST_TEST(j.last("exec.start") == "echo j.example.org");
  BOOST_TEST(j.last("dotted") == "H.hostname");
  BOOST_TEST(j.last("path") == "/jails/j");
  BOOST_TEST(!j.find("domain"));  // variables are dropped
}

BOOST_AUTO_TEST_CASE(variable_chains_reorder_like_jail8) {
  JailConf conf = parse(R"($a = "$b-x";
$b = "${c}-y";
$c = z;
j {
	p = $a;
	first = "$second";
	second = "${third}!";
	third = 3;
}
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(j.errors.empty());
  BOOST_TEST(j.last("p") == "z-y-x");
  BOOST_TEST(j.last("first") == "3!");
  // `second` still had a reference when `first` needed it, so jail(8) moved it in front.
  BOOST_TEST(paramNames(j) == (Strings{"name", "p", "second", "first", "third"}));
}

BOOST_AUTO_TEST_CASE(variable_errors) {
  JailConf conf = parse(R"(loop { $a = "$b"; $b = "$a"; x = "$a"; }
self { $s = "x$s"; }
missing { x = "$nope and $nope2"; persist; y = "$persist"; }
)");
  BOOST_TEST(jailOf(conf, "loop").errors == (Strings{"a: variable loop"}));
  BOOST_TEST(jailOf(conf, "self").errors == (Strings{"s: variable loop"}));
  BOOST_TEST(jailOf(conf, "missing").errors ==
             (Strings{"x: variable \"nope\" not found", "x: variable \"nope2\" not found",
                      "y: variable \"persist\" not found"}));
}

BOOST_AUTO_TEST_CASE(global_variable_errors_reach_every_jail) {
  JailConf conf = parse("x = \"$undefined\";\na { }\nb { }\n");
  for (const char* name : {"a", "b"}) {
    BOOST_TEST(jailOf(conf, name).errors == (Strings{"x: variable \"undefined\" not found"}));
  }
}

BOOST_AUTO_TEST_CASE(list_references) {
  JailConf conf = parse(R"($list = one, two;
j {
	ip4.addr = 10.0.0.1, 10.0.0.2;
	whole = "${ip4.addr}";
	more = "${ip4.addr}", last;
	commands = $list;
	inline = "addr ${ip4.addr}";
	twice = "${ip4.addr}${ip4.addr}";
	single = "[$one]";
	$one = only;
}
)");
  const JailConfJail& j = jailOf(conf, "j");
  BOOST_TEST(j.values("whole") == (Strings{"10.0.0.1", "10.0.0.2"}));
  BOOST_TEST(j.values("more") == (Strings{"10.0.0.1", "10.0.0.2", "last"}));
  BOOST_TEST(j.values("commands") == (Strings{"one", "two"}));
  BOOST_TEST(j.last("single") == "[only]");
  BOOST_TEST(j.errors ==
             (Strings{"inline: array cannot be substituted inline", "twice: array cannot be substituted inline"}));
}

BOOST_AUTO_TEST_CASE(variable_and_parameter_names_clash) {
  JailConf conf = parse(R"(a { $path = /x; }
b { foo = 1; $foo = 2; }
$bar = 1;
c { bar = 2; }
d { ${exec.nostart} = x; }
)");
  BOOST_TEST(jailOf(conf, "a").errors == (Strings{"variable \"$path\" cannot have the same name as a parameter."}));
  BOOST_TEST(jailOf(conf, "b").errors == (Strings{"variable \"$foo\" cannot have the same name as a parameter."}));
  BOOST_TEST(jailOf(conf, "b").last("foo") == "1");
  BOOST_TEST(jailOf(conf, "c").errors == (Strings{"variable \"$bar\" cannot have the same name as a parameter."}));
  BOOST_TEST(jailOf(conf, "d").errors ==
             (Strings{"variable \"$exec.nostart\" cannot have the same name as a parameter."}));
}

BOOST_AUTO_TEST_SUITE_END()
