v='a*b*c'
a=${v#"a*"} b=${v#a*} c="${v%'*c'}" d="${v%*c}"
star='*'
e=${v#a$star} f=${v#a"$star"}
