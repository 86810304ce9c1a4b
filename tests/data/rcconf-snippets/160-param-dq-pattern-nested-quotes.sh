v="a b c"
a="${v#"a "}"
b="${v%' c'}"
c=${v#a\ }
