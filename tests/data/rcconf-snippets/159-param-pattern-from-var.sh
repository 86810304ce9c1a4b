v=prefix-body-suffix
p=prefix-
q='-suf*'
a=${v#$p} b=${v%$q} c=${v#"$p"} d=${v%"$q"}
