x=abc
a="${unset:-'q'}"
b=${unset:-'q'}
c="${x#'a'}"
d="${x#"a"}"
e="${unset:-"q r"}"
f="${unset:-a\}b}"
