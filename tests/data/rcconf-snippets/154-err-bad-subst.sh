#@ error
a=${x y}
